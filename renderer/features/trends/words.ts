import type { TFunction } from 'i18next';
import type { TrendPoint, TrendSeries } from '../../../src/contract/index.js';
import type { Numbers } from '../tables/words';

/** A figure in the series' units: "57.1%", "3.42" or "31.2 points". */
export function figureWords(t: TFunction, value: number, units: TrendSeries['units'], numbers: Numbers): string {
  if (units === 'percent') return t('trends.words.percent', { value: numbers.one.format(value) });
  if (units === 'score') return numbers.two.format(value);
  return t('trends.words.points', { value: numbers.one.format(value) });
}

/** The size of a change: percentage points, score points or points of a gap. */
function changeSize(t: TFunction, value: number, units: TrendSeries['units'], numbers: Numbers): string {
  return units === 'score' ? t('trends.words.scorePoints', { value: numbers.two.format(value) }) : t('trends.words.points', { value: numbers.one.format(value) });
}

/** "Down 4.0 points since 2023, a change unlikely to be chance (p = 0.010)", or that there is no clear change. */
export function changeSentence(t: TFunction, series: TrendSeries, numbers: Numbers): string | null {
  const change = series.change;
  if (!change || series.waves.length < 2) return null;
  const previous = series.waves[series.waves.length - 2]!;
  const since = waveName(previous);
  const p = change.p < 0.001 ? t('trends.words.pBelow', { p: numbers.three.format(0.001) }) : t('trends.words.pEquals', { p: numbers.three.format(change.p) });
  const size = changeSize(t, Math.abs(change.estimate), series.units, numbers);
  const rounded = series.units === 'score' ? Number(numbers.two.format(Math.abs(change.estimate)).replace(/,/g, '')) : Number(numbers.one.format(Math.abs(change.estimate)).replace(/,/g, ''));
  if (rounded === 0) return t('trends.change.same', { since, p });
  const significant = change.p < 0.05;
  if (change.estimate > 0) return significant ? t('trends.change.upSignificant', { size, since, p }) : t('trends.change.upNotSignificant', { size, since, p });
  return significant ? t('trends.change.downSignificant', { size, since, p }) : t('trends.change.downNotSignificant', { size, since, p });
}

/** A wave as the page names it: its label, with the survey's name when the series spans several surveys. */
export function waveName(point: Pick<TrendPoint, 'wave' | 'survey'>, withSurvey = false): string {
  return withSurvey ? `${point.survey} ${point.wave}` : point.wave;
}

export function matchWords(t: TFunction, matchedBy: TrendPoint['matchedBy']): string {
  switch (matchedBy) {
    case 'first':
      return t('trends.match.first');
    case 'name':
      return t('trends.match.name');
    case 'text':
      return t('trends.match.text');
    case 'given':
      return t('trends.match.given');
  }
}

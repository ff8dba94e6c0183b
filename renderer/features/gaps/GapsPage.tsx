import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { formatLocales } from '../../i18n';
import { useSurveys } from '../data/useSurveys';
import { useWaveOptions } from '../tables/useWaveOptions';
import { numbersFor } from '../tables/words';
import { initialGapChoice, type GapChoice } from './choice';
import { GapCard } from './GapCard';
import { GapForm } from './GapForm';
import { GroupBreakdown } from './GroupBreakdown';
import { PairList } from './PairList';
import { QuadrantChart } from './QuadrantChart';
import { useGapPairs } from './useGapPairs';
import { useGapResults } from './useGapResults';
import './gaps.css';

/**
 * Gaps: how much more important residents say each thing is than they are satisfied with it. The pairs of questions
 * (checked and corrected by the user), each pair's gap with its target, the quadrant chart, and one pair by group.
 */
export function GapsPage() {
  const { t, i18n } = useTranslation();
  const numbers = useMemo(() => numbersFor(formatLocales(i18n.language)), [i18n.language]);
  const headlinesId = useId();
  const surveys = useSurveys();
  const [choice, setChoice] = useState<GapChoice | null>(null);
  const options = useWaveOptions(choice?.waveId ?? null);
  const { pairs, change } = useGapPairs(choice?.waveId ?? null);

  useEffect(() => {
    if (surveys.state === 'ready' && choice === null) setChoice(initialGapChoice(surveys.value));
  }, [surveys, choice]);

  const ready = options.state === 'ready' && options.value.waveId === choice?.waveId ? options.value : null;
  // A weight the new wave does not have is let go of, as on the Tables page.
  useEffect(() => {
    if (ready && choice && choice.weight && !ready.weights.some((w) => w.name === choice.weight)) setChoice({ ...choice, weight: '' });
  }, [ready, choice]);

  const pairList = pairs.state === 'ready' && ready ? pairs.value.pairs : null;
  const results = useGapResults(ready ? choice : null, pairList);
  const wave = surveys.state === 'ready' ? surveys.value.flatMap((s) => s.waves).find((w) => w.id === choice?.waveId) : undefined;
  const noSurveys = surveys.state === 'ready' && initialGapChoice(surveys.value) === null;
  const shown = results?.state === 'ready' ? results.value : null;
  const chart = shown?.results[0]?.quadrants.items ?? null;

  return (
    <div className="gaps-page">
      <PageHeading title={t('pages.gaps.title')} />
      <p className="lead">{t('gaps.intro')}</p>
      {surveys.state === 'loading' && <p role="status">{t('gaps.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {noSurveys && (
        <p className="inset">
          {t('gaps.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('gaps.importLink')}</a>
        </p>
      )}
      {surveys.state === 'ready' && choice && <GapForm surveys={surveys.value} choice={choice} weights={ready?.weights ?? null} onChange={setChoice} />}
      {options.state === 'failed' && <ErrorAlert error={options.error} />}
      {pairs.state === 'failed' && <ErrorAlert error={pairs.error} />}

      {choice && pairs.state === 'ready' && (
        <>
          <section className="gaps-section" aria-labelledby={headlinesId}>
            <h2 id={headlinesId}>{t('gaps.headlines.title')}</h2>
            <p className="hint">{t('gaps.headlines.intro')}</p>
            {results?.state === 'loading' && <p role="status">{t('gaps.headlines.running')}</p>}
            {results?.state === 'failed' && <ErrorAlert error={results.error} about="analysis" />}
            {shown && shown.pairs.length === 0 && <p className="inset">{t('gaps.pairs.none')}</p>}
            {shown && (
              <div className="gap-cards" aria-busy={results?.state === 'loading'}>
                {shown.pairs.map((pair, i) => (
                  <GapCard key={pair.key} pair={pair} result={shown.results[i]!} waveYear={wave?.year ?? null} numbers={numbers} change={change} />
                ))}
              </div>
            )}
          </section>
          {chart && chart.points.length > 0 && (
            <QuadrantChart chart={chart} crosshairs={choice.crosshairs} onCrosshairs={(crosshairs) => setChoice({ ...choice, crosshairs })} numbers={numbers} />
          )}
          {ready && pairs.value.pairs.length > 0 && <GroupBreakdown choice={choice} pairs={pairs.value.pairs} variables={ready.variables} numbers={numbers} />}
          <PairList pairs={pairs.value} change={change} />
        </>
      )}
    </div>
  );
}

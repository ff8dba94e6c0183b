import type { TFunction } from 'i18next';
import type { GapMethod, GapPair, GapResult, Quadrant, SavedGapTarget, TargetStatus } from '../../../src/contract/index.js';
import type { Numbers } from '../tables/words';

/** "p = 0.012" or "p < 0.001". */
export function pWords(t: TFunction, p: number, numbers: Numbers): string {
  return p < 0.001 ? t('gaps.words.pBelow', { p: numbers.three.format(0.001) }) : t('gaps.words.pEquals', { p: numbers.three.format(p) });
}

/** A gap or score figure in the result's units: "31.2 points" or "1.23 score points". */
export function gapWords(t: TFunction, value: number, units: GapResult['units'], numbers: Numbers): string {
  return units === 'score' ? t('gaps.words.scorePoints', { value: numbers.two.format(value) }) : t('gaps.words.points', { value: numbers.one.format(value) });
}

export function intervalWords(t: TFunction, ci: [number, number] | null, units: GapResult['units'], numbers: Numbers): string {
  if (!ci) return t('gaps.words.noInterval');
  const f = units === 'score' ? numbers.two : numbers.one;
  return t('gaps.words.interval', { lo: f.format(ci[0]), hi: f.format(ci[1]) });
}

/** How a pair was found, in words a user can check. */
export function sourceWords(t: TFunction, pair: GapPair): string {
  if (pair.confirmed) return t('gaps.pairs.sourceConfirmed');
  switch (pair.source) {
    case 'metadata':
      return t('gaps.pairs.sourceMetadata');
    case 'names':
      return t('gaps.pairs.sourceNames');
    case 'text':
      return t('gaps.pairs.sourceText');
  }
}

/** A group against the rest in words: which way, by how much, and whether it is likely to be chance (5% level). */
export function versusRestWords(t: TFunction, vsRest: { difference: number; p: number }, units: GapResult['units'], numbers: Numbers): string {
  const size = gapWords(t, Math.abs(vsRest.difference), units, numbers);
  const p = pWords(t, vsRest.p, numbers);
  if (vsRest.p >= 0.05) return t('gaps.groups.noEvidence', { p });
  return vsRest.difference > 0 ? t('gaps.groups.wider', { size, p }) : t('gaps.groups.narrower', { size, p });
}

/** The target in words: "Bring the gap down to 30 points by 2026 (from 37 in 2016)". */
export function targetWords(t: TFunction, target: SavedGapTarget, numbers: Numbers): string {
  const values = { value: numbers.one.format(target.value), year: target.year };
  const goal = target.direction === 'lower' ? t('gaps.target.goalLower', values) : t('gaps.target.goalHigher', values);
  return target.baseline ? t('gaps.target.withBaseline', { goal, value: numbers.one.format(target.baseline.value), year: target.baseline.year }) : goal;
}

/** The target's status as a sentence: what the latest interval says against the target or the path to it. */
export function statusWords(t: TFunction, status: TargetStatus, target: SavedGapTarget, hasInterval: boolean, numbers: Numbers): string {
  if (!hasInterval) return t('gaps.status.noInterval');
  const values = { expected: numbers.one.format(status.expected), target: numbers.one.format(target.value) };
  const onPath = status.expected !== target.value;
  const lower = target.direction === 'lower';
  switch (status.status) {
    case 'met':
      return lower ? t('gaps.status.metLower', values) : t('gaps.status.metHigher', values);
    case 'on_track':
      return lower ? t('gaps.status.onTrackLower', values) : t('gaps.status.onTrackHigher', values);
    case 'not_met':
      return (onPath ? t('gaps.status.notMetPath', values) : t('gaps.status.notMet', values));
    case 'cannot_tell':
      return (onPath ? t('gaps.status.cannotTellPath', values) : t('gaps.status.cannotTell', values));
  }
}

/** Martilla & James's quadrant names. */
export function quadrantName(t: TFunction, quadrant: Quadrant): string {
  switch (quadrant) {
    case 'concentrate_here':
      return t('gaps.quadrant.concentrateHere');
    case 'keep_up_the_good_work':
      return t('gaps.quadrant.keepUp');
    case 'low_priority':
      return t('gaps.quadrant.lowPriority');
    case 'possible_overkill':
      return t('gaps.quadrant.possibleOverkill');
  }
}

export function statusLabel(t: TFunction, status: TargetStatus['status']): string {
  switch (status) {
    case 'met':
      return t('gaps.status.labelMet');
    case 'on_track':
      return t('gaps.status.labelOnTrack');
    case 'not_met':
      return t('gaps.status.labelNotMet');
    case 'cannot_tell':
      return t('gaps.status.labelCannotTell');
  }
}

/** Each method's name and what it means, in plain words. */
export function methodWords(t: TFunction, method: GapMethod): { name: string; hint: string } {
  switch (method) {
    case 'own':
      return { name: t('gaps.method.own'), hint: t('gaps.method.ownHint') };
    case 'paired':
      return { name: t('gaps.method.paired'), hint: t('gaps.method.pairedHint') };
    case 'mean':
      return { name: t('gaps.method.mean'), hint: t('gaps.method.meanHint') };
  }
}

import type { GapMethod, GapPair, GapRequest, SurveySummary } from '../../../src/contract/index.js';
import { latestWave } from '../tables/choice';

/** What the Gaps page shows: one wave of a survey, weighted or not, by one of the three gap methods. */
export interface GapChoice {
  surveyId: number;
  waveId: number;
  /** '' for unweighted. */
  weight: string;
  method: GapMethod;
  crosshairs: 'means' | 'midpoint';
}

/** The first survey with a wave, at its latest wave, own bases (the councils' published indicator). */
export function initialGapChoice(surveys: readonly SurveySummary[]): GapChoice | null {
  for (const survey of surveys) {
    const wave = latestWave(survey);
    if (wave) return { surveyId: survey.id, waveId: wave.id, weight: '', method: 'own', crosshairs: 'means' };
  }
  return null;
}

/**
 * The gaps.compute request for one pair. A saved target is in percentage points, so it is read against top-box
 * gaps only, never against a gap of mean scores.
 */
export function gapRequest(choice: GapChoice, pair: GapPair, extra: Partial<GapRequest> = {}): GapRequest {
  return {
    waveId: choice.waveId,
    importance: pair.importance.name,
    satisfaction: pair.satisfaction.name,
    method: choice.method,
    weight: choice.weight || null,
    crosshairs: choice.crosshairs,
    itemChart: false,
    target: choice.method !== 'mean' ? pair.target : null,
    ...extra,
  };
}

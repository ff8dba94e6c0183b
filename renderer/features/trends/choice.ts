import type { SurveySummary, TableVariable, TrendRequest, WaveSummary } from '../../../src/contract/index.js';

export type TrendMeasure = 'top' | 'mean' | 'gap';

/** What the Trends form holds. Empty strings mean "not chosen" (no question yet, unweighted). */
export interface TrendChoice {
  /** The waves to follow, oldest first. */
  waveIds: number[];
  question: string;
  measure: TrendMeasure;
  weight: string;
  /** A question the user picked in a later wave instead of the automatic match, by wave. */
  matches: Record<number, string>;
}

export interface WaveOption extends WaveSummary {
  surveyName: string;
}

/** Every wave of every survey, oldest first (by year, then as imported). */
export function allWaves(surveys: readonly SurveySummary[]): WaveOption[] {
  return surveys
    .flatMap((s) => s.waves.map((w) => ({ ...w, surveyName: s.name })))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || a.id - b.id);
}

/** The first survey with two or more waves (else the first with any), all its waves; nothing else chosen yet. */
export function initialTrendChoice(surveys: readonly SurveySummary[]): TrendChoice | null {
  const survey = surveys.find((s) => s.waves.length >= 2) ?? surveys.find((s) => s.waves.length > 0);
  if (!survey) return null;
  const waveIds = allWaves([survey]).map((w) => w.id);
  return { waveIds, question: '', measure: 'top', weight: '', matches: {} };
}

/** Questions a trend can follow: single-answer closed questions (a scale or categories). */
export function trendQuestions(variables: readonly TableVariable[]): TableVariable[] {
  return variables.filter((v) => (v.kind === 'likert' || v.kind === 'single') && v.categories.length >= 2);
}

export function toTrendRequest(choice: TrendChoice, order: readonly WaveOption[]): TrendRequest {
  const waveIds = order.filter((w) => choice.waveIds.includes(w.id)).map((w) => w.id);
  return {
    waveIds,
    question: choice.question,
    measure: choice.measure,
    weight: choice.weight || null,
    matches: waveIds.slice(1).flatMap((waveId) => (choice.matches[waveId] ? [{ waveId, question: choice.matches[waveId]! }] : [])),
  };
}

import type { SurveySummary, TableVariable, TrendRequest, WaveSummary } from '../../../src/contract/index.js';

export type TrendMeasure = TrendRequest['measure'] & string;

/** What the Trends form holds. Empty strings mean "not chosen" (no question yet, unweighted). */
export interface TrendChoice {
  /** The waves to follow, oldest first. */
  waveIds: number[];
  question: string;
  measure: TrendMeasure;
  /** For theme prevalence: the theme's name as in the first wave. */
  theme: string;
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
  return { waveIds, question: '', measure: 'top', theme: '', weight: '', matches: {} };
}

/** Name prefix of a coded free-text question as a table variable (src/themes/theme-variables.ts). */
const THEME_PREFIX = 'theme:';

/**
 * Questions a trend can follow: single-answer closed questions (a scale or categories); for theme prevalence, the
 * free-text questions coded into themes (named without the `theme:` of their table variable).
 */
export function trendQuestions(variables: readonly TableVariable[], measure: TrendMeasure): { name: string; label: string }[] {
  if (measure === 'theme') return variables.filter((v) => v.name.startsWith(THEME_PREFIX)).map((v) => ({ name: v.name.slice(THEME_PREFIX.length), label: v.label }));
  return variables.filter((v) => (v.kind === 'likert' || v.kind === 'single') && v.categories.length >= 2);
}

/** The themes of a coded question: its table variable's categories less the last, "No theme" (theme-variables.ts). */
export function trendThemes(variables: readonly TableVariable[], question: string): string[] {
  return variables.find((v) => v.name === `${THEME_PREFIX}${question}`)?.categories.slice(0, -1) ?? [];
}

export function toTrendRequest(choice: TrendChoice, order: readonly WaveOption[]): TrendRequest {
  const waveIds = order.filter((w) => choice.waveIds.includes(w.id)).map((w) => w.id);
  return {
    waveIds,
    question: choice.question,
    measure: choice.measure,
    theme: choice.measure === 'theme' ? choice.theme : null,
    weight: choice.weight || null,
    matches: waveIds.slice(1).flatMap((waveId) => (choice.matches[waveId] ? [{ waveId, question: choice.matches[waveId]! }] : [])),
  };
}

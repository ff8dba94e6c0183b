import type { Theme } from '../contract/themes.js';
import { probability, trainCalibrated, type ThemeModel, type TrainOptions } from './classifier.js';
import { compileRule, RuleSet } from './rules.js';
import { readResponse, type ResponseText } from './text.js';
import { TfidfFeatures } from './tfidf-features.js';

/**
 * Auto-coding of responses, without the database: keyword rules, then a classifier learned from the responses people
 * have coded. Pure, so the quality test on real NHS comments runs exactly what `themes.apply` runs.
 */

/** A theme needs this many human-coded responses with it (and as many without) before a model is learned for it. */
export const MIN_EXAMPLES = 5;

export interface Coder {
  rules: RuleSet;
  features: TfidfFeatures | null;
  /** Themes with a model, and their models (same order). */
  modelThemes: number[];
  models: ThemeModel[];
}

export interface TrainingResponse {
  text: string;
  /** Themes a person gave it (all others: not present). */
  themes: ReadonlySet<number>;
}

/** Compiles the rules and learns a calibrated model for every theme with enough human examples either way. */
export function buildCoder(themes: readonly Pick<Theme, 'id' | 'keywords' | 'exclusions'>[], training: readonly TrainingResponse[], options: TrainOptions = {}): Coder {
  const rules = new RuleSet(themes.filter((t) => t.keywords.length > 0).map(compileRule));
  const modelThemes = themes
    .map((t) => t.id)
    .filter((id) => {
      const yes = training.filter((r) => r.themes.has(id)).length;
      return yes >= MIN_EXAMPLES && training.length - yes >= MIN_EXAMPLES;
    });
  if (modelThemes.length === 0) return { rules, features: null, modelThemes: [], models: [] };
  const docs = training.map((r) => readResponse(r.text));
  const features = TfidfFeatures.fit(docs);
  const xs = docs.map((d) => features.vector(d));
  const labels = modelThemes.map((id) => Uint8Array.from(training, (r) => (r.themes.has(id) ? 1 : 0)));
  return { rules, features, modelThemes, models: trainCalibrated(xs, labels, features.size, options) };
}

export interface AutoCode {
  themeId: number;
  source: 'rule' | 'model';
  /** 1 for a rule; the calibrated probability for a model code. */
  confidence: number;
}

export interface CodedText {
  codes: AutoCode[];
  /**
   * How sure the coding is, 0–1: with models, 1 − 2 × (distance of the least decided theme's probability from 0.5)
   * turned round, i.e. min over themes of |2p − 1| (rules count as sure); with rules alone, 1 when a rule fired and 0
   * when none did (nothing found: a person should look).
   */
  certainty: number;
}

/**
 * Codes one response: every rule that fires (confidence 1); every modelled theme whose probability reaches
 * `threshold` and that no rule gave. When nothing at all is assigned, the most likely modelled theme is, if its
 * probability reaches half the threshold: a response nearly always carries some theme, and the likeliest one is then
 * a better guess than none (it also comes up early in the review queue, being uncertain).
 */
export function codeText(coder: Coder, text: string, threshold: number, response: ResponseText = readResponse(text)): CodedText {
  const fired = coder.rules.match(text, response);
  const codes: AutoCode[] = fired.map((themeId) => ({ themeId, source: 'rule', confidence: 1 }));
  if (!coder.features) return { codes, certainty: fired.length > 0 ? 1 : 0 };
  const x = coder.features.vector(response);
  let certainty = 1;
  let best = -1;
  let bestP = -1;
  for (let k = 0; k < coder.models.length; k++) {
    const themeId = coder.modelThemes[k]!;
    if (fired.includes(themeId)) continue;
    const p = probability(coder.models[k]!, x);
    certainty = Math.min(certainty, Math.abs(2 * p - 1));
    if (p >= threshold) codes.push({ themeId, source: 'model', confidence: p });
    if (p > bestP) [best, bestP] = [themeId, p];
  }
  if (codes.length === 0 && best >= 0 && bestP >= threshold / 2) codes.push({ themeId: best, source: 'model', confidence: bestP });
  return { codes, certainty };
}

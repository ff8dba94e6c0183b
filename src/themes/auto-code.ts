import type { Theme } from '../contract/themes.js';
import { probability, trainCalibrated, type ThemeModel, type TrainOptions } from './classifier.js';
import { expectedF1Set } from './expected-f1.js';
import { compileRule, RuleSet } from './rules.js';
import { readResponse, type ResponseText } from './text.js';
import { TfidfFeatures } from './tfidf-features.js';

/**
 * Auto-coding of responses, without the database: keyword rules, then a classifier learned from the responses people
 * have coded. Pure, so the quality test on real NHS comments runs exactly what `themes.apply` runs.
 */

/** A theme needs this many human-coded responses with it (and as many without) before a model is learned for it. */
export const MIN_EXAMPLES = 5;

/**
 * No model at all until people have reviewed this many responses. A codeframe's written examples are all positives
 * of one theme each, with no response that has none: a model learned from them alone gave most answers a theme
 * (seen on the sample: 80% of answers coded with each of two themes after accepting discovered candidates).
 */
export const MIN_REVIEWED = 20;

export interface Coder {
  rules: RuleSet;
  features: TfidfFeatures | null;
  /** Themes with a model, and their models (same order). */
  modelThemes: number[];
  models: ThemeModel[];
  /** Share of the human-coded responses given no theme at all: the chance a response truly has none. */
  noneShare: number;
}

export interface TrainingResponse {
  text: string;
  /** Themes a person gave it (all others: not present). */
  themes: ReadonlySet<number>;
  /** A theme's written example rather than a response a person reviewed: it trains, but does not count as reviewed. */
  example?: boolean;
}

/** Compiles the rules and learns a calibrated model for every theme with enough human examples either way. */
export function buildCoder(themes: readonly Pick<Theme, 'id' | 'keywords' | 'exclusions'>[], training: readonly TrainingResponse[], options: TrainOptions = {}): Coder {
  const rules = new RuleSet(themes.filter((t) => t.keywords.length > 0).map(compileRule));
  const reviewed = training.filter((r) => !r.example);
  if (reviewed.length < MIN_REVIEWED) return { rules, features: null, modelThemes: [], models: [], noneShare: 0 };
  const modelThemes = themes
    .map((t) => t.id)
    .filter((id) => {
      const yes = training.filter((r) => r.themes.has(id)).length;
      return yes >= MIN_EXAMPLES && training.length - yes >= MIN_EXAMPLES;
    });
  if (modelThemes.length === 0) return { rules, features: null, modelThemes: [], models: [], noneShare: 0 };
  const docs = training.map((r) => readResponse(r.text));
  const features = TfidfFeatures.fit(docs);
  const xs = docs.map((d) => features.vector(d));
  const labels = modelThemes.map((id) => Uint8Array.from(training, (r) => (r.themes.has(id) ? 1 : 0)));
  const noneShare = reviewed.filter((r) => r.themes.size === 0).length / reviewed.length;
  return { rules, features, modelThemes, models: trainCalibrated(xs, labels, features.size, options), noneShare };
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
 * Codes one response. Every rule that fires (confidence 1). Then, by default (no `threshold`), the set of themes with
 * the highest expected per-response F1 given the calibrated probabilities (expected-f1.ts; rule codes count as
 * certain): this chose better sets than any fixed threshold in cross-validation on the human-coded NHS comments.
 * With a `threshold`, every modelled theme whose probability reaches it and that no rule gave; when nothing at all is
 * assigned, the most likely modelled theme if its probability reaches half the threshold.
 */
export function codeText(coder: Coder, text: string, threshold?: number, response: ResponseText = readResponse(text)): CodedText {
  const fired = coder.rules.match(text, response);
  const codes: AutoCode[] = fired.map((themeId) => ({ themeId, source: 'rule', confidence: 1 }));
  if (!coder.features) return { codes, certainty: fired.length > 0 ? 1 : 0 };
  const x = coder.features.vector(response);
  let certainty = 1;
  const scored: { item: AutoCode; p: number }[] = codes.map((c) => ({ item: c, p: 1 }));
  for (let k = 0; k < coder.models.length; k++) {
    const themeId = coder.modelThemes[k]!;
    if (fired.includes(themeId)) continue;
    const p = probability(coder.models[k]!, x);
    certainty = Math.min(certainty, Math.abs(2 * p - 1));
    scored.push({ item: { themeId, source: 'model', confidence: p }, p });
  }
  if (threshold === undefined) return { codes: expectedF1Set(scored, coder.noneShare).chosen.map((s) => s.item), certainty };
  const model = scored.filter((s) => s.item.source === 'model');
  codes.push(...model.filter((s) => s.p >= threshold).map((s) => s.item));
  const best = model.reduce<(typeof model)[number] | undefined>((a, b) => (a && a.p >= b.p ? a : b), undefined);
  if (codes.length === 0 && best && best.p >= threshold / 2) codes.push(best.item);
  return { codes, certainty };
}

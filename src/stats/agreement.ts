// One seeded generator in the code base (it came with discovery; it could move to src/stats).
import { seededRandom } from '../themes/discovery/seeded-random.js';

/**
 * Agreement between two coders of free text (METHODS, "Free-text coding quality").
 *
 * Cohen's kappa for one theme: κ = (po − pe) / (1 − pe), po the share of responses both coders treat alike, pe the
 * share expected by chance from each coder's own rate. Undefined (null) when pe = 1: both coders gave a single answer
 * to every response, so there is nothing to agree beyond chance.
 */
export function cohenKappa(a: readonly boolean[], b: readonly boolean[]): number | null {
  if (a.length !== b.length) throw new Error('Both coders must code the same responses.');
  const n = a.length;
  if (n === 0) return null;
  let both = 0;
  let neither = 0;
  let aYes = 0;
  let bYes = 0;
  for (let i = 0; i < n; i++) {
    if (a[i]) aYes++;
    if (b[i]) bYes++;
    if (a[i] && b[i]) both++;
    else if (!a[i] && !b[i]) neither++;
  }
  const po = (both + neither) / n;
  const pe = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * F1 of one response's two theme sets: 2|A∩B| / (|A| + |B|). Two empty sets agree completely (1): both coders said the
 * response carries no theme.
 */
export function responseF1(a: ReadonlySet<string | number>, b: ReadonlySet<string | number>): number {
  if (a.size + b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

export interface MeanWithInterval {
  mean: number;
  /** 95% percentile bootstrap interval; null with fewer than 2 values. */
  ci: [number, number] | null;
}

/**
 * Mean of per-response values with a 95% percentile bootstrap interval: `resamples` draws of n responses with
 * replacement, the 2.5th and 97.5th percentiles of their means (type 7 quantiles, as R's quantile()). Seeded.
 */
export function bootstrapMean(values: readonly number[], { resamples = 2000, seed = 20240601 } = {}): MeanWithInterval {
  const n = values.length;
  if (n === 0) return { mean: NaN, ci: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, ci: null };
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  return { mean, ci: [quantile7(means, 0.025), quantile7(means, 0.975)] };
}

function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The pass mark: mean F1 ≥ 0.75 on at least 30 reviewed responses. */
export const READY_F1 = 0.75;
export const READY_MIN_RESPONSES = 30;

export interface CodingAgreement {
  n: number;
  f1: number | null;
  f1_ci: [number, number] | null;
  kappa: Record<string, number | null>;
  ready: boolean;
}

/**
 * Agreement of two codings of the same responses: each response's theme codes from coder A and from coder B, the
 * themes to report kappa for.
 */
export function codingAgreement(a: readonly ReadonlySet<string>[], b: readonly ReadonlySet<string>[], themes: readonly string[]): CodingAgreement {
  const n = a.length;
  const f1s = a.map((set, i) => responseF1(set, b[i]!));
  const { mean, ci } = bootstrapMean(f1s);
  const kappa: Record<string, number | null> = {};
  for (const theme of themes) kappa[theme] = cohenKappa(a.map((s) => s.has(theme)), b.map((s) => s.has(theme)));
  const f1 = n === 0 ? null : mean;
  return { n, f1, f1_ci: ci, kappa, ready: f1 !== null && n >= READY_MIN_RESPONSES && f1 >= READY_F1 };
}

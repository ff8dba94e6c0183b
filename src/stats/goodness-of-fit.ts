import { chiSquareUpperP } from './distributions.js';

export interface GoodnessOfFit {
  statistic: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square goodness of fit of observed counts to expected proportions (R: chisq.test(counts, p = pi),
 * with pi rescaled to sum to 1, as rescale.p = TRUE does): X² = Σ (O − E)² / E with E = n·π, on k − 1 df.
 * Null with fewer than two categories or no respondents. A category with π = 0 and a count cannot be tested.
 */
export function goodnessOfFit(counts: readonly number[], proportions: readonly number[]): GoodnessOfFit | null {
  if (counts.length !== proportions.length) throw new Error('goodnessOfFit: counts and proportions differ in length');
  const n = counts.reduce((s, x) => s + x, 0);
  const total = proportions.reduce((s, x) => s + x, 0);
  if (counts.length < 2 || !(n > 0) || !(total > 0)) return null;
  let statistic = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = (n * proportions[i]!) / total;
    if (!(expected > 0)) return null;
    statistic += (counts[i]! - expected) ** 2 / expected;
  }
  const df = counts.length - 1;
  return { statistic, df, p: chiSquareUpperP(statistic, df) };
}

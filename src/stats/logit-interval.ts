import { tCritical } from './distributions.js';

export interface Interval {
  lo: number;
  hi: number;
  /** Set when the interval is not the plain logit one, saying why. */
  note?: string;
}

/**
 * Confidence interval for a proportion on the logit scale with a t quantile (R: svyciprop(method = "logit"), whose df
 * is the domain's row count − 1): expit(logit(p) ± t · se / (p(1 − p))). It stays inside [0, 1] and is asymmetric
 * near the ends, as a proportion's uncertainty is. (R reaches the same interval by fitting the logit with svyglm, so
 * its bounds agree with this closed form to its iterations' tolerance, about 1e-9.)
 *
 * At p = 0 or 1 the logit is infinite and R gives no interval. The bound at that end is then exact (0 or 1), and the
 * other end is the Clopper–Pearson bound for 0 (or all) of n_eff respondents, 1 − (α/2)^(1/n_eff), which is what the
 * exact binomial interval gives on the effective sample size. Null for a proportion strictly between 0 and 1 with no
 * degrees of freedom (one respondent with a positive weight).
 */
export function logitInterval(p: number, se: number, df: number, nEff: number, level = 0.95): Interval | null {
  if (!Number.isFinite(p)) return null;
  const tail = (1 - level) / 2;
  if (p <= 0 || p >= 1) {
    if (!(nEff > 0)) return null;
    const far = 1 - tail ** (1 / nEff);
    const note = `Nobody in this group ${p <= 0 ? 'gave' : 'gave anything other than'} this answer, so the ${p <= 0 ? 'lower' : 'upper'} bound is exactly ${p <= 0 ? 0 : 100}%; the other is the exact (Clopper–Pearson) bound on the effective sample size.`;
    return p <= 0 ? { lo: 0, hi: far, note } : { lo: 1 - far, hi: 1, note };
  }
  if (!(df >= 1)) return null;
  const half = (tCritical(df, level) * se) / (p * (1 - p));
  const logit = Math.log(p / (1 - p));
  return { lo: expit(logit - half), hi: expit(logit + half) };
}

function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

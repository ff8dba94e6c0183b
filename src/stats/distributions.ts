import erfc from '@stdlib/math-base-special-erfc';
import gammainc from '@stdlib/math-base-special-gammainc';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The t quantile a two-sided interval at `level` uses (R: qt(1 - (1 - level) / 2, df)). */
export function tCritical(df: number, level = 0.95): number {
  return tQuantile(1 - (1 - level) / 2, df);
}

/** Two-sided normal p-value of z (R: 2 * pnorm(-abs(z))); erfc keeps tiny p-values accurate. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Upper tail of the chi-square distribution (R: pchisq(x, df, lower.tail = FALSE)), as the upper incomplete gamma. */
export function chiSquareUpperP(x: number, df: number): number {
  return gammainc(x / 2, df / 2, true, true);
}

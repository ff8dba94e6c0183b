import { normalTwoSidedP } from './distributions.js';
import type { Estimate } from './proportion.js';

export interface DifferenceTest {
  difference: number;
  se: number;
  z: number;
  p: number;
}

/**
 * a − b for estimates from disjoint domains of one wave, or from two independent waves: their covariance is zero, so
 * var(a − b) = var(a) + var(b); z = (a − b) / se with a two-sided normal p-value (R: svycontrast on svyby).
 * When both standard errors are zero (each group answered unanimously) a difference is certain: z is infinite and
 * p is 0, as R computes it; with no difference either there is nothing to test (null).
 */
export function differenceTest(a: Estimate, b: Estimate): DifferenceTest | null {
  const se = Math.sqrt(a.se ** 2 + b.se ** 2);
  const difference = a.estimate - b.estimate;
  if (!(se > 0) && difference === 0) return null;
  const z = se > 0 ? difference / se : Math.sign(difference) * Infinity;
  return { difference, se, z, p: normalTwoSidedP(z) };
}

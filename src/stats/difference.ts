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
 * Null when the difference has no spread to test against (both standard errors zero).
 */
export function differenceTest(a: Estimate, b: Estimate): DifferenceTest | null {
  const se = Math.sqrt(a.se ** 2 + b.se ** 2);
  if (!(se > 0)) return null;
  const difference = a.estimate - b.estimate;
  const z = difference / se;
  return { difference, se, z, p: normalTwoSidedP(z) };
}

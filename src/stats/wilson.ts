import { Z_975 } from './normal-quantile.js';

/**
 * Wilson score interval for a simple proportion x / n (METHODS "Representation": the respondent share's 95% interval),
 * without continuity correction, as R's prop.test(x, n, correct = FALSE)$conf.int:
 *   (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n).
 * Unlike the Wald interval it stays inside [0, 1] and is sensible for small shares. Null for n = 0.
 */
export function wilsonInterval(x: number, n: number, z = Z_975): { lo: number; hi: number } | null {
  if (!(n > 0)) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return { lo: Math.max(0, (centre - half) / scale), hi: Math.min(1, (centre + half) / scale) };
}

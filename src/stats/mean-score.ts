import type { Estimate } from './proportion.js';

/** Domain sums for a mean of scores x: Σw, Σw², Σwx, Σw²x, Σw²x². */
export interface ScoreSums {
  sumW: number;
  sumW2: number;
  sumWX: number;
  sumW2X: number;
  sumW2X2: number;
}

/**
 * Weighted mean score of a domain with its linearised standard error: the proportion formula with x in place of y,
 * var = N/(N−1) · Σ_D w² (x − m)² / (Σ_D w)², expanded so the sums can come from one GROUP BY
 * (R: svymean(~x, subset(design, D))).
 */
export function meanEstimate(sums: ScoreSums, waveRows: number): Estimate | null {
  if (!(sums.sumW > 0) || waveRows < 2) return null;
  const m = sums.sumWX / sums.sumW;
  const squares = sums.sumW2X2 - 2 * m * sums.sumW2X + m * m * sums.sumW2;
  const variance = ((waveRows / (waveRows - 1)) * squares) / sums.sumW ** 2;
  return { estimate: m, se: Math.sqrt(Math.max(0, variance)) };
}

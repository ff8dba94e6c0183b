import { HeardError } from '../contract/index.js';
import { cancelled } from '../engine/run-query.js';
import { ipf, RAKE_MAX_SWEEPS, RAKE_TOLERANCE, type IpfMargin } from './ipf.js';

/*
 * Trimming: cap every weight at `cap`, re-rake, and repeat until no weight exceeds the cap. Capping and raking only
 * ever take a minimum with the cap or multiply a whole cell by one factor, so after any number of rounds a
 * respondent's weight is min(base × a, cap × b) with two numbers a, b per cell: each round needs one pass over the
 * rows (to sum the capped weights per cell) and the rows are never rewritten until the end.
 */

/** Per cell: weight = min(base × a[c], cap × b[c]); b = Infinity while a cell has never been capped. */
export interface CappedFactors {
  a: Float64Array;
  b: Float64Array;
}

/** What one pass over the rows reports for the current factors. */
export interface TrimPass {
  /** Largest weight. */
  max: number;
  /** Respondents whose weight is the capped branch (base × a > cap × b). */
  capped: number;
  /** Per cell, the sum of the weights once capped: min(base × a, cap × min(b, 1)). */
  cappedSums: Float64Array;
}

export interface TrimOutcome extends CappedFactors {
  rounds: number;
  capped: number;
  /** IPF sweeps of the last re-rake (0 when nothing needed capping). */
  sweeps: number;
  maxError: number;
}

/** A weight this close above the cap counts as at the cap (re-raking nudges capped weights by rounding-sized steps). */
export const TRIM_TOLERANCE = 1e-6;
export const TRIM_MAX_ROUNDS = 100;

export async function trimAndRerake(
  raked: Float64Array,
  margins: readonly IpfMargin[],
  cap: number,
  pass: (factors: CappedFactors) => Promise<TrimPass>,
  signal?: AbortSignal,
): Promise<TrimOutcome> {
  const a = Float64Array.from(raked);
  const b = new Float64Array(raked.length).fill(Number.POSITIVE_INFINITY);
  let sweeps = 0;
  let maxError = 0;
  for (let round = 0; ; round++) {
    if (signal?.aborted) throw cancelled();
    const measured = await pass({ a, b });
    if (measured.max <= cap * (1 + TRIM_TOLERANCE)) return { a, b, rounds: round, capped: measured.capped, sweeps, maxError };
    if (round === TRIM_MAX_ROUNDS) {
      throw new HeardError(
        'bad_request',
        `Trimming did not settle after ${TRIM_MAX_ROUNDS} rounds of capping and re-raking: the margins still need a weight of ` +
          `${(measured.max / cap).toFixed(3)} × the cap. Allow larger weights (a larger multiple of the mean), or use fewer margins.`,
      );
    }
    for (let c = 0; c < b.length; c++) b[c] = Math.min(b[c]!, 1);
    const rerake = ipf(measured.cappedSums, margins, { tolerance: RAKE_TOLERANCE, maxSweeps: RAKE_MAX_SWEEPS });
    if (!rerake.converged) {
      throw new HeardError(
        'bad_request',
        `Re-raking after capping the weights did not converge in ${RAKE_MAX_SWEEPS} sweeps (largest error ${rerake.maxError.toExponential(2)} of the total).`,
      );
    }
    for (let c = 0; c < a.length; c++) {
      a[c]! *= rerake.factors[c]!;
      b[c]! *= rerake.factors[c]!;
    }
    sweeps = rerake.sweeps;
    maxError = rerake.maxError;
  }
}

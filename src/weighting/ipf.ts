/**
 * Iterative proportional fitting on cells. A cell is one combination of the values of every margin variable; all the
 * respondents in a cell are adjusted by the same factor, so raking a million rows is raking a few hundred cells.
 */

/** One margin as IPF sees it: the category each cell falls in, and each category's population target. */
export interface IpfMargin {
  categoryOfCell: Int32Array;
  targets: Float64Array;
}

export interface IpfOptions {
  /** Largest allowed |achieved − target| of any margin category, relative to the population total. */
  tolerance: number;
  /** A sweep adjusts every margin once, in order. */
  maxSweeps: number;
}

export interface IpfOutcome {
  /** Per cell: a respondent's raked weight is its base weight times its cell's factor. */
  factors: Float64Array;
  converged: boolean;
  sweeps: number;
  /** Largest |achieved − target| / total over every category of every margin, after the last sweep. */
  maxError: number;
}

/** METHODS.md: within 1e-9 of every target relative to the total, in at most 100 sweeps. */
export const RAKE_TOLERANCE = 1e-9;
export const RAKE_MAX_SWEEPS = 100;

/**
 * Rakes cell totals of base weight (`cellBase`) to the margins, in the order given (as R's rake() does: one
 * post-stratification per margin per sweep). The caller has checked that every category with a positive target has
 * some base weight and that the margins' totals agree; otherwise this reports non-convergence rather than guessing.
 */
export function ipf(cellBase: Float64Array, margins: readonly IpfMargin[], options: IpfOptions): IpfOutcome {
  const total = margins[0]!.targets.reduce((sum, t) => sum + t, 0);
  const factors = new Float64Array(cellBase.length).fill(1);
  const current = Float64Array.from(cellBase);
  let maxError = Number.POSITIVE_INFINITY;
  let sweeps = 0;
  while (sweeps < options.maxSweeps) {
    sweeps += 1;
    for (const margin of margins) {
      const sums = categorySums(margin, current);
      // A category with nothing in it and nothing wanted stays as it is (0 / 0).
      const ratio = sums.map((sum, k) => (sum > 0 ? margin.targets[k]! / sum : 1));
      for (let c = 0; c < current.length; c++) {
        const r = ratio[margin.categoryOfCell[c]!]!;
        factors[c]! *= r;
        current[c] = cellBase[c]! * factors[c]!;
      }
    }
    maxError = largestError(margins, current, total);
    if (maxError <= options.tolerance) return { factors, converged: true, sweeps, maxError };
  }
  return { factors, converged: false, sweeps, maxError };
}

/** Sum of `cellWeight` over the cells in each category of `margin`. */
export function categorySums(margin: IpfMargin, cellWeight: Float64Array): Float64Array {
  const sums = new Float64Array(margin.targets.length);
  for (let c = 0; c < cellWeight.length; c++) sums[margin.categoryOfCell[c]!]! += cellWeight[c]!;
  return sums;
}

/** Largest |achieved − target| / total over every category of every margin. */
export function largestError(margins: readonly IpfMargin[], cellWeight: Float64Array, total: number): number {
  let worst = 0;
  for (const margin of margins) {
    const sums = categorySums(margin, cellWeight);
    for (let k = 0; k < sums.length; k++) worst = Math.max(worst, Math.abs(sums[k]! - margin.targets[k]!) / total);
  }
  return worst;
}

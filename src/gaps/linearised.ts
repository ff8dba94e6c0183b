/*
 * The algebra of a gap's standard error, kept as sums a GROUP BY can give.
 *
 * Every figure of a gap is a ratio of weighted sums over the wave, R = Σ w·y / Σ w·b, or a difference of two, where y
 * and b (in the top box, in the valid base, a score, times "in this group") depend only on a respondent's answers.
 * Linearised (with replacement, one stage, as R's survey does), respondent i contributes z_i = w_i · c_i and
 * var = N/(N−1) · Σ_i z_i², N being every row of the design (rows outside a domain or base contribute 0).
 *
 * For the own-base gap p_imp − p_sat (METHODS):
 *   c_i = [i ∈ B_imp] (y_imp,i − p_imp) / W_imp − [i ∈ B_sat] (y_sat,i − p_sat) / W_sat,
 * and expanding c_i² gives Σ_{B_imp} w²(y_imp − p_imp)²/W_imp² + Σ_{B_sat} w²(y_sat − p_sat)²/W_sat²
 * − 2 Σ_{B_imp ∩ B_sat} w² (y_imp − p_imp)(y_sat − p_sat)/(W_imp W_sat): the two percentages' variances less twice
 * their covariance, which comes from the respondents who answered both (R: svyratio(covmat = TRUE) + svycontrast).
 * For the paired and mean-score gaps, c_i = [i ∈ P] (d_i − gap) / W_P with d_i the difference of the two answers.
 *
 * c_i is the same for every respondent with the same answers (and group), so Σ_i z_i² = Σ_cells c² · Σ_cell w²:
 * every term above is a cell's Σw² times a number, and the cells are the GROUP BY of raw answers in answer-sums.ts.
 * Squaring c per cell (rather than expanding into separate sums and subtracting) also keeps the SE free of
 * cancellation. The mean of the z_i, which R subtracts, is Σ_cells c · Σ_cell w = 0 for ratios, so it is left out.
 */

import { Z_975 } from '../stats/normal-quantile.js';

/** Respondents sharing their answers: how many, how many with a positive weight, Σw and Σw². */
export interface Cell {
  n: number;
  nPositive: number;
  sumW: number;
  sumW2: number;
}

export function emptyCell(): Cell {
  return { n: 0, nPositive: 0, sumW: 0, sumW2: 0 };
}

/** The sums of the cells for which `keep` holds. */
export function total<C extends Cell>(cells: readonly C[], keep: (c: C) => boolean): Cell {
  const out = emptyCell();
  for (const c of cells) {
    if (!keep(c)) continue;
    out.n += c.n;
    out.nPositive += c.nPositive;
    out.sumW += c.sumW;
    out.sumW2 += c.sumW2;
  }
  return out;
}

/** Σ w·value / Σ w over the cells in a base; null when the base has no weight. */
export function weightedMean<C extends Cell>(cells: readonly C[], inBase: (c: C) => boolean, value: (c: C) => number): number | null {
  let num = 0;
  let den = 0;
  for (const c of cells) {
    if (!inBase(c)) continue;
    num += c.sumW * value(c);
    den += c.sumW;
  }
  return den > 0 ? num / den : null;
}

/** √(N/(N−1) · Σ_cells c² Σw²), c being each cell's linearised coefficient (above). */
export function linearisedSe<C extends Cell>(cells: readonly C[], coefficient: (c: C) => number, designRows: number): number {
  let sum = 0;
  for (const c of cells) {
    const k = coefficient(c);
    if (k !== 0) sum += k * k * c.sumW2;
  }
  return Math.sqrt(((designRows / (designRows - 1)) * sum));
}

export { Z_975 };

export function waldInterval(estimate: number, se: number): [number, number] {
  return [estimate - Z_975 * se, estimate + Z_975 * se];
}

import { differenceTest } from './difference.js';
import { adjustPValues, type Adjustment } from './p-adjust.js';
import type { Estimate } from './proportion.js';

/** A, B, … Z, then AA, AB, … as spreadsheets name columns. */
export function columnLetter(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

export interface PairComparison {
  /** Column indexes, a < b. */
  a: number;
  b: number;
  /** Estimate of a less that of b. */
  difference: number;
  z: number;
  p: number;
  adjusted: number;
}

export interface RowLetters {
  /** For each column, the letters of the columns it is significantly higher than, in column order. */
  letters: string[][];
  comparisons: PairComparison[];
}

/**
 * Column-comparison letters for one row of a crosstab: every pair of columns is tested (difference of disjoint-domain
 * estimates), the row's p-values are adjusted together (Holm by default), and a column gets the letter of each column
 * it is higher than at the adjusted α. Columns without an estimate, and pairs with nothing to test (both SEs zero and
 * no difference), are left out of the family, as R's p.adjust leaves out undefined p-values.
 */
export function columnLetters(estimates: readonly (Estimate | null)[], method: Adjustment, alpha = 0.05): RowLetters {
  const tests: Omit<PairComparison, 'adjusted'>[] = [];
  for (let a = 0; a < estimates.length; a++) {
    for (let b = a + 1; b < estimates.length; b++) {
      const ea = estimates[a];
      const eb = estimates[b];
      const test = ea && eb ? differenceTest(ea, eb) : null;
      if (test) tests.push({ a, b, difference: test.difference, z: test.z, p: test.p });
    }
  }
  const adjusted = adjustPValues(tests.map((t) => t.p), method);
  const comparisons = tests.map((t, i) => ({ ...t, adjusted: adjusted[i]! }));
  const letters = estimates.map(() => [] as string[]);
  for (const c of comparisons) {
    if (!(c.adjusted < alpha)) continue;
    if (c.z > 0) letters[c.a]!.push(columnLetter(c.b));
    else if (c.z < 0) letters[c.b]!.push(columnLetter(c.a));
  }
  for (const list of letters) list.sort((x, y) => x.length - y.length || x.localeCompare(y));
  return { letters, comparisons };
}

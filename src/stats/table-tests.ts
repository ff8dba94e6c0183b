import { chiSquareUpperP } from './distributions.js';
import { solveLinear } from './linear-solve.js';
import type { DomainSums } from './proportion.js';

/** Thrown when the Rao–Scott system is singular: too many empty cells for the adjustment (R's svychisq fails too). */
export class SingularTableError extends Error {
  constructor() {
    super('Too many empty cells to adjust the chi-square for the weighting.');
  }
}

export interface IndependenceTest {
  method: string;
  statistic: number;
  df: number;
  p: number;
}

/**
 * Rows and columns with nothing in them are dropped first, as R does (it tests the categories present); null when
 * fewer than two of either remain.
 */
function occupied<T>(cells: readonly (readonly T[])[], size: (cell: T) => number): T[][] | null {
  const rows = cells.filter((row) => row.some((cell) => size(cell) > 0));
  const keep = (rows[0] ?? []).map((_, j) => rows.some((row) => size(row[j]!) > 0));
  const table = rows.map((row) => row.filter((_, j) => keep[j]));
  return table.length >= 2 && (table[0]?.length ?? 0) >= 2 ? table : null;
}

/** Σ (p_ij − p_i· p_·j)² / (p_i· p_·j) over the cell proportions: Pearson's X² divided by the total. */
function pearsonPerUnit(p: readonly (readonly number[])[]): number {
  const rowP = p.map((row) => row.reduce((s, x) => s + x, 0));
  const colP = p[0]!.map((_, j) => p.reduce((s, row) => s + row[j]!, 0));
  let q = 0;
  p.forEach((row, i) => row.forEach((x, j) => (q += (x - rowP[i]! * colP[j]!) ** 2 / (rowP[i]! * colP[j]!))));
  return q;
}

/** Pearson's chi-square test of independence on unweighted counts (R: chisq.test(table, correct = FALSE)). */
export function pearsonChiSquare(counts: readonly (readonly number[])[]): IndependenceTest | null {
  const table = occupied(counts, (n) => n);
  if (!table) return null;
  const total = table.flat().reduce((s, n) => s + n, 0);
  const statistic = total * pearsonPerUnit(table.map((row) => row.map((n) => n / total)));
  const df = (table.length - 1) * (table[0]!.length - 1);
  return { method: 'Pearson chi-square', statistic, df, p: chiSquareUpperP(statistic, df) };
}

/**
 * Rao–Scott first-order adjusted chi-square for a weighted table (R: svychisq(~row + col, design, statistic = "Chisq"),
 * whose p-value is that of X² / mean(diag(Δ)) on (r−1)(c−1) df; that adjusted statistic is what is returned).
 *
 * Δ = (C′ D⁻¹ C)⁻¹ C′ D⁻¹ V D⁻¹ C, with p the cell proportions, D = diag(p), V their linearised covariance and C a
 * basis of the interaction contrasts (tables whose rows and columns sum to zero; the trace does not depend on which
 * basis, so the simple one e_ij − e_ic − e_rj + e_rc is used rather than R's QR residuals). Each respondent is in
 * exactly one cell, so V needs only per-cell Σw and Σw²: V = N/(N−1) · (diag(s) − s p′ − p s′ + S p p′) / W², with s
 * the cells' Σw², S their total and W the total weight; N is every row of the wave, as for any domain estimate.
 */
export function raoScottChiSquare(cells: readonly (readonly DomainSums[])[], waveRows: number): IndependenceTest | null {
  const table = occupied(cells, (c) => c.sumW);
  if (!table || waveRows < 2) return null;
  const r = table.length;
  const c = table[0]!.length;
  const k = (r - 1) * (c - 1);
  const total = table.flat().reduce((s, x) => s + x.sumW, 0);
  const totalW2 = table.flat().reduce((s, x) => s + x.sumW2, 0);
  const p = table.map((row) => row.map((x) => x.sumW / total));
  const contrast = (i: number, j: number) => i * (c - 1) + j;

  // C′D⁻¹C, C′D⁻¹ diag(s) D⁻¹C, u = C′D⁻¹s and v = C′D⁻¹p, built cell by cell from each cell's few non-zero
  // contrast coefficients (one inside the table, a row or column of them on the last row or column).
  const g = square(k);
  const h = square(k);
  const u = new Array<number>(k).fill(0);
  const v = new Array<number>(k).fill(0);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const pij = p[i]![j]!;
      if (pij === 0) continue;
      const coefficients: [number, number][] = [];
      for (let a = 0; a < r - 1; a++) {
        if (i !== a && i !== r - 1) continue;
        for (let b = 0; b < c - 1; b++) {
          if (j !== b && j !== c - 1) continue;
          coefficients.push([contrast(a, b), (i === a ? 1 : -1) * (j === b ? 1 : -1)]);
        }
      }
      const s = table[i]![j]!.sumW2 / total ** 2;
      for (const [m, cm] of coefficients) {
        u[m]! += (cm / pij) * s;
        v[m]! += cm;
        for (const [l, cl] of coefficients) {
          g[m]![l]! += (cm * cl) / pij;
          h[m]![l]! += ((cm * cl) / (pij * pij)) * s;
        }
      }
    }
  }
  const sumSquares = totalW2 / total ** 2;
  for (let m = 0; m < k; m++) {
    for (let l = 0; l < k; l++) h[m]![l]! += -u[m]! * v[l]! - v[m]! * u[l]! + sumSquares * v[m]! * v[l]!;
  }
  const delta = solveLinear(g, h);
  if (!delta) throw new SingularTableError();
  let trace = 0;
  for (let m = 0; m < k; m++) trace += delta[m]![m]!;
  trace *= waveRows / (waveRows - 1);
  if (!(trace > 0)) return null;
  const statistic = (k * pearsonPerUnit(p)) / trace;
  return { method: 'Rao–Scott first-order chi-square', statistic, df: k, p: chiSquareUpperP(statistic, k) };
}

function square(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categorySums, ipf, RAKE_MAX_SWEEPS, RAKE_TOLERANCE, type IpfMargin } from '../../../src/weighting/ipf.js';

// Raked weights computed by R's survey::rake (test/fixtures/weighting/reference.R).
const examples = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/weighting/ipf-examples.json'), 'utf8'));
const options = { tolerance: RAKE_TOLERANCE, maxSweeps: RAKE_MAX_SWEEPS };

/** IPF's view of rows: cells are the distinct combinations, margins map each cell to a category. */
function cellsOf(keys: string[][], base: number[]) {
  const index = new Map<string, number>();
  const cellOfRow = keys.map((key) => {
    const k = JSON.stringify(key);
    if (!index.has(k)) index.set(k, index.size);
    return index.get(k)!;
  });
  const cellBase = new Float64Array(index.size);
  cellOfRow.forEach((c, i) => (cellBase[c]! += base[i]!));
  const cellKeys = [...index.keys()].map((k) => JSON.parse(k) as string[]);
  return { cellOfRow, cellBase, cellKeys };
}

function margin(cellKeys: string[][], keyOf: (key: string[]) => string, targets: Map<string, number>): IpfMargin {
  const categories = [...targets.keys()];
  return {
    categoryOfCell: Int32Array.from(cellKeys, (key) => categories.indexOf(keyOf(key))),
    targets: Float64Array.from(categories, (c) => targets.get(c)!),
  };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('IPF on cells equals R survey::rake', () => {
  it('rakes a 4 × 4 table to its row and column totals', () => {
    const t = examples.table4x4;
    const { cellOfRow, cellBase, cellKeys } = cellsOf(t.r.map((r: string, i: number) => [r, t.c[i]]), t.seed);
    const rows = new Map<string, number>(t.rows.map((x: { r: string; Freq: number }) => [x.r, x.Freq]));
    const columns = new Map<string, number>(t.columns.map((x: { c: string; Freq: number }) => [x.c, x.Freq]));
    const out = ipf(cellBase, [margin(cellKeys, (k) => k[0]!, rows), margin(cellKeys, (k) => k[1]!, columns)], options);
    expect(out.converged).toBe(true);
    expect(out.maxError).toBeLessThanOrEqual(RAKE_TOLERANCE);
    const worst = Math.max(...cellOfRow.map((c, i) => relative(t.seed[i] * out.factors[c]!, Number(t.raked[i]))));
    expect(worst).toBeLessThan(1e-8);
  });

  it('rakes rows with base weights to an interlocked age × sex margin and a region margin', () => {
    const e = examples.interlocked;
    const keys = e.age.map((a: string, i: number) => [a, e.sex[i], e.region[i]]);
    const { cellOfRow, cellBase, cellKeys } = cellsOf(keys, e.base);
    expect(cellKeys.length).toBeLessThan(e.age.length); // rows really do share cells
    const ageSex = new Map<string, number>(e.age_sex.map((x: { age: string; sex: string; Freq: number }) => [`${x.age}|${x.sex}`, x.Freq]));
    const region = new Map<string, number>(e.region_margin.map((x: { region: string; Freq: number }) => [x.region, x.Freq]));
    const out = ipf(cellBase, [margin(cellKeys, (k) => `${k[0]}|${k[1]}`, ageSex), margin(cellKeys, (k) => k[2]!, region)], options);
    expect(out.converged).toBe(true);
    const worst = Math.max(...cellOfRow.map((c, i) => relative(e.base[i] * out.factors[c]!, Number(e.raked[i]))));
    expect(worst).toBeLessThan(1e-8);
  });
});

describe('IPF edge cases', () => {
  const twoByTwo = (rows: number[], columns: number[]): IpfMargin[] => [
    { categoryOfCell: Int32Array.from([0, 0, 1, 1]), targets: Float64Array.from(rows) },
    { categoryOfCell: Int32Array.from([0, 1, 0, 1]), targets: Float64Array.from(columns) },
  ];

  it('with equal starting weights gives the independence table r·c / N, in one sweep', () => {
    const out = ipf(Float64Array.from([1, 1, 1, 1]), twoByTwo([30, 70], [40, 60]), options);
    expect(out.converged).toBe(true);
    expect(out.sweeps).toBe(1);
    expect(Array.from(out.factors)).toEqual([12, 18, 28, 42].map((x) => expect.closeTo(x, 12)));
  });

  it('reports non-convergence when the margins cannot both be met (structural zeros)', () => {
    // Only the diagonal has respondents: row 1 must equal column 1, but the targets say 30 and 40.
    const out = ipf(Float64Array.from([1, 0, 0, 1]), twoByTwo([30, 70], [40, 60]), options);
    expect(out.converged).toBe(false);
    expect(out.sweeps).toBe(RAKE_MAX_SWEEPS);
    expect(out.maxError).toBeCloseTo(0.1, 12);
  });

  it('gives a category with a population of 0 weights of 0, and leaves empty, unwanted cells alone', () => {
    const out = ipf(Float64Array.from([2, 3, 0, 5]), twoByTwo([100, 0], [40, 60]), options);
    expect(out.converged).toBe(true);
    const weights = Float64Array.from([2, 3, 0, 5], (b, c) => b * out.factors[c]!);
    expect(Array.from(categorySums(twoByTwo([100, 0], [40, 60])[1]!, weights))).toEqual([expect.closeTo(40, 9), expect.closeTo(60, 9)]);
    expect(weights[3]).toBe(0);
  });
});

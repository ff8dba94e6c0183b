import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../../src/stats/column-letters.js';
import { chiSquareUpperP, normalTwoSidedP, tCritical } from '../../../src/stats/distributions.js';
import { logitInterval } from '../../../src/stats/logit-interval.js';
import { meanEstimate } from '../../../src/stats/mean-score.js';
import { adjustPValues } from '../../../src/stats/p-adjust.js';
import { kishEffectiveSize, proportionEstimate, type DomainSums } from '../../../src/stats/proportion.js';
import { pearsonChiSquare, raoScottChiSquare } from '../../../src/stats/table-tests.js';

/** Figures from R's survey package (reference/formulas.R) on the small data set stored beside them. */
interface Reference {
  options: string[];
  rows: { w: number; g: string; y: string | null }[];
  cells: { design: string; group: string; option: string; p: number; se: number; ci_lo: number | null; ci_hi: number | null; df: number; n_eff: number; cp_upper_at_zero: number }[];
  means: { design: string; group: string; mean: number; se: number }[];
  comparisons: { design: string; option: string; a: number; b: number; z: number; p: number; holm: number; bh: number }[];
  tests: { design: string; statistic: number; df: number; p: number }[];
  p_adjust: { p: number[]; holm: number[]; bh: number[] };
  quantiles: { df: number[]; t975: number[] };
  tails: { chisq: { x: number[]; df: number[]; p: number[] }; normal: { z: number[]; p: number[] } };
}
const ref = JSON.parse(fs.readFileSync(path.join(__dirname, 'reference', 'formulas.json'), 'utf8')) as Reference;
const GROUPS = ['A', 'B', 'C'];
const N = ref.rows.length;
const TOL = 1e-10;
const CI_TOL = 1e-8;

const weightOf = (design: string, w: number) => (design === 'weighted' ? w : 1);
const substantive = (y: string | null): y is string => y !== null && ref.options.includes(y);

/** Σ count, Σw, Σw² over the rows matching `keep`: what the crosstab's GROUP BY gives. */
function sums(design: string, keep: (row: Reference['rows'][number]) => boolean): DomainSums {
  const out = { n: 0, sumW: 0, sumW2: 0 };
  for (const row of ref.rows.filter(keep)) {
    const w = weightOf(design, row.w);
    out.n += 1;
    out.sumW += w;
    out.sumW2 += w * w;
  }
  return out;
}
const domain = (design: string, group: string) => sums(design, (r) => r.g === group && substantive(r.y));
const yes = (design: string, group: string, option: string) => sums(design, (r) => r.g === group && r.y === option);

describe('proportions, standard errors and logit intervals on domains equal R survey', () => {
  it.each(ref.cells.map((c) => [c.design, c.group, c.option, c] as const))('%s, group %s, "%s"', (design, group, option, cell) => {
    const base = domain(design, group);
    const estimate = proportionEstimate(base, yes(design, group, option), N)!;
    expect(estimate.estimate).toBeCloseTo(cell.p, 12);
    expect(Math.abs(estimate.se - cell.se)).toBeLessThan(TOL);
    expect(Math.abs(kishEffectiveSize(base) - cell.n_eff)).toBeLessThan(TOL);
    expect(base.n - 1).toBe(cell.df);
    const ci = logitInterval(estimate.estimate, estimate.se, base.n - 1, kishEffectiveSize(base))!;
    if (cell.ci_lo !== null && cell.ci_hi !== null) {
      // R fits the logit by svyglm's iterations, which stop within about 1e-9 of the closed form used here.
      expect(Math.abs(ci.lo - cell.ci_lo)).toBeLessThan(CI_TOL);
      expect(Math.abs(ci.hi - cell.ci_hi)).toBeLessThan(CI_TOL);
      expect(ci.note).toBeUndefined();
    } else {
      // R gives no logit interval at p = 0: the exact bound 0, and Clopper–Pearson (R: qbeta) on n_eff above.
      expect(cell.p).toBe(0);
      expect(ci.lo).toBe(0);
      expect(Math.abs(ci.hi - cell.cp_upper_at_zero)).toBeLessThan(TOL);
      expect(ci.note).toMatch(/exactly 0%/);
    }
  });

  it('mirrors the exact bound at p = 1 and gives no interval for a single respondent', () => {
    const atOne = logitInterval(1, 0, 12, 9.84000498260913)!;
    expect(atOne.hi).toBe(1);
    expect(Math.abs(atOne.lo - (1 - ref.cells.find((c) => c.p === 0 && c.design === 'weighted')!.cp_upper_at_zero))).toBeLessThan(TOL);
    expect(logitInterval(0.5, 0.1, 0, 1)).toBeNull();
  });
});

describe('means of scores equal R survey', () => {
  it.each(ref.means.map((m) => [m.design, m.group, m] as const))('%s, group %s', (design, group, expected) => {
    const s = { sumW: 0, sumW2: 0, sumWX: 0, sumW2X: 0, sumW2X2: 0 };
    for (const row of ref.rows) {
      if (row.g !== group || !substantive(row.y)) continue;
      const w = weightOf(design, row.w);
      const x = ref.options.length - ref.options.indexOf(row.y);
      s.sumW += w;
      s.sumW2 += w * w;
      s.sumWX += w * x;
      s.sumW2X += w * w * x;
      s.sumW2X2 += w * w * x * x;
    }
    const m = meanEstimate(s, N)!;
    expect(Math.abs(m.estimate - expected.mean)).toBeLessThan(TOL);
    expect(Math.abs(m.se - expected.se)).toBeLessThan(TOL);
  });
});

describe('column comparisons equal R svycontrast and p.adjust', () => {
  for (const design of ['weighted', 'unweighted']) {
    it.each(ref.options)(`${design}: "%s"`, (option) => {
      const estimates = GROUPS.map((g) => proportionEstimate(domain(design, g), yes(design, g, option), N));
      const expected = ref.comparisons.filter((c) => c.design === design && c.option === option);
      for (const method of ['holm', 'bh'] as const) {
        const { comparisons, letters } = columnLetters(estimates, method);
        expect(comparisons.map((c) => [c.a, c.b])).toEqual(expected.map((c) => [c.a, c.b]));
        comparisons.forEach((c, i) => {
          expect(Math.abs(c.z - expected[i]!.z)).toBeLessThan(1e-9);
          expect(Math.abs(c.p - expected[i]!.p)).toBeLessThan(TOL);
          expect(Math.abs(c.adjusted - expected[i]![method])).toBeLessThan(TOL);
        });
        // A column's letters name the columns it is significantly higher than, after adjustment.
        const wanted = GROUPS.map((_, col) =>
          expected
            .filter((c) => c[method] < 0.05 && ((c.a === col && c.z > 0) || (c.b === col && c.z < 0)))
            .map((c) => 'ABC'[c.a === col ? c.b : c.a]!)
            .sort(),
        );
        expect(letters).toEqual(wanted);
      }
    });
  }

  it('adjusts p-values as R p.adjust does', () => {
    const { p, holm, bh } = ref.p_adjust;
    adjustPValues(p, 'holm').forEach((x, i) => expect(Math.abs(x - holm[i]!)).toBeLessThan(1e-15));
    adjustPValues(p, 'bh').forEach((x, i) => expect(Math.abs(x - bh[i]!)).toBeLessThan(1e-15));
    expect(adjustPValues(p, 'none')).toEqual(p);
  });
});

describe('independence tests equal R', () => {
  const table = (design: string) =>
    GROUPS.map((g) => ref.options.map((o) => sums(design, (r) => r.g === g && r.y === o)));

  it('Pearson on unweighted counts (chisq.test, correct = FALSE)', () => {
    const expected = ref.tests.find((t) => t.design === 'unweighted')!;
    const test = pearsonChiSquare(table('unweighted').map((row) => row.map((c) => c.n)))!;
    expect(test.df).toBe(expected.df);
    expect(Math.abs(test.statistic - expected.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(test.p - expected.p)).toBeLessThan(TOL);
  });

  it('Rao–Scott first order on weighted sums (svychisq, statistic = "Chisq"), with an empty cell inside', () => {
    const expected = ref.tests.find((t) => t.design === 'weighted')!;
    const test = raoScottChiSquare(table('weighted'), N)!;
    expect(test.df).toBe(expected.df);
    expect(Math.abs(test.statistic - expected.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(test.p - expected.p)).toBeLessThan(TOL);
  });

  it('drops empty rows and columns, and has nothing to test with fewer than two of either', () => {
    expect(pearsonChiSquare([[5, 0, 3], [0, 0, 0], [2, 0, 6]])!.df).toBe(1);
    expect(pearsonChiSquare([[5, 3], [0, 0]])).toBeNull();
  });
});

describe('distributions equal R', () => {
  it('t quantiles, chi-square and normal tails', () => {
    ref.quantiles.df.forEach((df, i) => expect(Math.abs(tCritical(df) - ref.quantiles.t975[i]!)).toBeLessThan(1e-12));
    const { chisq, normal } = ref.tails;
    chisq.x.forEach((x, i) => expect(Math.abs(chiSquareUpperP(x, chisq.df[i]!) - chisq.p[i]!)).toBeLessThan(1e-14));
    normal.z.forEach((z, i) => expect(Math.abs(normalTwoSidedP(z) - normal.p[i]!) / normal.p[i]!).toBeLessThan(1e-12));
  });
});

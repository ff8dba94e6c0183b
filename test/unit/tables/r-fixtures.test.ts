import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrosstabRequest, RakeAndSaveRequest, type Crosstab } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { differenceTest } from '../../../src/stats/difference.js';
import { crosstab } from '../../../src/tables/crosstab.js';
import { readMarginsCsv } from '../../../src/weighting/margins-csv.js';
import { rakeAndSave } from '../../../src/weighting/rake-wave.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Crosstabs of the sample project against test/fixtures/stats/r (R survey, made by test/fixtures/stats/reference.R):
 * cells (%, SE, logit CI, counts, bases, n_eff), column comparisons (z, p, Holm and BH) and the letters they give,
 * chi-squares (Pearson unweighted, Rao–Scott weighted), means of scores, a filtered domain, and raked weights used as
 * fixed weights. Every table of the fixtures is checked; a failure names the table and the figure.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'stats');
const TOL = 1e-6;

type Csv = Record<string, string>[];
const readCsv = (file: string): Csv => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FIXTURES, 'r', file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s.replace(/^(-?)Inf$/, '$1Infinity')));

/** The fixtures name a net "Very satisfied|Fairly satisfied"; Heard labels it "Top 2: Very satisfied + Fairly satisfied". */
function heardRow(kind: string, option: string): string {
  if (kind === 'option') return option;
  return `${kind === 'top2' ? 'Top 2' : 'Bottom 2'}: ${option.split('|').join(' + ')}`;
}

const tableKey = (r: Record<string, string>) => [r.wave, r.weighting, r.filter, r.row_var, r.col_var].join(' / ');
function groupBy(rows: Csv): Map<string, Csv> {
  const out = new Map<string, Csv>();
  for (const r of rows) out.set(tableKey(r), [...(out.get(tableKey(r)) ?? []), r]);
  return out;
}

// `raked_wave` keeps the 54 respondents without a raked weight in the n of n/(n−1); Heard's saved weights leave them
// out of the design altogether, which is the `raked` variant.
const cells = groupBy(readCsv('cells.csv').filter((r) => r.weighting !== 'raked_wave'));
const comparisons = groupBy([...readCsv('comparisons.csv'), ...readCsv('comparisons-ethnic-group.csv')]);
const chisq = readCsv('chisq.csv').filter((r) => r.method === (r.weighting === 'unweighted' ? 'pearson' : 'rao_scott_chisq'));
const tests = groupBy(chisq);
const means = readCsv('means.csv');
const yoy = readCsv('yoy.csv');

describe('crosstabs of the sample project equal R survey (test/fixtures/stats/r)', () => {
  const dir = tempDir();
  let project: ProjectFile;
  const waves = new Map<string, number>();
  const worst = new Map<string, number>();
  const close = (what: string, actual: number, expected: number | null, context: string) => {
    expect(expected, `${context}: ${what} in the fixture`).not.toBeNull();
    const diff = Math.abs(actual - expected!);
    worst.set(what, Math.max(worst.get(what) ?? 0, diff));
    expect(diff, `${context}: ${what} ${actual} vs R ${expected}`).toBeLessThan(TOL);
  };

  beforeAll(async () => {
    project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
    const rows = await project.read("SELECT w.label, w.id FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey'");
    for (const r of rows) waves.set(String(r.label), Number(r.id));
    // The fixtures' raked weight: 2023 raked from the design weight to age × sex and ward, leaving out respondents
    // with a blank margin variable (R rakes the data without them).
    await rakeAndSave(
      project,
      RakeAndSaveRequest.parse({
        waveId: waves.get('2023')!,
        name: 'raked',
        baseWeight: 'weight',
        excludeMissing: true,
        margins: [readMarginsCsv(path.join(FIXTURES, 'margins-age-sex.csv')), readMarginsCsv(path.join(FIXTURES, 'margins-ward.csv'))],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await project?.close();
    if (process.env.HEARD_SHOW_DIFFS) console.log(Object.fromEntries(worst));
  });

  const run = (r: Record<string, string>, comparison: 'holm' | 'bh' = 'holm'): Promise<Crosstab> =>
    crosstab(
      project,
      CrosstabRequest.parse({
        waveId: waves.get(r.wave!)!,
        row: r.row_var,
        col: r.col_var || null,
        weight: { unweighted: null, design: 'weight', raked: 'raked' }[r.weighting!] ?? null,
        where: r.filter ? [{ column: r.filter.split('=')[0], value: r.filter.split('=')[1] }] : [],
        comparison,
      }),
    );

  it.each([...cells.keys()])('%s', async (key) => {
    const expected = cells.get(key)!;
    const t = await run(expected[0]!);
    expect(t.cells).toHaveLength(expected.length);
    for (const e of expected) {
      const context = `${key}: ${e.row_option} × ${e.col_group || 'all'}`;
      const col = e.col_var ? e.col_group! : null;
      const cell = t.cells.find((c) => c.row === heardRow(e.kind!, e.row_option!) && c.col === col);
      const base = t.bases.find((b) => b.col === col);
      expect(cell, context).toBeDefined();
      expect([cell!.n, base!.n], context).toEqual([Number(e.n), Number(e.base_n)]);
      // Weighted counts are on the weights' scale (raked weights sum to the population): compared relatively.
      close('weighted_n (relative)', cell!.weighted_n / Math.max(1, num(e.weighted_n)!), num(e.weighted_n)! / Math.max(1, num(e.weighted_n)!), context);
      close('weighted base (relative)', base!.weighted_n / num(e.weighted_base)!, 1, context);
      close('n_eff (relative)', base!.n_eff / num(e.n_eff)!, 1, context);
      close('pct', cell!.pct, num(e.pct), context);
      close('se', cell!.se, num(e.se), context);
      // R's svymean can give 1 − 6e-16 for a unanimous group, and then a degenerate "interior" interval at ~100.
      if (e.ci_at_bound === 'true' || cell!.pct === 0 || cell!.pct === 100) {
        // R has no logit interval at 0% or 100%; Heard's bound at that end is exact.
        expect(cell!.ci![cell!.pct === 0 ? 0 : 1], context).toBe(cell!.pct);
      } else {
        close('ci bound', cell!.ci![0], num(e.ci_lo), context);
        close('ci bound', cell!.ci![1], num(e.ci_hi), context);
      }
    }

    const pairs = comparisons.get(key) ?? [];
    const bh = pairs.length ? await run(expected[0]!, 'bh') : null;
    // Two groups that both answered unanimously and alike have nothing to compare. R's svymean can put such a group at
    // 99.99999999999999% with an SE of 6e-15 rather than exactly 100% and 0, and then tests the pair on that rounding
    // noise, which also changes the size of the row's Holm/BH family. Heard leaves such pairs out (as R does when the
    // figures are exact), so for those rows only the pairs themselves are checked, not the adjusted p-values.
    const rCell = (option: string, group: string) => expected.find((c) => c.row_option === option && c.col_group === group)!;
    const noise = (e: Record<string, string>) => {
      const [a, b] = [rCell(e.row_option!, e.group_a!), rCell(e.row_option!, e.group_b!)];
      return Number(a.se) < 1e-12 && Number(b.se) < 1e-12 && Math.abs(Number(a.pct) - Number(b.pct)) < 1e-9 && e.z !== '';
    };
    const noisyRows = new Set(pairs.filter(noise).map((e) => e.row_option));
    for (const e of pairs) {
      const context = `${key}: ${e.row_option}, ${e.group_a} vs ${e.group_b}`;
      const row = heardRow(e.kind!, e.row_option!);
      const find = (x: Crosstab) => x.comparisons.find((c) => c.row === row && c.a === e.group_a && c.b === e.group_b);
      if (e.z === '' || noise(e)) {
        expect(find(t), `${context}: nothing to test (0/0), so no comparison`).toBeUndefined();
        continue;
      }
      if (e.z === 'Inf' || e.z === '-Inf') expect([find(t)!.z, Math.sign(find(t)!.difference)], context).toEqual([null, e.z === 'Inf' ? 1 : -1]);
      else close('z', find(t)!.z!, num(e.z), context);
      close('p', find(t)!.p, num(e.p), context);
      if (noisyRows.has(e.row_option)) continue;
      close('p Holm', find(t)!.adjusted, num(e.p_holm), context);
      close('p BH', find(bh!)!.adjusted, num(e.p_bh), context);
    }
    // Letters: a cell names each column it is higher than at Holm-adjusted p < 0.05.
    const letterOf = new Map(t.bases.map((b) => [b.col, b.letter]));
    for (const cell of t.cells) {
      const sameRow = pairs.filter((e) => heardRow(e.kind!, e.row_option!) === cell.row);
      if (sameRow.some((e) => noisyRows.has(e.row_option))) continue;
      const wanted = sameRow
        .filter((e) => e.z !== '' && Number(e.p_holm) < 0.05)
        .flatMap((e) => (e.group_a === cell.col && num(e.z)! > 0 ? [e.group_b] : e.group_b === cell.col && num(e.z)! < 0 ? [e.group_a] : []))
        .map((g) => letterOf.get(g ?? null)!)
        .sort();
      expect([...cell.letters].sort(), `${key}: letters of ${cell.row} × ${cell.col}`).toEqual(wanted);
    }

    const test = tests.get(key)?.[0];
    if (test?.r_error) {
      // R's svychisq fails on these sparse tables ("computationally singular"); Heard shows no test and says why.
      expect(t.test, key).toBeNull();
      expect(t.notes.join(' '), key).toMatch(/too many empty cells/);
    } else if (test) {
      expect(t.test!.df, key).toBe(Number(test.df1));
      close('chi-square', t.test!.statistic, num(test.method === 'pearson' ? test.statistic : test.adj_statistic), key);
      close('chi-square p', t.test!.p, num(test.p), key);
    }
  });

  it.each(yoy.map((y) => [y.row_var, y.weighting, y] as const))('year on year, top 2 of %s (%s): independent waves', async (rowVar, weighting, y) => {
    const top2 = async (wave: string) => {
      const t = await run({ wave, weighting: weighting!, filter: '', row_var: rowVar!, col_var: '' });
      const cell = t.cells.find((c) => c.row === heardRow('top2', y.row_option!))!;
      return { estimate: cell.pct, se: cell.se };
    };
    const change = differenceTest(await top2('2024'), await top2('2023'))!;
    const context = `${rowVar} ${weighting}`;
    close('difference', change.difference, num(y.diff), context);
    close('difference se', change.se, num(y.se_diff), context);
    close('z', change.z, num(y.z), context);
    close('p', change.p, num(y.p), context);
  });

  it.each(means.map((m) => [m.wave, m.weighting, m.item, m.col_group || 'all', m] as const))('mean score %s %s %s, %s', async (wave, weighting, item, _group, m) => {
    const t = await run({ wave: wave!, weighting: weighting!, filter: '', row_var: item!, col_var: m.col_var! });
    const mean = t.means!.find((x) => x.col === (m.col_var ? m.col_group : null))!;
    expect(mean.n).toBe(Number(m.base_n));
    close('mean', mean.mean, num(m.mean), `${wave} ${weighting} ${item}`);
    close('mean se', mean.se, num(m.se), `${wave} ${weighting} ${item}`);
  });
});

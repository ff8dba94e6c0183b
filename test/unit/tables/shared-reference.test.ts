import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * `heard table` on the shared generator's 5,000-row survey (default seed) against the R `survey` figures in
 * ../shared/reference/out (made by ref_survey.R): top-2 percentages, SEs, logit CIs and bases by characteristic,
 * unweighted and design-weighted, and the chi-squares of satisfaction by ethnic group.
 */
const REFERENCE = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'reference');
const HAVE_REFERENCE = fs.existsSync(path.join(REFERENCE, 'gen_survey.py')) && fs.existsSync(path.join(REFERENCE, 'out', 'a_top2.csv'));
const SKIP_REASON = `skipped: ${REFERENCE} is not present (a user's clone does not have the shared reference tools)`;
const TOL = 1e-6;

type Csv = Record<string, string>[];
// Empty where the shared folder is absent: the tables below are then listed but skipped, not read.
const readCsv = (file: string): Csv =>
  HAVE_REFERENCE ? Papa.parse<Record<string, string>>(fs.readFileSync(path.join(REFERENCE, 'out', file), 'utf8'), { header: true, skipEmptyLines: true }).data : [];
const num = (s: string | undefined) => (s === undefined || s === 'NA' || s === '' ? null : Number(s));

interface Table {
  cells: { row: string; col: string | null; n: number; weighted_n: number; pct: number; se: number; ci: [number, number] | null; letters: string[]; flag: string | null }[];
  bases: { col: string | null; n: number; weighted_n: number; n_eff: number }[];
  test: { method: string; statistic: number; df: number; p: number } | null;
}

describe.skipIf(!HAVE_REFERENCE)(`heard table equals R survey on the shared 5,000-row survey${HAVE_REFERENCE ? '' : ` (${SKIP_REASON})`}`, () => {
  const dir = tempDir();
  const project = path.join(dir, 'reference.heard');
  const cache = new Map<string, Table>();

  async function table(...args: string[]): Promise<Table> {
    const key = args.join(' ');
    if (!cache.has(key)) {
      let stdout = '';
      let stderr = '';
      const code = await main(['table', '--project', project, '--survey', 'survey', ...args, '--json', '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
      expect([code, stderr]).toEqual([0, '']);
      cache.set(key, JSON.parse(stdout) as Table);
    }
    return cache.get(key)!;
  }

  beforeAll(async () => {
    const csv = path.join(dir, 'survey.csv');
    execFileSync('python3', [path.join(REFERENCE, 'gen_survey.py'), '5000', '--out', csv]);
    const code = await main(['import', csv, '--project', project, '--name', 'survey', '--data-dir', dir], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(0);
  }, 60_000);

  const top2 = readCsv('a_top2.csv').filter(
    (r) => ['unweighted', 'design_weight'].includes(r.design!) && !r.item!.startsWith('gap') && r.by_var !== 'wave' && r.level !== 'Prefer not to say',
  );

  it.each(top2.map((r) => [r.design, r.item, r.by_var, r.level, r] as const))('%s %s by %s: %s', async (design, item, byVar, level, ref) => {
    const args = ['--row', item!, ...(byVar === 'overall' ? [] : ['--col', byVar!]), ...(design === 'design_weight' ? ['--weight', 'weight'] : [])];
    const t = await table(...args);
    const col = byVar === 'overall' ? null : level!;
    const cell = t.cells.find((c) => c.row.startsWith('Top 2:') && c.col === col)!;
    const base = t.bases.find((b) => b.col === col)!;
    expect(base.n).toBe(Number(ref.n_valid));
    expect(Math.abs(base.weighted_n - num(ref.sum_w_valid)!)).toBeLessThan(TOL);
    expect(Math.abs(base.n_eff - num(ref.n_eff_kish)!)).toBeLessThan(TOL);
    expect(Math.abs(cell.pct - num(ref.pct)!)).toBeLessThan(TOL);
    expect(Math.abs(cell.se - num(ref.se)!)).toBeLessThan(TOL);
    const [lo, hi] = [num(ref.ci_lo_logit), num(ref.ci_hi_logit)];
    if (lo !== null && hi !== null) {
      expect(Math.abs(cell.ci![0] - lo)).toBeLessThan(TOL);
      expect(Math.abs(cell.ci![1] - hi)).toBeLessThan(TOL);
    }
  });

  describe('satisfaction by ethnic group, with "Prefer not to say" counted as a group as ref_survey.R does', () => {
    beforeAll(async () => {
      // Which answers are substantive is the user's to edit (METHODS); here the user counts it as an answer.
      const p = await ProjectFile.open(project);
      await p.write((tx) => tx.run("UPDATE questions SET non_substantive = [] WHERE name = 'ethnic_group'"));
      await p.close();
      cache.clear();
    });
    const chisq = readCsv('c_chisq.csv').filter((r) => r.variant === 'excl_dk');
    const counts = readCsv('c_crosstab.csv').filter((r) => r.variant === 'excl_dk' && r.design !== 'raked');

    it('Pearson chi-square, unweighted (chisq.test)', async () => {
      const ref = chisq.find((r) => r.design === 'unweighted')!;
      const { test } = await table('--row', 'sat_overall', '--col', 'ethnic_group');
      expect(test!.method).toMatch(/Pearson/);
      expect(test!.df).toBe(Number(ref.df1));
      expect(Math.abs(test!.statistic - num(ref.statistic)!)).toBeLessThan(TOL);
      expect(Math.abs(test!.p - num(ref.p_value)!)).toBeLessThan(TOL);
    });

    it('Rao–Scott first-order chi-square, design-weighted (svychisq, statistic = "Chisq")', async () => {
      const ref = chisq.find((r) => r.design === 'design_weight' && r.method!.includes('statistic=Chisq'))!;
      const { test } = await table('--row', 'sat_overall', '--col', 'ethnic_group', '--weight', 'weight');
      expect(test!.method).toMatch(/Rao–Scott/);
      expect(test!.df).toBe(Number(ref.df1));
      expect(Math.abs(test!.statistic - num(ref.adj_statistic)!)).toBeLessThan(TOL);
      expect(Math.abs(test!.p - num(ref.p_value)!)).toBeLessThan(TOL);
    });

    it.each(counts.map((r) => [r.design, r.ethnic_group, r.sat_overall, r] as const))('%s cell %s × %s', async (design, group, answer, ref) => {
      const t = await table('--row', 'sat_overall', '--col', 'ethnic_group', ...(design === 'design_weight' ? ['--weight', 'weight'] : []));
      const cell = t.cells.find((c) => c.row === answer && c.col === group)!;
      expect(Math.abs(cell.weighted_n - num(ref.count)!)).toBeLessThan(TOL);
      expect(Math.abs(cell.pct - num(ref.row_pct)!)).toBeLessThan(TOL);
    });
  });
});

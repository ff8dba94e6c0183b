import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { RakeAndSaveRequest } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { quoteIdent, quoteLiteral } from '../../../src/engine/sql.js';
import { readMarginsCsv } from '../../../src/weighting/margins-csv.js';
import { rakeAndSave } from '../../../src/weighting/rake-wave.js';
import { resolveWeight } from '../../../src/weighting/resolve-weight.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * `heard rake` on the shared generator's 5,000-row survey (default seed) against R's rake() in ../shared/reference
 * (ref_survey.R: design weights raked to margins_age_sex.csv and margins_ward.csv): R's achieved margins, and R's
 * raked-design sums of weights, Kish n_eff and top-2 percentages on each item's valid base, overall and by group.
 * Those are functions of the weights alone, so they check every raked weight; R's raked SEs are calibration-aware
 * (not Heard's fixed-weight default) and are not compared here.
 */
const REFERENCE = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'reference');
const HAVE_REFERENCE = ['gen_survey.py', 'margins_age_sex.csv', 'margins_ward.csv', 'out/a_top2.csv', 'out/b_rake_check.csv'].every((f) =>
  fs.existsSync(path.join(REFERENCE, f)),
);
const SKIP_REASON = `skipped: ${REFERENCE} is not present (a user's clone does not have the shared reference tools)`;
// Empty where the shared folder is absent: the tables below are then listed but skipped, not read.
const readCsv = (file: string): Record<string, string>[] =>
  HAVE_REFERENCE ? Papa.parse<Record<string, string>>(fs.readFileSync(path.join(REFERENCE, file), 'utf8'), { header: true, skipEmptyLines: true }).data : [];
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const TOP2: Record<string, string[]> = {
  imp_listen: ['Very important', 'Fairly important'],
  imp_involve: ['Very important', 'Fairly important'],
  sat_listen: ['Very satisfied', 'Fairly satisfied'],
  sat_involve: ['Very satisfied', 'Fairly satisfied'],
  sat_overall: ['Very satisfied', 'Fairly satisfied'],
};

describe.skipIf(!HAVE_REFERENCE)(`heard rake equals R survey::rake on the shared 5,000-row survey${HAVE_REFERENCE ? '' : ` (${SKIP_REASON})`}`, () => {
  const dir = tempDir();
  const projectPath = path.join(dir, 'reference.heard');
  let project: ProjectFile;
  let waveId: number;
  let summary: Record<string, unknown>;

  beforeAll(async () => {
    const csv = path.join(dir, 'survey.csv');
    execFileSync('python3', [path.join(REFERENCE, 'gen_survey.py'), '5000', '--out', csv]);
    const silent = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['import', csv, '--project', projectPath, '--name', 'survey', '--data-dir', dir], silent)).toBe(0);
    let stdout = '';
    let stderr = '';
    const margins = ['margins_age_sex.csv', 'margins_ward.csv'].flatMap((f) => ['--margins', path.join(REFERENCE, f)]);
    const code = await main(['rake', '--project', projectPath, '--survey', 'survey', ...margins, '--base-weight', 'weight', '--save', 'raked', '--json', '--data-dir', dir], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    expect([code, stderr]).toEqual([0, '']);
    summary = JSON.parse(stdout);
    project = await ProjectFile.open(projectPath);
    waveId = Number((await project.read('SELECT id FROM waves'))[0]!.id);
  }, 60_000);
  afterAll(() => project?.close());

  it('meets the margins as R does', () => {
    expect(summary).toMatchObject({ converged: true, rows: 5000 });
    const ours = (summary.margins as { variables: string[]; cells: { values: string[]; achieved: number }[] }[]).flatMap((m) =>
      m.cells.map((c) => [c.values.join(' | '), c.achieved] as const),
    );
    const check = readCsv('out/b_rake_check.csv');
    expect(ours.length).toBe(check.length);
    for (const r of check) expect(relative(ours.find(([level]) => level === r.level)![1], Number(r.achieved))).toBeLessThan(1e-6);
  });

  it('rakes to a number column as written in a margins file (wave 2023, not 2023.0)', async () => {
    const margins = path.join(dir, 'waves.csv');
    fs.writeFileSync(margins, 'wave,population\n2023,600\n2024,400\n');
    await rakeAndSave(project, RakeAndSaveRequest.parse({ waveId, margins: [readMarginsCsv(margins)], name: 'by wave' }));
    const weight = await resolveWeight(project, waveId, 'by wave');
    const sums = await project.read(`SELECT r.wave, sum(${weight.expr}) AS w FROM wave_${waveId} r ${weight.join} GROUP BY r.wave ORDER BY r.wave`);
    expect(sums.map((r) => [Number(r.wave), Number(r.w)])).toEqual([
      [2023, expect.closeTo(600, 6)],
      [2024, expect.closeTo(400, 6)],
    ]);
  });

  const raked = readCsv('out/a_top2.csv').filter((r) => r.design === 'raked' && !r.item!.startsWith('gap'));

  it.each(raked.map((r) => [r.item, r.by_var, r.level, r] as const))('%s by %s: %s', async (item, byVar, level, ref) => {
    const weight = await resolveWeight(project, waveId, 'raked');
    const x = `r.${quoteIdent(item!)}`;
    // The survey's wave is a number column (2023, 2024); the rest are text.
    const inDomain = byVar === 'overall' ? 'TRUE' : byVar === 'wave' ? `r.wave = ${Number(level)}` : `r.${quoteIdent(byVar!)} = ${quoteLiteral(level!)}`;
    const [row] = await project.read(
      `SELECT count(*) AS n, sum(${weight.expr}) AS w, sum(${weight.expr} * ${weight.expr}) AS w2,
         sum(${weight.expr}) FILTER (WHERE ${x} IN (${TOP2[item!]!.map(quoteLiteral).join(', ')})) AS top
       FROM wave_${waveId} r ${weight.join}
       WHERE ${weight.where} AND ${inDomain} AND ${x} IS NOT NULL AND ${x} <> 'Don''t know'`,
    );
    const w = Number(row!.w);
    expect(Number(row!.n)).toBe(Number(ref.n_valid));
    expect(relative(w, Number(ref.sum_w_valid))).toBeLessThan(1e-6);
    expect(relative((w * w) / Number(row!.w2), Number(ref.n_eff_kish))).toBeLessThan(1e-6);
    expect(Math.abs((100 * Number(row!.top)) / w - Number(ref.pct))).toBeLessThan(1e-6);
  });
});

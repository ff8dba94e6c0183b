import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ProjectFile } from '../../src/engine/project-file.js';
import { ensureSampleProject } from '../../src/sample/build-sample-project.js';
import { sampleDataDir } from '../../src/paths.js';
import { tempDir } from '../support/temp-dir.js';

// heard themes import-codes / apply / evaluate / export: the README's contract (flags and JSON keys) on a copy of the
// sample project, whose consultation comments open coded with the sample codeframe.
const dir = tempDir();
let project: string;
const SURVEY = 'Town Centre Consultation';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv, '--data-dir', path.join(dir, 'data')], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
const themes = (...args: string[]) => run('themes', ...args, '--project', project, '--survey', SURVEY);

beforeAll(async () => {
  const built = await ensureSampleProject(path.join(dir, 'built'), sampleDataDir());
  project = path.join(dir, 'copy.heard');
  fs.copyFileSync(built, project);
}, 120_000);

describe('heard themes (codes in, auto-coding, agreement, codes out)', () => {
  const ids = ['TC24-0002', 'TC24-0003', 'TC24-0005'];

  it('imports people\'s codes, adding a theme the codeframe lacks', async () => {
    const ok = await firstAnswered(3);
    const file = path.join(dir, 'codes.csv');
    fs.writeFileSync(file, `Response ID,PARK,Cost and value for money,Bus lanes\n${ok[0]},1,0,1\n${ok[1]},0,1,\n${ok[2]},1,1,0\n`);
    const r = await themes('import-codes', '--question', 'comments', '--codes', file, '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { matched: number; added_themes: string[]; counts: Record<string, number> };
    expect(doc.matched).toBe(3);
    expect(doc.added_themes).toEqual(['Bus lanes']);
    expect(doc.counts.BUS_LANES).toBe(1);
    expect(Object.keys(doc.counts)).toHaveLength(13);
  });

  it('refuses a cell that is not 0 or 1, saying where', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, `Response ID,PARK\n${ids[0]},yes\n`);
    const r = await themes('import-codes', '--question', 'comments', '--codes', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Line 2, column 2 \(PARK\) of bad\.csv holds "yes"/);
  });

  it('auto-codes what people have not coded, learning from what they have, and prints counts per theme', async () => {
    const r = await themes('apply', '--question', 'comments', '--train-from-human', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { coded: number; human: number; model_themes: string[]; counts: Record<string, number> };
    expect(doc.human).toBe(3);
    expect(doc.coded).toBeGreaterThan(1000);
    // Three reviewed responses are too few to learn any theme from (five of each kind are needed).
    expect(doc.model_themes).toEqual([]);
    expect(doc.counts.LIBRARY).toBeGreaterThan(100);
  });

  it('scores the codes against a gold file: complete agreement with the file just imported', async () => {
    const r = await themes('evaluate', '--question', 'comments', '--gold', path.join(dir, 'codes.csv'), '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { n: number; f1: number; f1_ci: [number, number]; kappa: Record<string, number | null> };
    expect(Object.keys(doc)).toEqual(['n', 'f1', 'f1_ci', 'kappa']);
    expect(doc).toMatchObject({ n: 3, f1: 1, f1_ci: [1, 1] });
    expect(doc.kappa).toEqual({ PARK: 1, COST: 1, BUS_LANES: 1 });
  });

  it('exports respondent id and a 0/1 column per theme', async () => {
    const out = path.join(dir, 'out.csv');
    const r = await themes('export', '--question', 'comments', '--out', out, '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { out: string; rows: number; themes: number };
    expect(doc.themes).toBe(13);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(doc.rows + 1);
    expect(lines[0]!.split(',')).toHaveLength(14);
    expect(lines[0]!.split(',')[0]).toBe('response_id');
  });

  it('codes another question with a codeframe file, made into the project\'s codeframe', async () => {
    const frame = path.join(dir, 'Welsh effects.json');
    fs.writeFileSync(frame, JSON.stringify({ name: 'Welsh effects', themes: [{ code: 'SIGNS', name: 'Bilingual signs', keywords: ['sign*', 'arwydd*'] }, { code: 'STAFF', name: 'Welsh-speaking staff', keywords: ['staff', 'staff*'] }] }));
    const r = await themes('apply', '--question', 'welsh_language_effects', '--codeframe', frame, '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(Object.keys((JSON.parse(r.stdout) as { counts: object }).counts)).toEqual(['SIGNS', 'STAFF']);
    // Again, with the file changed: the same codeframe is updated, not a second one made.
    fs.writeFileSync(frame, JSON.stringify({ name: 'Welsh effects', themes: [{ code: 'SIGNS', name: 'Signs', keywords: ['sign*'] }, { code: 'EVENTS', name: 'Events', keywords: ['event*', 'digwyddiad*'] }] }));
    const again = await themes('apply', '--question', 'welsh_language_effects', '--codeframe', frame, '--json');
    expect(Object.keys((JSON.parse(again.stdout) as { counts: object }).counts)).toEqual(['SIGNS', 'STAFF', 'EVENTS']);
  });
});

/** Respondent ids of the first `n` respondents who wrote a comment. */
async function firstAnswered(n: number): Promise<string[]> {
  const p = await ProjectFile.open(project);
  try {
    const [wave] = await p.read("SELECT w.table_name FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.kind = 'consultation'");
    const rows = await p.read(`SELECT response_id FROM "${String(wave!.table_name)}" WHERE trim(coalesce(comments, '')) <> '' ORDER BY rowid LIMIT ${n}`);
    return rows.map((r) => String(r.response_id));
  } finally {
    await p.close();
  }
}

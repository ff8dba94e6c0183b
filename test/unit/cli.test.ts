import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ensureSampleProject } from '../../src/sample/build-sample-project.js';
import { tempDir } from '../support/temp-dir.js';

const MINI_SAMPLE = path.join(__dirname, '..', 'fixtures', 'mini-sample');
const dir = tempDir();
let project: string;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  project = await ensureSampleProject(path.join(dir, 'built'), MINI_SAMPLE);
});

describe('heard CLI', () => {
  it('prints usage with no command', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('serve');
    expect(r.stdout).toContain('surveys');
  });

  it('lists surveys as one JSON document on stdout: id, name, latest wave and its rows, every wave', async () => {
    const r = await run('surveys', '--project', project, '--json', '--data-dir', path.join(dir, 'data'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as Array<{ id: number; name: string; wave: string; rows: number; waves: Array<{ label: string; rows: number }> }>;
    expect(doc.map((s) => [s.name, s.wave, s.rows, s.waves.map((w) => [w.label, w.rows])])).toEqual([
      ["Mini Residents' Survey", '2024', 2, [['2023', 3], ['2024', 2]]],
    ]);
    expect(doc[0]!.id).toBeGreaterThan(0);
  });

  it('prints a survey\'s columns, latest wave by default or the one asked for', async () => {
    const r = await run('questions', '--project', project, '--survey', "Mini Residents' Survey", '--wave', '2023', '--json', '--data-dir', dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const columns = JSON.parse(r.stdout) as Array<{ name: string; type: string; role: string; options: string[] }>;
    expect(columns.map((c) => c.name)).toEqual(['respondent_id', 'ward', 'overall', 'comments', 'weight']);
    expect(columns[2]).toMatchObject({ type: 'likert', role: 'satisfaction' });
    expect(columns[2]!.options[0]).toBe('Very satisfied');
  });

  it('exports responses to CSV with formulas neutralised and numbers left alone', async () => {
    const out = path.join(dir, 'export.csv');
    const r = await run('export', '--project', project, '--survey', '1', '--wave', '2024', '--out', out, '--json', '--data-dir', dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, columns: ['respondent_id', 'ward', 'overall', 'comments', 'weight'] });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("'=cmd|calc");
    expect(text).not.toMatch(/(^|,)=cmd/m);
    expect(text).toContain('1.1');
    expect(text).toContain('Grêt');
  });

  it('lists surveys as readable text without --json', async () => {
    const r = await run('surveys', '--project', project, '--data-dir', path.join(dir, 'data'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2023: 3 responses, 5 questions');
  });

  it('exits 1 with one line on stderr for user errors', async () => {
    const cases = [
      await run('frobnicate'),
      await run('surveys', '--data-dir', dir),
      await run('surveys', '--project', path.join(dir, 'nope.heard'), '--data-dir', dir),
      await run('serve', '--port', 'eighty', '--data-dir', dir),
      await run('surveys', '--project', project, '--colour', '--data-dir', dir),
      await run('surveys', '--project', project, '--port', '1', '--data-dir', dir),
      await run('questions', '--project', project, '--survey', 'No such survey', '--data-dir', dir),
      await run('export', '--project', project, '--survey', '1', '--out', path.join(dir, 'x.csv'), '--columns', 'ward,shoe_size', '--data-dir', dir),
      await run('import', '--project', path.join(dir, 'new.heard'), '--data-dir', dir),
    ];
    for (const r of cases) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr.startsWith('heard: ')).toBe(true);
      expect(r.stdout).toBe('');
    }
    expect(cases[2]!.stderr).toContain('There is no project at');
    expect(fs.existsSync(path.join(dir, 'nope.heard'))).toBe(false);
  });
});

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

  it('lists surveys as one JSON document on stdout', async () => {
    const r = await run('surveys', '--project', project, '--json', '--data-dir', path.join(dir, 'data'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { surveys: Array<{ name: string; waves: Array<{ label: string; rowCount: number }> }> };
    expect(doc.surveys.map((s) => [s.name, s.waves.map((w) => [w.label, w.rowCount])])).toEqual([
      ["Mini Residents' Survey", [['2023', 3], ['2024', 2]]],
    ]);
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

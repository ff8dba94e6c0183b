import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
const child = path.join(__dirname, 'crash-child.ts');

function start(file: string, mode: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', child, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function waitFor(proc: ChildProcess, predicate: (line: string) => boolean): Promise<string[]> {
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (predicate(line)) resolve(lines);
      }
    });
    proc.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

describe('a process killed during a write', () => {
  it('leaves the previous state when killed inside an open transaction', async () => {
    const file = path.join(dir, 'mid.heard');
    const p = await ProjectFile.create(file);
    await p.write((tx) => tx.run("INSERT INTO surveys (name, kind) VALUES ('Committed before', 'survey')"));
    await p.close();

    const proc = start(file, 'mid-transaction');
    await waitFor(proc, (l) => l === 'IN_TRANSACTION');
    await killHard(proc);

    const reopened = await ProjectFile.open(file);
    expect(await reopened.read('SELECT name FROM surveys ORDER BY id')).toEqual([{ name: 'Committed before' }]);
    expect(await reopened.read("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'junk'")).toEqual([{ n: 0 }]);
    await reopened.close();
  });

  it('keeps whole batches only when killed between and during commits', async () => {
    const file = path.join(dir, 'loop.heard');
    const p = await ProjectFile.create(file);
    await p.write((tx) => tx.run('CREATE TABLE batches (batch INTEGER, i BIGINT)'));
    await p.close();

    const proc = start(file, 'commit-loop');
    const lines = await waitFor(proc, (l) => l === 'COMMITTED 5');
    // Let it carry on for a moment so the kill lands at an arbitrary point of a later write.
    await new Promise((r) => setTimeout(r, 137));
    await killHard(proc);
    const lastSeen = Math.max(...lines.map((l) => Number(l.split(' ')[1])));

    const reopened = await ProjectFile.open(file);
    const rows = await reopened.read('SELECT batch, count(*)::INTEGER AS n FROM batches GROUP BY batch ORDER BY batch');
    expect(rows.length).toBeGreaterThanOrEqual(lastSeen + 1);
    for (const [i, row] of rows.entries()) expect(row).toEqual({ batch: i, n: 50000 });
    await reopened.close();
  });
});

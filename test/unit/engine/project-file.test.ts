import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { HeardError } from '../../../src/contract/index.js';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations } from '../../../src/engine/migrations.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
let counter = 0;
const fresh = () => path.join(dir, `p${counter++}.heard`);

async function expectCode(promise: Promise<unknown>, code: string): Promise<HeardError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HeardError);
  expect((err as HeardError).code).toBe(code);
  return err as HeardError;
}

describe('ProjectFile', () => {
  it('creates a project at the latest schema and reopens it', async () => {
    const file = fresh();
    const created = await ProjectFile.create(file);
    expect(created.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await created.write((tx) => tx.run("INSERT INTO surveys (name, kind) VALUES ('Residents', 'survey')"));
    await created.close();

    const reopened = await ProjectFile.open(file);
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await reopened.read('SELECT name FROM surveys')).toEqual([{ name: 'Residents' }]);
    const migrations = await reopened.read("SELECT detail->>'version' AS v FROM audit_log WHERE action = 'migrate'");
    expect(migrations.map((r) => Number(r.v))).toEqual(allMigrations.map((m) => m.version));
    await reopened.close();
  });

  it('runs a migration the project has not had even when its schema version is already past it (numbers land in any order)', async () => {
    const file = fresh();
    const created = await ProjectFile.create(file);
    // As if migration 6 (equality) had landed after this project had reached the latest version.
    await created.write(async (tx) => {
      await tx.run("DELETE FROM audit_log WHERE action = 'migrate' AND CAST(detail->>'version' AS INTEGER) = 6");
      await tx.run('DROP TABLE benchmarks; DROP TABLE benchmark_cells; DROP TABLE equality_mappings; DROP SEQUENCE benchmark_id_seq');
    });
    await created.close();
    const reopened = await ProjectFile.open(file);
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await reopened.read('SELECT count(*)::INTEGER AS n FROM benchmarks')).toEqual([{ n: 0 }]);
    await reopened.close();
  });

  it('brings a project up to date in one transaction: when a migration fails, the ones before it are undone too', async () => {
    const file = fresh();
    const created = await ProjectFile.create(file);
    // Migration 5 (its tables gone) would run cleanly; migration 6 (its tables still there) must fail.
    await created.write(async (tx) => {
      await tx.run("DELETE FROM audit_log WHERE action = 'migrate' AND CAST(detail->>'version' AS INTEGER) IN (5, 6)");
      await tx.run('DROP TABLE survey_pairs; DROP TABLE gap_targets');
    });
    await created.close();
    await expect(ProjectFile.open(file)).rejects.toThrow();
    const db = await DuckDBInstance.create(file);
    const c = await db.connect();
    const tables = (await c.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE table_name IN ('survey_pairs', 'gap_targets')")).getRows();
    const applied = (await c.runAndReadAll("SELECT count(*)::INTEGER FROM audit_log WHERE action = 'migrate' AND CAST(detail->>'version' AS INTEGER) = 5")).getRows();
    c.closeSync();
    db.closeSync();
    expect(tables).toEqual([]);
    expect(applied).toEqual([[0]]);
  });

  it('refuses to overwrite an existing file on create', async () => {
    const file = fresh();
    fs.writeFileSync(file, 'precious');
    await expectCode(ProjectFile.create(file), 'io');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('does not create a project when asked to open a missing file', async () => {
    const file = fresh();
    await expectCode(ProjectFile.open(file), 'not_found');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('says plainly when a file is not a Heard project', async () => {
    const garbage = fresh();
    fs.writeFileSync(garbage, 'this is a spreadsheet, honest');
    const err = await expectCode(ProjectFile.open(garbage), 'invalid_project');
    expect(err.message).toContain('not a Heard project');

    const otherDuckDb = fresh();
    const db = await DuckDBInstance.create(otherDuckDb);
    const c = await db.connect();
    await c.run('CREATE TABLE t (x INTEGER)');
    c.closeSync();
    db.closeSync();
    await expectCode(ProjectFile.open(otherDuckDb), 'invalid_project');
  });

  it('refuses a project saved by a newer Heard', async () => {
    const file = fresh();
    const p = await ProjectFile.create(file);
    await p.write((tx) => tx.run("UPDATE heard_meta SET value = '999' WHERE key = 'schema_version'"));
    await p.close();
    const err = await expectCode(ProjectFile.open(file), 'invalid_project');
    expect(err.message).toContain('newer version');
  });

  it('rolls back every statement of a failed write', async () => {
    const p = await ProjectFile.create(fresh());
    await expect(
      p.write(async (tx) => {
        await tx.run("INSERT INTO surveys (name, kind) VALUES ('A', 'survey')");
        await tx.run("INSERT INTO surveys (name, kind) VALUES ('B', 'not-a-kind')"); // violates the CHECK
      }),
    ).rejects.toThrow();
    expect(await p.read('SELECT count(*)::INTEGER AS n FROM surveys')).toEqual([{ n: 0 }]);
    // The queue keeps working after a failure.
    await p.write((tx) => tx.run("INSERT INTO surveys (name, kind) VALUES ('C', 'survey')"));
    expect(await p.read('SELECT name FROM surveys')).toEqual([{ name: 'C' }]);
    await p.close();
  });

  it('cancels a long write through its signal and keeps the previous state', async () => {
    const p = await ProjectFile.create(fresh());
    await p.write((tx) => tx.run('CREATE TABLE big AS SELECT range AS i FROM range(10)'));
    const controller = new AbortController();
    const work = p.write(async (tx) => {
      await tx.run('DELETE FROM big');
      await tx.run(
        'INSERT INTO big SELECT a.range * 1000000 + b.range FROM range(100000) a, range(100000) b WHERE (a.range + b.range) % 97 = 0',
        undefined,
        { signal: controller.signal },
      );
    });
    setTimeout(() => controller.abort(), 500);
    await expectCode(work, 'cancelled');
    expect(await p.read('SELECT count(*)::INTEGER AS n FROM big')).toEqual([{ n: 10 }]);
    await p.close();
  });

  it('reports DuckDB’s progress during a long statement', async () => {
    const p = await ProjectFile.create(fresh());
    await p.write((tx) => tx.run("CREATE TABLE t AS SELECT range AS i, 'x' || (range % 1000003) AS s FROM range(8000000)"));
    const progress: number[] = [];
    await p.read('SELECT s, count(*) FROM t GROUP BY s ORDER BY 2 DESC LIMIT 1', undefined, { onProgress: (x) => progress.push(x.done) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((x) => x >= 0 && x <= 100)).toBe(true);
    await p.close();
  });

  it('reports the lock when another process has the project open', async () => {
    const file = fresh();
    const p = await ProjectFile.create(file);
    await p.close();
    const { spawn } = await import('node:child_process');
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require('@duckdb/node-api');
      DuckDBInstance.create(${JSON.stringify(file)}).then(() => { console.log('held'); setInterval(() => {}, 1000); });
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()));
      const err = await expectCode(ProjectFile.open(file), 'project_locked');
      expect(err.message).toContain('already open');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

// Child process of bench/run.ts: one import, timed, in a fresh process so its peak memory is its own.
// argv: mode (duckdb | heard) csvPath projectPath; prints one JSON line { seconds, peakMb, rows }.
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { ProjectFile } from '../src/engine/project-file.js';
import { quoteLiteral } from '../src/engine/sql.js';
import { importFile } from '../src/import/import-file.js';

async function main(): Promise<void> {
  const [mode, csv, target] = process.argv.slice(2) as [string, string, string];
  const start = performance.now();
  let rows = 0;
  if (mode === 'duckdb') {
    const db = await DuckDBInstance.create(target);
    const c = await db.connect();
    await c.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(csv)})`);
    rows = Number((await c.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
    c.closeSync();
    db.closeSync();
  } else {
    const project = await ProjectFile.create(target);
    rows = (await importFile(project, { path: csv })).rows;
    await project.close();
  }
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, rows })}\n`);
}

void main();

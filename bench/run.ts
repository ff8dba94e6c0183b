/**
 * `npm run bench`: speed and memory of import, the grid and raking on 1,000,000-row waves, printed as a table.
 * Each Heard figure sits beside a baseline measured in the same run (plain DuckDB on the same file), so the ratio
 * means the same on any machine. Targets are in the table; this script reports, it does not fail a build.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import WebSocket from 'ws';
import { ProjectFile } from '../src/engine/project-file.js';
import { importDescribedCsv } from '../src/import/import-described-csv.js';
import { createClient, type RpcClient } from '../src/rpc/client.js';
import { createLoopbackPair } from '../src/rpc/loopback.js';
import { serveRpc } from '../src/rpc/server.js';
import { webSocketTransport, type WebSocketLike } from '../src/rpc/websocket-transport.js';
import { readManifest } from '../src/sample/manifest.js';
import { createBackend } from '../src/backend.js';
import { sampleDataDir } from '../src/paths.js';
import { startWebHost } from '../src/web/host.js';
import { benchCrosstab } from './crosstab.js';
import { benchDiscovery } from './discovery.js';
import { benchEquality } from './equality.js';
import { benchGap } from './gap.js';
import { benchRaking } from './rake.js';
import { benchThemeCoding } from './themes-coding.js';
import { median } from './timing.js';

const ROWS = Number(process.env.HEARD_BENCH_ROWS ?? 1_000_000);
const PAGE = 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-bench-'));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

function freshPath(name: string): string {
  const file = path.join(dir, name);
  for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
  return file;
}
function median3(run: () => Once): Once {
  const runs = [run(), run(), run()].sort((a, b) => a.seconds - b.seconds);
  return runs[1]!;
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function pageLatencies(client: RpcClient, waveId: number): Promise<{ median: number; p95: number; bytes: number }> {
  const offsets = [0, ROWS - PAGE, Math.floor(ROWS / 2)];
  for (let i = 0; i < 27; i++) offsets.push(Math.floor(((i * 7919) % 1000) / 1000 * (ROWS - PAGE)));
  const times: number[] = [];
  let bytes = 0;
  for (const offset of offsets) {
    const [page, seconds] = await time(() => client.call('waves.page', { waveId, offset, limit: PAGE }));
    if (page.rowCount !== PAGE) throw new Error(`page at ${offset} had ${page.rowCount} rows`);
    times.push(seconds * 1000);
    bytes = Math.max(bytes, page.arrow.byteLength);
  }
  return { median: median(times), p95: p95(times), bytes };
}

interface Once { seconds: number; peakMb: number; rows: number }
function importOnce(mode: 'duckdb' | 'heard', csv: string, target: string): Once {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'import-once.ts'), mode, csv, target], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Once;
}

/** The yardstick: a 1M-row, 15-column survey from the shared generator (or ours, where ../shared is absent). */
function fifteenColumnCsv(): { csv: string; source: string } {
  const csv = path.join(dir, 'survey-15col.csv');
  const generator = path.resolve(__dirname, '..', '..', 'shared', 'reference', 'gen_survey.py');
  if (fs.existsSync(generator)) {
    execFileSync('python3', [generator, String(ROWS), '--out', csv], { stdio: 'ignore' });
    return { csv, source: 'gen_survey.py' };
  }
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'make-wave-csv.ts'), csv, String(ROWS)], { stdio: 'inherit' });
  return { csv, source: 'Heard sample generator (26 columns)' };
}

async function main(): Promise<void> {
  const survey15 = fifteenColumnCsv();
  const plainImport = median3(() => importOnce('duckdb', survey15.csv, freshPath('plain.duckdb')));
  const heardImport = median3(() => importOnce('heard', survey15.csv, freshPath('import.heard')));

  const csv = path.join(dir, 'residents-1m.csv');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'make-wave-csv.ts'), csv, String(ROWS)], { stdio: 'inherit' });
  peakRss = process.memoryUsage().rss;
  const megabytes = fs.statSync(csv).size / 1e6;

  // Baseline: plain DuckDB, CREATE TABLE from the same CSV (the reference README's anchor task).
  const [, baseline] = await time(async () => {
    const db = await DuckDBInstance.create(freshPath('plain-sample.duckdb'));
    const c = await db.connect();
    await c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)`);
    c.closeSync();
    db.closeSync();
  });

  const survey = readManifest(sampleDataDir()).surveys.find((s) => s.kind === 'survey')!;
  const projectPath = path.join(dir, 'bench.heard');
  const project = await ProjectFile.create(projectPath);
  const [waveId, importSeconds] = await time(() =>
    project.write(async (tx) => {
      const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Bench', 'survey') RETURNING id");
      return importDescribedCsv(tx, { surveyId: Number(s!.id), label: '2024', year: 2024, file: csv, columns: survey.columns });
    }),
  );
  await project.close();

  const backend = await createBackend({ dataDir: path.join(dir, 'data'), project: projectPath });
  const [serverEnd, clientEnd] = createLoopbackPair();
  serveRpc(serverEnd, backend.handlers);
  const loopback = await pageLatencies(createClient(clientEnd), waveId);
  await backend.close();

  const host = await startWebHost({ dataDir: path.join(dir, 'data2'), project: projectPath, port: 0 });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`, { headers: { 'X-Heard-Token': host.token } });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const webClient = createClient(webSocketTransport(ws as unknown as WebSocketLike));
  const overWs = await pageLatencies(webClient, waveId);
  webClient.close();
  await host.close();
  clearInterval(sampler);
  const raking = await benchRaking(projectPath, waveId, sampleDataDir(), ROWS);
  const tables = await benchCrosstab(projectPath, waveId, ROWS, 'bench raked');
  const gaps = await benchGap(projectPath, waveId, ROWS);
  const equality = await benchEquality(projectPath, waveId, sampleDataDir(), ROWS);
  const discovery = await benchDiscovery();
  const coding = await benchThemeCoding(dir);

  const table = [
    ['measure', 'Heard', 'baseline (same run)', 'ratio', 'target'],
    [`import ${ROWS.toLocaleString('en-GB')}-row survey CSV (${survey15.source}), median of 3`, `${heardImport.seconds.toFixed(2)} s`, `${plainImport.seconds.toFixed(2)} s DuckDB CREATE TABLE AS read_csv`, (heardImport.seconds / plainImport.seconds).toFixed(2), '≤ 1.5'],
    ['  peak memory of that import (whole process)', `${heardImport.peakMb.toFixed(0)} MB`, `${plainImport.peakMb.toFixed(0)} MB`, '', '< 1,500 MB'],
    [`import ${ROWS.toLocaleString('en-GB')}-row sample-style wave (${megabytes.toFixed(0)} MB, long comments), described`, `${importSeconds.toFixed(2)} s`, `${baseline.toFixed(2)} s DuckDB CREATE TABLE AS read_csv (all text)`, (importSeconds / baseline).toFixed(2), '≤ 1.5'],
    ['grid page of 1,000 rows, in-process (median / p95)', `${loopback.median.toFixed(1)} / ${loopback.p95.toFixed(1)} ms`, '', '', '≤ 50 ms p95'],
    ['grid page of 1,000 rows, WebSocket (median / p95)', `${overWs.median.toFixed(1)} / ${overWs.p95.toFixed(1)} ms`, '', '', '≤ 50 ms p95'],
    ['Arrow bytes per page', `${(overWs.bytes / 1024).toFixed(0)} KiB`, '', '', ''],
    ...raking,
    ...tables,
    ...gaps,
    ...equality,
    ...discovery,
    ...coding,
    ['peak resident memory during import and paging', `${(peakRss / 1e6).toFixed(0)} MB`, `${(peakRss / 1e6 / megabytes).toFixed(1)} × the CSV size`, '', 'report (DuckDB capped at ¼ of RAM)'],
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const [i, row] of table.entries()) {
    process.stdout.write(`| ${row.map((cell, j) => cell.padEnd(widths[j]!)).join(' | ')} |\n`);
    if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  }
  process.stdout.write(`\n${os.cpus().length} cores, Node ${process.version}; files in ${dir} (removed)\n`);
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));

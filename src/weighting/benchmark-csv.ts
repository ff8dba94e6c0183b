import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { HeardError, type Benchmark } from '../contract/index.js';

const REQUIRED = ['characteristic', 'category', 'population'] as const;

/**
 * Reads a population benchmark file (as sample-data/population-benchmark.csv): CSV in UTF-8 (a byte-order mark
 * allowed) with columns `characteristic`, `category` and `population` in any order, headings in any case; other
 * columns (such as `share`) are ignored. One row per category of a characteristic; populations may be written with
 * thousands separators. Characteristics and categories keep the file's order.
 */
export function readBenchmarkCsv(file: string): Benchmark {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HeardError('not_found', `There is no benchmark file at ${file}.`);
    throw new HeardError('io', `Cannot read the benchmark file ${file}: ${code ?? String(err)}.`);
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `The benchmark file ${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header, ...rows] = parsed.data.map((r) => r.map((cell) => cell.trim()));
  const lower = (header ?? []).map((h) => h.toLowerCase());
  const at = REQUIRED.map((column) => lower.indexOf(column));
  if (at.some((i) => i < 0)) {
    throw new HeardError(
      'invalid_file',
      `The benchmark file ${name} must have columns called "characteristic", "category" and "population" (found: ${(header ?? []).join(', ') || 'nothing'}).`,
    );
  }
  if (rows.length === 0) throw new HeardError('invalid_file', `The benchmark file ${name} has no rows under its heading.`);
  const [cAt, kAt, pAt] = at as [number, number, number];
  const byName = new Map<string, Benchmark['characteristics'][number]>();
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header!.length) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} has ${row.length} values; the heading has ${header!.length}.`);
    }
    const characteristic = row[cAt]!;
    const category = row[kAt]!;
    if (characteristic === '') throw new HeardError('invalid_file', `Row ${line} of ${name} has no characteristic.`);
    if (category === '') throw new HeardError('invalid_file', `Row ${line} of ${name} (${characteristic}) has no category.`);
    const written = row[pAt]!;
    const population = Number(written.replace(/[,\s]/g, ''));
    if (written === '' || !Number.isFinite(population) || population < 0) {
      throw new HeardError(
        'invalid_file',
        `Row ${line} of ${name} (${characteristic}: ${category}) has population "${written}"; it must be a number, 0 or more.`,
      );
    }
    let entry = byName.get(characteristic);
    if (!entry) byName.set(characteristic, (entry = { name: characteristic, cells: [] }));
    if (entry.cells.some((c) => c.category === category)) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} gives ${characteristic}: ${category} a second time.`);
    }
    entry.cells.push({ category, population });
  });
  return { file: name, characteristics: [...byName.values()] };
}

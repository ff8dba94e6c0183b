import path from 'node:path';
import Papa from 'papaparse';
import { HeardError, type Benchmark, type BenchmarkFileRequest } from '../../contract/index.js';
import { readTextFile } from '../../import/readers/read-text-file.js';
import { readOnsCustomDataset } from './ons-custom-dataset.js';

export type BenchmarkReadOptions = Omit<BenchmarkFileRequest, 'path'>;

/**
 * The one way Heard reads a population benchmark file, whatever its shape (the Weighting and Equality pages and the
 * CLI all come here). The heading says which shape it is:
 * - `characteristic,category,population` (any order and case, other columns ignored), as sample-data's benchmark;
 * - `category,population` (two columns; the first heading, or `characteristic`, names the characteristic);
 * - an ONS Census 2021 "create a custom dataset" download: area code and name, a code/label pair per variable, then
 *   `Observation` (see ons-custom-dataset.ts).
 * The encoding is detected as the import detects it (ONS and Excel files may be Windows-1252).
 */
export function readBenchmarkFile(file: string, options: BenchmarkReadOptions = {}): Benchmark {
  const name = path.basename(file);
  const { text } = readTextFile(file, 'benchmark file');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `The benchmark file ${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header, ...rows] = parsed.data.map((r) => r.map((cell) => cell.trim()));
  const lower = (header ?? []).map((h) => h.toLowerCase());
  if (lower.at(-1) === 'observation') return readOnsCustomDataset(name, header!, rows, options);
  if (rows.length === 0 && header) throw new HeardError('invalid_file', `The benchmark file ${name} has no rows under its heading.`);
  const long = ['characteristic', 'category', 'population'].map((column) => lower.indexOf(column));
  if (long.every((i) => i >= 0)) return readLong(name, header!, rows, long as [number, number, number]);
  if (header?.length === 2 && ['population', 'count', 'observation'].includes(lower[1]!)) {
    const characteristic = options.characteristic ?? (lower[0] === 'category' ? path.parse(name).name : header[0]!);
    return readLong(name, header, rows.map((r) => [characteristic, ...r]), [0, 1, 2], 1);
  }
  throw new HeardError(
    'invalid_file',
    `The benchmark file ${name} must have columns called "characteristic", "category" and "population", or "category" and "population", or be an ONS custom dataset download ending in "Observation" (found: ${(header ?? []).join(', ') || 'nothing'}).`,
  );
}

/** One row per category of a characteristic; populations may be written with thousands separators. */
function readLong(name: string, header: string[], rows: string[][], [cAt, kAt, pAt]: [number, number, number], added = 0): Benchmark {
  const byName = new Map<string, Benchmark['characteristics'][number]>();
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header.length + added) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} has ${row.length - added} values; the heading has ${header.length}.`);
    }
    const characteristic = row[cAt]!;
    const category = row[kAt]!;
    if (characteristic === '') throw new HeardError('invalid_file', `Row ${line} of ${name} has no characteristic.`);
    if (category === '') throw new HeardError('invalid_file', `Row ${line} of ${name} (${characteristic}) has no category.`);
    const population = parsePopulation(row[pAt]!);
    if (population === null) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} (${characteristic}: ${category}) has population "${row[pAt]}"; it must be a number, 0 or more.`);
    }
    let entry = byName.get(characteristic);
    if (!entry) byName.set(characteristic, (entry = { name: characteristic, cells: [] }));
    if (entry.cells.some((c) => c.category === category)) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} gives ${characteristic}: ${category} a second time.`);
    }
    entry.cells.push({ category, population });
  });
  return { file: name, format: added ? 'category-population' : 'characteristic-category', area: null, characteristics: [...byName.values()], notes: [] };
}

/** A count as written ("9,800", " 9800 "); null unless a finite number, 0 or more. */
export function parsePopulation(written: string): number | null {
  const value = Number(written.replace(/[,\s]/g, ''));
  return written.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value;
}

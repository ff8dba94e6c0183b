import path from 'node:path';
import Papa from 'papaparse';
import { HeardError, type RakeMargin } from '../contract/index.js';
import { readTextFile } from '../import/readers/read-text-file.js';

/**
 * Reads a margins file: CSV (UTF-8, UTF-16 or Windows-1252, as detected) whose columns are one or more survey variables and
 * then `population`, one row per category or combination of categories. Populations may be written with thousands
 * separators ("9,800" quoted). An empty variable cell is refused rather than read as a blank answer.
 */
export function readMarginsCsv(file: string): RakeMargin {
  const name = path.basename(file);
  const { text } = readTextFile(file, 'margins file');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `The margins file ${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header, ...rows] = parsed.data.map((r) => r.map((cell) => cell.trim()));
  if (!header || header.length < 2 || header.at(-1)!.toLowerCase() !== 'population') {
    throw new HeardError(
      'invalid_file',
      `The margins file ${name} must have one or more variable columns and then a column called "population" (found: ${(header ?? []).join(', ') || 'nothing'}).`,
    );
  }
  const variables = header.slice(0, -1);
  if (rows.length === 0) throw new HeardError('invalid_file', `The margins file ${name} has no rows under its heading.`);
  const cells = rows.map((row, i) => {
    const line = i + 2;
    if (row.length !== header.length) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} has ${row.length} values; the heading has ${header.length}.`);
    }
    const values = row.slice(0, -1);
    const empty = variables.find((_, j) => values[j] === '');
    if (empty) throw new HeardError('invalid_file', `Row ${line} of ${name} has no value for ${empty}.`);
    const written = row.at(-1)!;
    const population = Number(written.replace(/[,\s]/g, ''));
    if (written === '' || !Number.isFinite(population) || population < 0) {
      throw new HeardError('invalid_file', `Row ${line} of ${name} (${values.join(' × ')}) has population "${written}"; it must be a number, 0 or more.`);
    }
    return { values, population };
  });
  return { variables, cells };
}

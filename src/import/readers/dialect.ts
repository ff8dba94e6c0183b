import Papa from 'papaparse';
import { HeardError } from '../../contract/index.js';
import type { CsvDialect } from '../types.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_RECORDS = 50;

export type LineBreak = '\n' | '\r\n' | '\r';

/**
 * Chooses the delimiter that splits the first records into the most consistent number of columns (more than one).
 * Ties go to the delimiter giving more columns, then to the usual order (comma first): a comma file whose answers
 * contain semicolons splits consistently on both, but into more columns on commas.
 */
export function detectDialect(sample: string, newline?: LineBreak): CsvDialect {
  let best = { delimiter: ',', consistency: 0, columns: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = parseRecords(sample, delimiter, SAMPLE_RECORDS, newline).filter((row) => !(row.length === 1 && row[0] === ''));
    const { columns, consistency } = modalWidth(rows);
    if (columns <= 1) continue;
    if (consistency > best.consistency || (consistency === best.consistency && columns > best.columns)) {
      best = { delimiter, consistency, columns };
    }
  }
  return { delimiter: best.delimiter, quote: '"', escape: '"' };
}

/** A caller's delimiter (CLI, review screen): the character itself or a name for it. */
export function normaliseDelimiter(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const delimiter = named[value.trim().toLowerCase()] ?? value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new HeardError('bad_request', `"${value}" cannot be used as a delimiter: give one character such as , ; | or tab.`);
  }
  return delimiter;
}

/** Parses up to `limit` records with RFC 4180 quoting (a quoted field may hold delimiters and line breaks). */
export function parseRecords(text: string, delimiter: string, limit: number, newline?: LineBreak): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    newline,
    preview: limit,
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  return result.data;
}

function modalWidth(rows: string[][]): { columns: number; consistency: number } {
  if (rows.length === 0) return { columns: 0, consistency: 0 };
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let columns = 0;
  let hits = 0;
  for (const [width, n] of counts) {
    if (n > hits || (n === hits && width > columns)) {
      columns = width;
      hits = n;
    }
  }
  return { columns, consistency: hits / rows.length };
}

import { quoteLiteral } from '../engine/sql.js';
import type { CsvDialect } from './types.js';

/** Positional source column names used in SQL over read_csv: c0, c1, … */
export const sourceColumn = (index: number) => `c${index}`;

export interface ReadCsvOptions {
  path: string;
  dialect: CsvDialect;
  columnCount: number;
  /** Heading records before the data. DuckDB's skip counts records (quote-aware), not physical lines. */
  skipRows: number;
  /** Pad records with too few fields with NULLs (needs the single-threaded reader). */
  padShortRows?: boolean;
  /** Names of the temp tables DuckDB writes unreadable records to; omitted for a sample read. */
  rejects?: { table: string; scan: string };
  /** For a sample: skip what cannot be read rather than fail (the full read records it). */
  lenient?: boolean;
  /** The single-threaded reader: for a sample's first rows it is quicker, as it reads no further than the limit. */
  serial?: boolean;
  limit?: number;
}

/**
 * A read_csv() call with nothing left to guess: every column text, positional names, the dialect we detected.
 * Records DuckDB cannot read (unclosed quote, wrong field count) go to the rejects tables with their line number,
 * instead of failing the import or vanishing.
 */
export function readCsvSql(options: ReadCsvOptions): string {
  const { path, dialect, columnCount, skipRows, rejects } = options;
  const columns = Array.from({ length: columnCount }, (_, i) => `${quoteLiteral(sourceColumn(i))}: 'VARCHAR'`).join(', ');
  const args = [
    quoteLiteral(path),
    'header = false',
    'auto_detect = false',
    `skip = ${skipRows}`,
    `delim = ${quoteLiteral(dialect.delimiter)}`,
    `quote = ${quoteLiteral(dialect.quote)}`,
    `escape = ${quoteLiteral(dialect.escape)}`,
    `columns = {${columns}}`,
  ];
  if (options.lenient) args.push('ignore_errors = true');
  if (options.padShortRows) args.push('null_padding = true');
  if (options.padShortRows || options.serial) args.push('parallel = false');
  if (rejects) args.push('store_rejects = true', `rejects_table = ${quoteLiteral(rejects.table)}`, `rejects_scan = ${quoteLiteral(rejects.scan)}`);
  const read = `read_csv(${args.join(', ')})`;
  return options.limit ? `(SELECT * FROM ${read} LIMIT ${options.limit})` : read;
}

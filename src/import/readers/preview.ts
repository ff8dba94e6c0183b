import fs from 'node:fs';
import Papa from 'papaparse';
import { HeardError } from '../../contract/index.js';
import { PREVIEW_ROWS, type CsvDialect } from '../types.js';
import { detectDialect, type LineBreak } from './dialect.js';
import { completeUtf8Length } from './encoding.js';

const FIRST_READ = 1 << 20;
const MAX_READ = 64 << 20;

export interface PreviewOptions {
  /** Fixed by the caller; detected when absent. */
  delimiter?: string;
  newline: LineBreak;
  sourceName: string;
  signal?: AbortSignal;
}

export interface Preview {
  dialect: CsvDialect;
  rows: string[][];
  /** Fields in each row before padding. */
  fieldCounts: number[];
  warnings: string[];
}

/**
 * Parses the first PREVIEW_ROWS records of a UTF-8 CSV with the dialect DuckDB will use. Empty lines are left
 * out because DuckDB's read_csv skips them, so preview row i is the record DuckDB reads as row i.
 */
export async function readPreview(csvPath: string, options: PreviewOptions): Promise<Preview> {
  const { newline, sourceName } = options;
  let bytes = FIRST_READ;
  for (;;) {
    if (options.signal?.aborted) throw new HeardError('cancelled', 'Cancelled. Nothing was changed.');
    const { text, whole } = await readHeadText(csvPath, bytes);
    const dialect: CsvDialect = options.delimiter
      ? { delimiter: options.delimiter, quote: '"', escape: '"' }
      : detectDialect(text, newline);
    const parsed = Papa.parse<string[]>(text, {
      delimiter: dialect.delimiter,
      quoteChar: '"',
      escapeChar: '"',
      newline,
      preview: PREVIEW_ROWS + 1,
      skipEmptyLines: false,
    });
    const enough = parsed.data.length > PREVIEW_ROWS;
    if (!enough && !whole && bytes < MAX_READ) {
      bytes *= 2;
      continue;
    }
    const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
    if (unclosed && whole) {
      const line = lineOf(text, unclosed.index ?? 0, newline);
      throw new HeardError('invalid_file', `${sourceName} has a quoted value that is never closed (the quote opens on line ${line}).`, {
        line,
      });
    }
    // A record cut by the end of what was read is incomplete: keep only records known to be whole.
    const records = enough ? parsed.data.slice(0, PREVIEW_ROWS) : whole ? withoutFinalBreak(parsed.data) : parsed.data.slice(0, -1);
    return { dialect, ...tidy(records, sourceName) };
  }
}

/** The line break ending the last record is not an empty line of its own. */
function withoutFinalBreak(records: string[][]): string[][] {
  const last = records.at(-1);
  return last && last.length === 1 && last[0] === '' ? records.slice(0, -1) : records;
}

function tidy(records: string[][], sourceName: string): { rows: string[][]; fieldCounts: number[]; warnings: string[] } {
  const rows = records.filter((row) => !(row.length === 1 && row[0] === ''));
  // Before padding: the pipeline needs each record's real width to tell short records from long (broken) ones.
  const fieldCounts = rows.map((row) => row.length);
  const warnings: string[] = [];
  const blank = records.length - rows.length;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  let ragged = 0;
  for (const row of rows) {
    if (row.length < width) {
      ragged++;
      while (row.length < width) row.push('');
    }
  }
  if (ragged > 0) {
    warnings.push(
      `${ragged} of the first ${rows.length} rows of ${sourceName} have fewer than ${width} values; the missing values are read as blank.`,
    );
  }
  if (blank > 0) warnings.push(`${sourceName} has empty lines among its first rows; they are skipped.`);
  return { rows, fieldCounts, warnings };
}

function lineOf(text: string, index: number, newline: LineBreak): number {
  let line = 1;
  for (let at = text.indexOf(newline); at >= 0 && at < index; at = text.indexOf(newline, at + newline.length)) line++;
  return line;
}

async function readHeadText(file: string, bytes: number): Promise<{ text: string; whole: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const whole = bytesRead >= size;
    const usable = whole ? bytesRead : completeUtf8Length(buffer.subarray(0, bytesRead));
    // TextDecoder drops a leading BOM, which DuckDB skips too.
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(0, usable)), whole };
  } finally {
    await handle.close();
  }
}

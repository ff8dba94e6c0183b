import type { CsvDialect } from './types.js';

/**
 * How many physical lines the first `records` records of `text` occupy. DuckDB's `skip` counts lines, while a
 * heading cell (SurveyMonkey question text, say) may hold a line break inside quotes.
 * Returns null when the text ends before that many records (the caller then has no data rows).
 */
export function linesInRecords(text: string, records: number, dialect: CsvDialect): number | null {
  if (records === 0) return 0;
  let lines = 0;
  let seen = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === dialect.escape && dialect.escape !== dialect.quote && text[i + 1] === dialect.quote) i++;
      else if (ch === dialect.quote) {
        if (dialect.escape === dialect.quote && text[i + 1] === dialect.quote) i++;
        else quoted = false;
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lines++;
      continue;
    }
    if (ch === dialect.quote) quoted = true;
    else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      lines++;
      seen++;
      if (seen === records) return lines;
    }
  }
  return null;
}

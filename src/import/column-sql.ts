import { quoteIdent } from '../engine/sql.js';
import { sourceColumn } from './read-csv-sql.js';
import type { DescribedColumnModel } from './types.js';

/** Formats tried for dates that are not ISO: UK day-first unless the value carries AM/PM (a US export). */
export const DATE_FORMATS = [
  '%m/%d/%Y %I:%M:%S %p',
  '%m/%d/%Y %I:%M %p',
  '%d/%m/%Y %H:%M:%S',
  '%d/%m/%Y %H:%M',
  '%d/%m/%Y',
  '%d-%m-%Y',
  '%d.%m.%Y',
];

const present = (c: string) => `NULLIF(trim(${c}), '')`;

/** The stored type of a column: numbers and dates typed, everything else the text as written. */
export function storageType(model: DescribedColumnModel): 'DOUBLE' | 'TIMESTAMP' | 'VARCHAR' {
  if (model.type === 'numeric' || model.type === 'weight') return 'DOUBLE';
  if (model.type === 'date') return 'TIMESTAMP';
  return 'VARCHAR';
}

/**
 * How DuckDB should compress a text column, where the question type already says: a closed question's few answers
 * suit a dictionary, free text and ids suit FSST (what DuckDB's own analysis picks for them). Naming it spares DuckDB
 * trying every method on every column segment, which was a tenth of the import. Anything else is left to DuckDB.
 */
export function compressionFor(model: DescribedColumnModel): 'dictionary' | 'fsst' | null {
  if (model.type === 'single' || model.type === 'likert') return 'dictionary';
  if (model.type === 'text' || model.type === 'id') return 'fsst';
  return null;
}

/** How a column's stored value is computed from its source text. Closed questions stay text: every answer kept. */
export function valueExpression(model: DescribedColumnModel, source: number): string {
  const c = quoteIdent(sourceColumn(source));
  switch (model.type) {
    case 'numeric':
    case 'weight':
      // DuckDB's cast to DOUBLE allows surrounding white space and makes a blank NULL: no trim needed.
      return `TRY_CAST(${c} AS DOUBLE)`;
    case 'date':
      return `coalesce(TRY_CAST(${present(c)} AS TIMESTAMP), try_strptime(${present(c)}, [${DATE_FORMATS.map((f) => `'${f}'`).join(', ')}]))`;
    case 'single':
    case 'likert':
    case 'multi':
      // As read: answers rarely carry stray spaces, so writeWave tidies them afterwards only where some do
      // (cheaper than trimming every cell of every closed question on the way in).
      return c;
    default:
      // Free text and ids as written: trimming every long comment costs time and changes nothing that matters.
      return c;
  }
}

/** For typed columns: the original text where it could not be read as that type (NULL otherwise). */
export function flagExpression(model: DescribedColumnModel, source: number): string | null {
  if (model.type !== 'numeric' && model.type !== 'weight' && model.type !== 'date') return null;
  const c = quoteIdent(sourceColumn(source));
  return `CASE WHEN (${valueExpression(model, source)}) IS NULL AND trim(${c}) <> '' THEN ${c} END`;
}

export function flagReason(model: DescribedColumnModel): string {
  if (model.type === 'date') return 'not a date Heard recognises';
  return 'not a number';
}

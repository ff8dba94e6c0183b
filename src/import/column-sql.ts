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

/** How a column's stored value is computed from its source text. Closed questions stay text: every answer kept. */
export function valueExpression(model: DescribedColumnModel, source: number): string {
  const c = quoteIdent(sourceColumn(source));
  switch (model.type) {
    case 'numeric':
    case 'weight':
      return `TRY_CAST(${present(c)} AS DOUBLE)`;
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
  return `CASE WHEN ${present(c)} IS NOT NULL AND (${valueExpression(model, source)}) IS NULL THEN ${c} END`;
}

export function flagReason(model: DescribedColumnModel): string {
  if (model.type === 'date') return 'not a date Heard recognises';
  return 'not a number';
}

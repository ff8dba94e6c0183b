/**
 * Turns an exceljs cell into the text Heard stores. Numbers print as JavaScript prints the stored double (the
 * shortest text that reads back to it), so 0.1 stays "0.1" and nothing gains "1.0000000002" tails.
 */
export interface CellLike {
  value: unknown;
  numFmt?: string;
}

export interface CellContext {
  date1904: boolean;
  /** Counts formula cells whose cached result is an error exceljs cannot give the text of. */
  lostFormulaErrors: number;
}

export function cellText(cell: CellLike, context: CellContext): string {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) return formulaResult(object.result, cell, context);
    if (Array.isArray(object.richText)) return (object.richText as Array<{ text?: unknown }>).map((run) => String(run.text ?? '')).join('');
    if ('error' in object) return String(object.error);
    if ('text' in object) return String(object.text ?? '');
    return '';
  }
  return plainText(value);
}

function formulaResult(result: unknown, cell: CellLike, context: CellContext): string {
  if (typeof result === 'number') {
    // The streaming reader parses every non-string result as a number: an error such as #N/A becomes NaN.
    if (Number.isNaN(result)) {
      context.lostFormulaErrors++;
      return '';
    }
    if (isDateFormat(cell.numFmt)) return isoDateTime(excelSerialToDate(result, context.date1904));
  }
  if (result !== null && typeof result === 'object' && !(result instanceof Date)) return cellText({ value: result }, context);
  return plainText(result);
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateTime(value);
  return String(value);
}

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when there is a time of day, or HH:MM:SS for a time-only cell. */
export function isoDateTime(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  // Excel stores a time of day as a fraction of day 0, which is 1899-12-30 (or 1904-01-01 in the 1904 system).
  if (day === '1899-12-30' || day === '1904-01-01') return time;
  return `${day}T${time}`;
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The test exceljs applies to plain cells, applied here to formula results too. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

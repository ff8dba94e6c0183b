/**
 * Text a spreadsheet would run as a formula when it starts with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe, as the wave export does (src/export/export-csv.ts): question and answer labels come from survey files
 * and respondents, so opening an exported table must never run anything. Text that is simply a number ("-5") is left
 * alone, since a spreadsheet reads it as that number and nothing else.
 */
export function neutraliseFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  const trimmed = text.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed)) && !/^[\t\r]/.test(text)) return text;
  return `'${text}`;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180), formulas neutralised. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

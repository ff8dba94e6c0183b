import { filledCount, isBlank, looksNumeric } from './text.js';

const MAX_PREAMBLE = 50;
/** A preamble row has at most this many filled cells ("Generated on", "03/04/2024"). */
const MAX_PREAMBLE_CELLS = 2;

function numericShare(row: readonly string[]): number {
  const filled = row.filter((c) => !isBlank(c));
  return filled.length ? filled.filter(looksNumeric).length / filled.length : 0;
}

/**
 * How many rows above the heading row are titles, notes or blank ("Residents survey 2024", "Generated on …").
 * The heading row is the first with three or more cells that read as words rather than numbers; everything above
 * it must be blank or nearly so, and much narrower. A narrow heading row over wider numeric data is not preamble.
 */
export function preambleRows(rows: readonly string[][]): number {
  const limit = Math.min(rows.length - 1, MAX_PREAMBLE);
  for (let h = 0; h <= limit; h++) {
    const filled = filledCount(rows[h]);
    if (filled <= MAX_PREAMBLE_CELLS) continue;
    if (h === 0 || numericShare(rows[h]!) >= 0.5) return 0;
    const above = rows.slice(0, h).map((r) => filledCount(r));
    return above.every((n) => n <= MAX_PREAMBLE_CELLS && n * 2 < filled) ? h : 0;
  }
  return 0;
}

import type { ColumnInfo, ColumnType } from '../../../src/contract/index.js';

/** Wide enough for a typical answer of each kind; free text gets the most room, and the full text shows below. */
const WIDTH_BY_TYPE: Record<ColumnType, number> = {
  id: 140,
  date: 120,
  numeric: 120,
  weight: 110,
  likert: 220,
  single: 200,
  multi: 240,
  text: 360,
};

export function columnWidth(column: ColumnInfo): number {
  return WIDTH_BY_TYPE[column.type] ?? 160;
}

/** Room for the largest row number in the wave, so numbers never clip. */
export function rowNumberWidth(totalRows: number): number {
  const digits = String(Math.max(1, totalRows)).length;
  return Math.max(64, 24 + digits * 10);
}

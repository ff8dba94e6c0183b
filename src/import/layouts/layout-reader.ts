import type { LayoutName } from '../types.js';

/** A column as a layout reads it, before names are made unique across the whole file. */
export interface DraftColumn {
  source: number;
  label: string;
  question: string;
  option?: string;
  code?: string;
  header: string;
  /** Texts to build the name from, best first (a fixed metadata name, an export code, the label). */
  nameHints: Array<string | undefined>;
}

export interface LayoutRead {
  headerRows: number;
  columns: DraftColumn[];
  warnings: string[];
}

/**
 * One export layout. `rows` start at the candidate heading row (preamble already cut) and `width` is the number of
 * columns the file uses. `fit` says how sure the reader is that the rows are its layout (0 to 1); `read` must
 * give a best effort on any rows, because the user can force a layout onto a file that does not fit it.
 */
export interface LayoutReader {
  layout: LayoutName;
  fit(rows: string[][], width: number): number;
  read(rows: string[][], width: number): LayoutRead;
}

export function cell(rows: string[][], row: number, column: number): string {
  return rows[row]?.[column] ?? '';
}

/** The heading cells of one column, as in the file (BOM aside), for the review screen. */
export function rawHeader(rows: string[][], headerRows: number, column: number): string {
  const parts: string[] = [];
  for (let r = 0; r < headerRows; r++) parts.push((rows[r]?.[column] ?? '').replace(/\uFEFF/g, ''));
  return parts.join(' | ');
}

/** A blank heading still needs a label a person can find in the file. */
export function fallbackLabel(column: number): string {
  return `Column ${column + 1}`;
}

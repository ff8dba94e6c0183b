import type { LayoutName } from '../types.js';
import { cell, fallbackLabel, rawHeader, type DraftColumn, type LayoutReader } from './layout-reader.js';
import { metadataName } from './metadata.js';
import { cleanText } from './text.js';

/** Columns from a single heading row; shared by every one-row layout. */
export function singleRowColumns(rows: string[][], width: number): DraftColumn[] {
  const columns: DraftColumn[] = [];
  for (let j = 0; j < width; j++) {
    const text = cleanText(cell(rows, 0, j));
    const label = text || fallbackLabel(j);
    columns.push({
      source: j,
      label,
      question: label,
      header: rawHeader(rows, 1, j),
      nameHints: [metadataName(text), text],
    });
  }
  return columns;
}

export function plainReader(layout: LayoutName = 'plain'): LayoutReader {
  return {
    layout,
    // The fallback: anything can be read as one heading row, so it never outbids a layout that recognised its file.
    fit: () => 0.1,
    read: (rows, width) => ({
      headerRows: Math.min(1, rows.length),
      columns: singleRowColumns(rows, width),
      warnings: [],
    }),
  };
}

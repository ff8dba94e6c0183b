import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { cancelled } from '../../engine/run-query.js';
import { PREVIEW_ROWS } from '../types.js';
import { CsvFileWriter, padRecords } from './temp-csv.js';
import { cellText, type CellContext } from './xlsx-cells.js';

export interface WrittenSheet {
  name: string;
  csvPath: string;
  /** Records written: sheet rows 1 … last row with a value. */
  records: number;
  preview: string[][];
  warnings: string[];
}

export interface WriteSheetOptions {
  date1904: boolean;
  signal?: AbortSignal;
}

/**
 * Streams a sheet's rows into `csvPath` as a rectangular CSV. Rows missing from the sheet XML (never touched) and
 * rows whose cells are all empty become empty records; empty rows after the last value are dropped.
 */
export async function writeSheet(rows: AsyncIterable<ExcelJS.Row>, csvPath: string, options: WriteSheetOptions): Promise<WrittenSheet> {
  const rawPath = `${csvPath}.raw`;
  const writer = new CsvFileWriter(rawPath);
  const context: CellContext = { date1904: options.date1904, lostFormulaErrors: 0 };
  const widths: number[] = [];
  const preview: string[][] = [];
  let width = 0;
  let nextRow = 1;
  let outOfOrder = 0;
  try {
    for await (const row of rows) {
      const cells = rowCells(row, context);
      if (cells.length === 0) continue;
      if (row.number < nextRow) outOfOrder++;
      for (; nextRow < row.number; nextRow++) await emit([]);
      await emit(cells);
      nextRow = Math.max(nextRow, row.number) + 1;
      if (options.signal?.aborted) throw cancelled();
    }
    await writer.close();
  } catch (err) {
    writer.destroy();
    throw err;
  }

  if (widths.some((w) => w < width)) {
    await padRecords(rawPath, csvPath, widths, width, options.signal);
    fs.rmSync(rawPath, { force: true });
  } else {
    fs.renameSync(rawPath, csvPath);
  }
  for (const row of preview) while (row.length < width) row.push('');

  const warnings: string[] = [];
  if (context.lostFormulaErrors > 0) {
    warnings.push(`${context.lostFormulaErrors} formula cells show an error (such as #N/A) in Excel; they are read as blank.`);
  }
  if (outOfOrder > 0) warnings.push(`${outOfOrder} rows of the sheet are stored out of order; they are read in the order stored.`);
  return { name: '', csvPath, records: writer.records, preview, warnings };

  async function emit(cells: string[]): Promise<void> {
    await writer.write(cells);
    widths.push(Math.max(1, cells.length));
    width = Math.max(width, cells.length);
    if (preview.length < PREVIEW_ROWS) preview.push(cells.slice());
  }
}

/** The row's values as text, from column A to the last non-empty cell. */
function rowCells(row: ExcelJS.Row, context: CellContext): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText({ value: cell.value, numFmt: cell.numFmt }, context);
    if (text === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  });
  return cells;
}

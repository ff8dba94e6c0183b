import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { HeardError } from '../../contract/index.js';
import { cancelled } from '../../engine/run-query.js';
import type { DecodedTable } from '../types.js';
import { createTempFile, type TempFile } from './temp-csv.js';
import { readWorkbookInfo, type WorkbookInfo, type WorkbookSheet } from './xlsx-workbook.js';
import { writeSheet, type WrittenSheet } from './xlsx-sheet-writer.js';
import { openZipEntry, utf8Strings } from './zip-entry.js';
import { listZipEntries, type ZipEntry } from './zip-listing.js';

export interface ReadXlsxOptions {
  /** The sheet to read, by name. Default: the first visible sheet (in tab order) that has data. */
  sheet?: string;
  signal?: AbortSignal;
}

/**
 * exceljs's streaming WorkbookReader, driven part by part. Left to itself it walks the zip in stored order and,
 * when sheets come before workbook.xml, sometimes parses a sheet before the workbook (about one read in five in
 * our tests); it also decodes each chunk on its own, splitting characters. So Heard opens each part itself and
 * hands exceljs whole-character text, in a fixed order, using these (private, exceljs 4) parsers.
 */
interface ExcelInternals {
  properties?: { model?: { date1904?: boolean } };
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * Reads one sheet of an XLSX workbook into a temporary CSV, streaming so a large sheet is never whole in memory
 * and the `<dimension>` element is never relied on. Sheet row numbers are kept: record i is sheet row i + 1.
 */
export async function readXlsx(file: string, options: ReadXlsxOptions = {}): Promise<DecodedTable> {
  const name = path.basename(file);
  const entries = checkZip(file, name);
  const { signal } = options;
  const info = await guard(() => readWorkbookInfo(file, entries), name, signal);
  const names = info.sheets.map((s) => s.name);

  let candidates: WorkbookSheet[];
  if (options.sheet !== undefined) {
    const wanted = info.sheets.find((s) => s.name === options.sheet) ?? info.sheets.find((s) => same(s.name, options.sheet!));
    if (!wanted) {
      throw new HeardError('invalid_file', `${name} has no sheet called "${options.sheet}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ') || 'none'}.`, {
        sheets: names,
      });
    }
    if (!wanted.part) throw new HeardError('invalid_file', `The sheet "${wanted.name}" in ${name} is a chart or other sheet without cells.`);
    candidates = [wanted];
  } else {
    candidates = info.sheets.filter((s) => s.part && s.state === 'visible');
  }

  const excel = await guard(() => loadSharedParts(file, info), name, signal);
  for (const sheet of candidates) {
    const temp = createTempFile(file);
    let written: WrittenSheet;
    try {
      written = await guard(() => readSheet(file, excel, sheet, temp, info.date1904, signal), name, signal);
    } catch (err) {
      temp.remove();
      throw err;
    }
    if (written.records === 0) {
      temp.remove();
      continue;
    }
    return {
      kind: 'xlsx',
      sourcePath: file,
      csvPath: written.csvPath,
      dialect: { delimiter: ',', quote: '"', escape: '"' },
      encoding: 'utf-8',
      preview: written.preview,
      sheet: sheet.name,
      sheets: names,
      sourceRowLabel: 'sheet-row',
      warnings: written.warnings,
      cleanup: () => temp.remove(),
    };
  }
  throw new HeardError(
    'invalid_file',
    options.sheet !== undefined ? `The sheet "${options.sheet}" in ${name} is empty.` : `${name} has no data on any visible sheet.`,
  );
}

async function loadSharedParts(file: string, info: WorkbookInfo): Promise<ExcelInternals> {
  const excel = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: the styles say which
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ExcelInternals;
  for (const method of ['_parseSharedStrings', '_parseStyles', '_parseWorksheet'] as const) {
    if (typeof excel[method] !== 'function') throw new Error(`exceljs has changed: WorkbookReader.${method} is missing`);
  }
  if (info.sharedStrings) for await (const _ of excel._parseSharedStrings(textStream(file, info.sharedStrings)));
  if (info.styles) await excel._parseStyles(textStream(file, info.styles));
  excel.properties = { model: { date1904: info.date1904 } };
  return excel;
}

async function readSheet(file: string, excel: ExcelInternals, sheet: WorkbookSheet, temp: TempFile, date1904: boolean, signal?: AbortSignal): Promise<WrittenSheet> {
  const emitted = excel._parseWorksheet(utf8Strings(openZipEntry(file, sheet.part!)), '1').next();
  if (emitted.done || emitted.value.eventType !== 'worksheet') throw new Error('exceljs did not return a worksheet reader');
  return writeSheet(emitted.value.value, temp.path, { date1904, signal });
}

function textStream(file: string, entry: ZipEntry): Readable {
  return Readable.from(utf8Strings(openZipEntry(file, entry)));
}

function checkZip(file: string, name: string): ZipEntry[] {
  const listing = listZipEntries(file);
  if (!listing.ok) {
    throw new HeardError(
      'invalid_file',
      listing.problem === 'truncated'
        ? `${name} is not a complete Excel workbook (the file seems to be cut short).`
        : `${name} is a damaged Excel workbook: its table of contents cannot be read.`,
    );
  }
  if (!listing.entries.includes('xl/workbook.xml')) {
    throw new HeardError('invalid_file', `${name} is not a survey export Heard can read: it is a zip file that is not an Excel workbook.`);
  }
  return listing.details;
}

async function guard<T>(work: () => Promise<T>, name: string, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw cancelled();
  try {
    return await work();
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    if (err instanceof HeardError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new HeardError('invalid_file', `${name} could not be read as an Excel workbook: ${message}.`, { cause: message });
  }
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../../src/import/readers/index.js';
import { readXlsx } from '../../../../src/import/readers/read-xlsx.js';
import { tempDir } from '../../../support/temp-dir.js';
import { duckRows, expectHeardError } from './support.js';

const dir = tempDir('heard-xlsx-');
let counter = 0;
const fresh = (name = `w${counter++}.xlsx`) => path.join(dir, name);

async function workbook(build: (wb: ExcelJS.Workbook) => void, name?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = fresh(name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** jszip comes with exceljs; when it cannot be found the dimension case is skipped rather than faked. */
function loadJsZip(): typeof import('jszip') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('jszip') as typeof import('jszip');
  } catch {
    return undefined;
  }
}
const JSZip = loadJsZip();

describe('readXlsx: cell values', () => {
  it('writes strings, numbers, dates, booleans, rich text, formulas and errors as the text a person sees', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('Responses');
      ws.addRow(['id', 'when', 'score', 'ok', 'note', 'total', 'lookup', 'stamp', 'ratio']);
      ws.addRow([
        1,
        new Date(Date.UTC(2024, 2, 5)),
        0.1 + 0.2,
        true,
        { richText: [{ text: 'Very ' }, { font: { bold: true }, text: 'good' }] },
        { formula: 'A2*2', result: 2 },
        { error: '#N/A' },
        new Date(Date.UTC(2024, 2, 5, 9, 30, 15)),
        1 / 3,
      ]);
      ws.addRow([2, null, -1e-7, false, 'Line one\nline "two", three', { formula: 'A3*2', result: 4 }, 'x', null, 1e21]);
    });
    const table = await readXlsx(file);
    const expected = [
      ['id', 'when', 'score', 'ok', 'note', 'total', 'lookup', 'stamp', 'ratio'],
      ['1', '2024-03-05', String(0.1 + 0.2), 'TRUE', 'Very good', '2', '#N/A', '2024-03-05T09:30:15', String(1 / 3)],
      ['2', '', '-1e-7', 'FALSE', 'Line one\nline "two", three', '4', 'x', '', '1e+21'],
    ];
    expect(table.preview).toEqual(expected);
    expect(await duckRows(table)).toEqual(expected);
    expect(table.sourceRowLabel).toBe('sheet-row');
    expect(table.sheet).toBe('Responses');
    table.cleanup();
    expect(fs.existsSync(table.csvPath)).toBe(false);
  });

  it('keeps characters whose bytes straddle two chunks of the zip stream intact', async () => {
    // Thousands of distinct multi-byte strings: the shared strings and sheet XML span many chunks, so some
    // chunk boundaries fall inside a character. exceljs alone turns those into "��". (No emoji here:
    // exceljs's own writer splits characters outside the BMP, so the file would be damaged before it is read.)
    const values = Array.from({ length: 6000 }, (_, i) => `artículo ${i} – “€” ñ Cymraeg: ŵ ŷ`);
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('Long');
      ws.addRow(['id', 'text']);
      values.forEach((v, i) => ws.addRow([i, v]));
    });
    const table = await readXlsx(file);
    const rows = await duckRows(table);
    expect(rows.length).toBe(values.length + 1);
    expect(rows.slice(1).map((r) => r[1])).toEqual(values);
    table.cleanup();
  });

  it('keeps sheet row numbers: empty rows inside the data stay, trailing ones go', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = 'Residents survey';
      ws.getCell('A3').value = 'id';
      ws.getCell('B3').value = 'answer';
      ws.getCell('A4').value = 1;
      ws.getCell('C4').value = 'late column';
      ws.getCell('A6').value = 2;
      ws.getCell('B6').value = 'yes';
      ws.getCell('A9').value = null; // touched but empty
      ws.getRow(9).height = 30;
    });
    const table = await readXlsx(file);
    const expected = [
      ['Residents survey', '', ''],
      ['', '', ''],
      ['id', 'answer', ''],
      ['1', '', 'late column'],
      ['', '', ''],
      ['2', 'yes', ''],
    ];
    expect(table.preview).toEqual(expected);
    // Rectangular: DuckDB needs no null_padding, and empty sheet rows are still records.
    expect(await duckRows(table)).toEqual(expected);
    table.cleanup();
  });
});

describe('readXlsx: sheets', () => {
  const build = (wb: ExcelJS.Workbook) => {
    wb.addWorksheet('Notes').state = 'hidden';
    wb.getWorksheet('Notes')!.addRow(['hidden notes']);
    wb.addWorksheet('Empty');
    wb.addWorksheet('Wave 1').addRows([['id'], ['1']]);
    wb.addWorksheet('Wave 2').addRows([['id'], ['2'], ['3']]);
  };

  it('reads the first visible sheet with data by default and lists every sheet, every time', async () => {
    // exceljs writes workbook.xml after the sheets; left to itself its streaming reader then misreads about one
    // time in five, so this reads the same file repeatedly.
    const file = await workbook(build);
    for (let i = 0; i < 25; i++) {
      const table = await readXlsx(file);
      expect(table.sheet).toBe('Wave 1');
      expect(table.sheets).toEqual(['Notes', 'Empty', 'Wave 1', 'Wave 2']);
      expect(await duckRows(table)).toEqual([['id'], ['1']]);
      table.cleanup();
    }
  });

  it('reads a sheet chosen by name', async () => {
    const table = await readSource(await workbook(build), { sheet: 'Wave 2' });
    expect(table.sheet).toBe('Wave 2');
    expect(await duckRows(table)).toEqual([['id'], ['2'], ['3']]);
    table.cleanup();
  });

  it('names the sheets there are when the chosen one does not exist', async () => {
    const file = await workbook(build, 'survey.xlsx');
    await expectHeardError(readXlsx(file, { sheet: 'Wave 3' }), 'invalid_file', /survey\.xlsx has no sheet called "Wave 3"\. Its sheets are: "Notes", "Empty", "Wave 1", "Wave 2"\./);
  });

  it('says so when every visible sheet is empty', async () => {
    const file = await workbook((wb) => wb.addWorksheet('Blank'), 'blank.xlsx');
    await expectHeardError(readXlsx(file), 'invalid_file', /blank\.xlsx has no data/);
  });
});

describe('readXlsx: damaged and unusual workbooks', () => {
  it('says a workbook cut in half is not complete', async () => {
    const whole = await workbook((wb) => {
      const ws = wb.addWorksheet('Data');
      for (let i = 0; i < 2000; i++) ws.addRow([i, `answer ${i}`, Math.random()]);
    });
    const bytes = fs.readFileSync(whole);
    const cut = fresh('survey.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectHeardError(readSource(cut), 'invalid_file', /^survey\.xlsx is not a complete Excel workbook \(the file seems to be cut short\)\.$/);
  });

  it.skipIf(!JSZip)('reads a sheet without a <dimension> element (skipped if jszip cannot be resolved)', async () => {
    const file = await workbook((wb) => wb.addWorksheet('Data').addRows([['id', 'answer'], ['1', 'yes'], ['2', 'no']]));
    const zip = await JSZip!.loadAsync(fs.readFileSync(file));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<dimension [^>]*\/>/);
    zip.file('xl/worksheets/sheet1.xml', sheetXml.replace(/<dimension [^>]*\/>/, ''));
    const stripped = fresh();
    fs.writeFileSync(stripped, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const table = await readXlsx(stripped);
    expect(await duckRows(table)).toEqual([['id', 'answer'], ['1', 'yes'], ['2', 'no']]);
    table.cleanup();
  });

  it.skipIf(!JSZip)('says a zip that is not a workbook is not one (skipped if jszip cannot be resolved)', async () => {
    const zip = new JSZip!();
    zip.file('readme.txt', 'hello');
    const file = fresh('export.zip');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectHeardError(readSource(file), 'invalid_file', /export\.zip is not a survey export Heard can read: it is a zip file that is not an Excel workbook\./);
  });
});

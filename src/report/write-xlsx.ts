import ExcelJS from 'exceljs';
import type { ReportCell, ReportModel, ReportTable } from '../contract/report.js';
import { neutraliseFormula } from '../export/spreadsheet-text.js';
import { version } from '../version.js';

/**
 * The report as a workbook: a Contents sheet with the report's text and a list of tables, then one sheet per table
 * with its caption, header, rows (bases included), disclosure symbols and notes. A figure shown plainly is stored as a
 * number; one carrying a symbol or letters stays text as printed. Every text cell is formula-neutralised
 * (src/export/spreadsheet-text.ts): labels and answers come from survey files and respondents.
 */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Heard ${version}`;
  workbook.title = model.title;
  const contents = workbook.addWorksheet(sheetName(model.words.sheetContents, new Set()), { pageSetup: { ...PAGE, orientation: 'portrait' } });
  contents.getColumn(1).width = 110;
  const used = new Set([contents.name]);
  const text = (row: ExcelJS.Row, value: string) => (row.getCell(1).value = neutraliseFormula(value));
  let r = 1;
  const add = (value: string, font?: Partial<ExcelJS.Font>) => {
    const row = contents.getRow(r++);
    text(row, value);
    if (font) row.font = font;
    row.alignment = { wrapText: true, vertical: 'top' };
    // Spreadsheets do not all grow a row to fit wrapped text (LibreOffice keeps one line), so size it: ~100 characters a line.
    const lines = Math.ceil(value.length / 100);
    if (lines > 1) row.height = 15 * lines + 2;
    return row;
  };
  add(model.title, { bold: true, size: 14 });
  add(model.subtitle);
  for (const section of model.sections) {
    r++;
    add(section.heading, { bold: true, size: 12 });
    for (const b of section.blocks) {
      if (b.type === 'heading') add(b.text, { bold: true });
      else if (b.type === 'paragraph') add(b.text);
      else if (b.type === 'list') b.items.forEach((i) => add(`• ${i}`));
      else if (b.type === 'quote') add(`“${b.text}”`, { italic: true });
      else if (b.type === 'table') {
        const name = sheetName(`${used.size}. ${b.caption}`, used);
        used.add(name);
        const row = add(b.caption, { color: { argb: 'FF1D4F91' }, underline: true });
        row.getCell(1).value = { text: neutraliseFormula(b.caption), hyperlink: `#'${name.replace(/'/g, "''")}'!A1` };
        writeTable(workbook.addWorksheet(name, { pageSetup: PAGE }), b);
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Printed (or saved as PDF) one page wide on A4, as a committee paper carries it. */
const PAGE: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

function writeTable(sheet: ExcelJS.Worksheet, t: ReportTable): void {
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= t.head.length; c++) sheet.getColumn(c).width = 16;
  sheet.getCell(1, 1).value = neutraliseFormula(t.caption);
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const head = sheet.getRow(3);
  t.head.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = neutraliseFormula(h);
    // Over the figures, which are right-aligned.
    if (i > 0) cell.alignment = { horizontal: 'right', wrapText: true };
  });
  head.font = { bold: true };
  t.rows.forEach((r, i) => {
    const row = sheet.getRow(4 + i);
    row.getCell(1).value = neutraliseFormula(r.label);
    r.cells.forEach((c, j) => setFigure(row.getCell(j + 2), c, r.kind === 'base'));
    if (r.kind === 'net') row.font = { bold: true };
    if (r.kind === 'base') row.font = { italic: true };
  });
  t.notes.forEach((n, i) => (sheet.getCell(5 + t.rows.length + i, 1).value = neutraliseFormula(n)));
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
}

/** A plain figure ("48.9%", "1,234") as a number; anything else (symbols, letters, intervals) as the text shown. */
function setFigure(cell: ExcelJS.Cell, figure: ReportCell, count: boolean): void {
  const plain = figure.value !== null && /^[+-]?[\d.,]+%?$/.test(figure.text);
  if (plain) {
    cell.value = figure.value;
    cell.numFmt = count && Number.isInteger(figure.value) ? '#,##0' : '0.0';
  } else cell.value = neutraliseFormula(figure.text);
  cell.alignment = { horizontal: 'right' };
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique without regard to case. */
function sheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let i = 2; [...used].some((u) => u.toLowerCase() === name.toLowerCase()); i++) name = `${clean.slice(0, 31 - `~${i}`.length)}~${i}`;
  return name;
}

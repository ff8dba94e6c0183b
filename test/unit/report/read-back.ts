import ExcelJS from 'exceljs';
import { readZipText } from '../../../src/import/readers/zip-entry.js';
import { listZipEntries } from '../../../src/import/readers/zip-listing.js';

/** One part of a DOCX or XLSX package as text, read with the importer's own zip reader. */
export async function zipPart(file: string, name: string): Promise<string> {
  const listing = listZipEntries(file);
  if (!listing.ok) throw new Error(`${file} is not a readable zip: ${listing.problem}`);
  const entry = listing.details.find((d) => d.name === name);
  if (!entry) throw new Error(`${file} has no ${name}; it has ${listing.entries.join(', ')}`);
  return readZipText(file, entry);
}

/** The text of each paragraph of a Word document, with its style. */
export function docxParagraphs(documentXml: string): { style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''),
  }));
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every cell value of a workbook as [sheet, address, value]. */
export function workbookCells(workbook: ExcelJS.Workbook): [string, string, ExcelJS.CellValue][] {
  const out: [string, string, ExcelJS.CellValue][] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push([sheet.name, cell.address, cell.value]))));
  return out;
}

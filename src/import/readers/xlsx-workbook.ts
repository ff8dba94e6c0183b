import type { ZipEntry } from './zip-listing.js';
import { readZipText } from './zip-entry.js';

export interface WorkbookSheet {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  /** The zip entry holding the sheet's cells; undefined for chart sheets and other non-worksheets. */
  part?: ZipEntry;
}

export interface WorkbookInfo {
  /** In tab order. */
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
}

/** Reads the workbook's sheet list (names, visibility, which part holds each) from workbook.xml and its rels. */
export async function readWorkbookInfo(file: string, entries: ZipEntry[]): Promise<WorkbookInfo> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) throw new Error('it has no workbook part');
  const xml = await readZipText(file, workbook);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? await readZipText(file, relsEntry) : '';
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attributes = parseAttributes(match[1]!);
    if (attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
  }
  const sheets: WorkbookSheet[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attributes = parseAttributes(match[1]!);
    const relId = Object.entries(attributes).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
    const target = relId ? targets.get(relId) : undefined;
    const part = target ? byName.get(resolvePart(target)) : undefined;
    sheets.push({ name: attributes.name ?? `Sheet${sheets.length + 1}`, state: attributes.state ?? 'visible', part: part && isWorksheet(part) ? part : undefined });
  }
  const properties = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(xml);
  const date1904 = properties ? ['1', 'true'].includes(parseAttributes(properties[1]!).date1904 ?? '') : false;
  return { sheets, date1904, sharedStrings: byName.get('xl/sharedStrings.xml'), styles: byName.get('xl/styles.xml') };
}

function isWorksheet(entry: ZipEntry): boolean {
  return entry.name.startsWith('xl/worksheets/');
}

function resolvePart(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[match[1]!] = decodeXml(match[2] ?? match[3] ?? '');
  return attributes;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower]!;
  });
}

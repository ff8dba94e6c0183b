import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { HeardError } from '../../contract/index.js';
import { detectEncoding, iconvName } from './encoding.js';
import { listZipEntries } from './zip-listing.js';

export type SniffKind = 'delimited' | 'xlsx' | 'sav' | 'zsav' | 'unknown';

export interface SniffResult {
  kind: SniffKind;
  /** Why: for `unknown`, a phrase that completes "it …" in a sentence shown to the user. */
  reason: string;
}

const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which decoded "text" is taken to be binary. */
const MAX_CONTROL_SHARE = 0.01;

/** Tells what kind of file this is from its first bytes, never from its name alone. An empty file is an error. */
export async function sniffFile(file: string): Promise<SniffResult> {
  const name = path.basename(file);
  const head = await readHead(file, SAMPLE_BYTES);
  if (head.length === 0) throw new HeardError('invalid_file', `${name} is empty.`);
  const ascii = head.subarray(0, 64).toString('latin1');

  if (ascii.startsWith('$FL2')) return { kind: 'sav', reason: 'SPSS system file' };
  if (ascii.startsWith('$FL3')) return { kind: 'zsav', reason: 'compressed SPSS system file (.zsav)' };
  if (ascii.startsWith('PK\x03\x04') || ascii.startsWith('PK\x05\x06')) return sniffZip(file, head);
  const binary = binaryKind(head, ascii);
  if (binary) return { kind: 'unknown', reason: binary };

  const encoding = detectEncoding(head, head.length < SAMPLE_BYTES);
  const text = iconv.decode(head, iconvName(encoding));
  const markup = markupKind(text);
  if (markup) return { kind: 'unknown', reason: markup };
  if (controlShare(text) > MAX_CONTROL_SHARE) {
    return { kind: 'unknown', reason: 'holds binary data, not text: it is not a CSV or Excel file' };
  }
  return { kind: 'delimited', reason: `text (${encoding})` };
}

function sniffZip(file: string, head: Buffer): SniffResult {
  const listing = listZipEntries(file);
  if (!listing.ok) {
    // Without the central directory the local headers at the start still name the first parts.
    const names = head.toString('latin1');
    if (names.includes('xl/') || names.includes('[Content_Types].xml')) return { kind: 'xlsx', reason: `Excel workbook (${listing.problem})` };
    return { kind: 'unknown', reason: listing.problem === 'truncated' ? 'is a zip file that seems to be cut short' : 'is a damaged zip file' };
  }
  const entries = new Set(listing.entries);
  if (entries.has('xl/workbook.xml')) return { kind: 'xlsx', reason: 'Excel workbook' };
  if (entries.has('xl/workbook.bin')) return { kind: 'unknown', reason: 'is an Excel binary workbook (.xlsb): save it as .xlsx or CSV and import that' };
  if (entries.has('word/document.xml')) return { kind: 'unknown', reason: 'looks like a Word document' };
  if (entries.has('ppt/presentation.xml')) return { kind: 'unknown', reason: 'looks like a PowerPoint presentation' };
  if (entries.has('content.xml') && entries.has('mimetype')) {
    return { kind: 'unknown', reason: 'is an OpenDocument file (.ods): save it as .xlsx or CSV and import that' };
  }
  return { kind: 'unknown', reason: 'is a zip file that is not an Excel workbook' };
}

function binaryKind(head: Buffer, ascii: string): string | undefined {
  if (ascii.startsWith('%PDF')) return 'looks like a PDF document';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'looks like an older Excel (.xls) or other Office 97–2003 file: save it as .xlsx or CSV and import that';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'is a gzip-compressed file: unpack it first';
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('GIF8') || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)) {
    return 'looks like an image';
  }
  if (ascii.startsWith('SQLite format 3')) return 'looks like an SQLite database';
  if (ascii.slice(8, 12) === 'DUCK') return 'looks like a DuckDB database (perhaps a Heard project, which is opened, not imported)';
  if (ascii.startsWith('Rar!') || ascii.startsWith('7z\xbc\xaf')) return 'is a compressed archive: unpack it first';
  return undefined;
}

function markupKind(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return 'is an Excel 2003 XML spreadsheet: save it as .xlsx or CSV and import that';
  }
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'looks like a web page (HTML), not a CSV or Excel file';
  return undefined;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) control++;
  }
  return control / text.length;
}

/** The first `bytes` bytes of a file (fewer if it is shorter). */
export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ZipEntry } from './zip-listing.js';

/**
 * Streams one entry of a zip file, found through the central directory, so parts of a workbook are read in the
 * order Heard needs (workbook, shared strings, styles, then one sheet) whatever order they were zipped in.
 */
export function openZipEntry(file: string, entry: ZipEntry): Readable {
  if (entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) {
    throw new Error(`the part ${entry.name} is larger than 4 GB, which Heard does not read`);
  }
  const header = Buffer.alloc(30);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 30, entry.offset) < 30 || header.readUInt32LE(0) !== 0x04034b50) {
      throw new Error(`the part ${entry.name} is damaged`);
    }
  } finally {
    fs.closeSync(fd);
  }
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new Error(`the part ${entry.name} is compressed in a way Heard does not read (method ${entry.method})`);
  const inflate = zlib.createInflateRaw();
  raw.on('error', (err) => inflate.destroy(err));
  return raw.pipe(inflate);
}

/** The entry's text, decoded across chunk boundaries (a character split between two chunks stays whole). */
export async function* utf8Strings(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export async function readZipText(file: string, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const piece of utf8Strings(openZipEntry(file, entry))) text += piece;
  return text;
}

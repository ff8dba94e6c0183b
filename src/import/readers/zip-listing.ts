import fs from 'node:fs';

export interface ZipEntry {
  name: string;
  /** Offset of the entry's local header. */
  offset: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

export type ZipListing = { ok: true; entries: string[]; details: ZipEntry[] } | { ok: false; problem: 'truncated' | 'corrupt' };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Lists a zip file's entries from its central directory, which sits at the end of the file. A file cut short
 * loses it, so this is how a truncated workbook is told apart from a damaged one before any parsing starts
 * (a streaming unzip would otherwise read the first sheets happily and fail, or stop, part-way).
 */
export function listZipEntries(path: string): ZipListing {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, problem: 'truncated' };
    let entries: number = tail.readUInt16LE(eocd + 10);
    let directorySize: number = tail.readUInt32LE(eocd + 12);
    let directoryOffset: number = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || directorySize === 0xffffffff || entries === 0xffff) {
      const zip64 = readZip64End(fd, size - tailLength + eocd);
      if (!zip64) return { ok: false, problem: 'corrupt' };
      ({ entries, directorySize, directoryOffset } = zip64);
    }
    if (directoryOffset + directorySize > size) return { ok: false, problem: 'truncated' };
    const directory = readAt(fd, directoryOffset, directorySize);
    const details: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return { ok: false, problem: 'corrupt' };
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      details.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        offset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { ok: true, entries: details.map((d) => d.name), details };
  } finally {
    fs.closeSync(fd);
  }
}

function readZip64End(fd: number, eocdOffset: number): { entries: number; directorySize: number; directoryOffset: number } | undefined {
  if (eocdOffset < 20) return undefined;
  const locator = readAt(fd, eocdOffset - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const end = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
  if (end.length < 56 || end.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) return undefined;
  return {
    entries: Number(end.readBigUInt64LE(32)),
    directorySize: Number(end.readBigUInt64LE(40)),
    directoryOffset: Number(end.readBigUInt64LE(48)),
  };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

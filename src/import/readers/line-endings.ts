import crypto from 'node:crypto';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { completeUtf8Length } from './encoding.js';
import type { LineBreak } from './dialect.js';

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

export interface ByteScan {
  /** Every byte of the file is valid UTF-8 (a BOM included). */
  utf8: boolean;
  /** The record terminator used outside quoted fields, or 'mixed' when more than one is. */
  lineBreak: LineBreak | 'mixed';
  /** SHA-256 of the file, taken in the same pass so an import reads a large file once less. */
  sha256: string;
}

/**
 * One pass over a UTF-8 candidate: is it valid UTF-8 all the way through (a sample can be plain ASCII while row
 * 80,000 holds a Windows-1252 "é"), and are its records ended one way? DuckDB's CSV reader handles LF, CRLF or CR
 * files but not a file that mixes them, so a mixed file is normalised into a copy. The importer runs this beside
 * DuckDB's read of the file rather than before it, and starts again if the answer is not the one it assumed.
 */
export async function scanBytes(file: string, signal?: AbortSignal): Promise<ByteScan> {
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  let lastWasCr = false;
  const hash = crypto.createHash('sha256');
  for await (const piece of fs.createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    const chunk = piece as Buffer;
    hash.update(chunk);
    if (utf8) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const complete = completeUtf8Length(joined);
      if (!isUtf8(joined.subarray(0, complete))) utf8 = false;
      carry = Buffer.from(joined.subarray(complete));
    }
    if (lastWasCr && chunk[0] === LF) crlf++;
    for (let at = chunk.indexOf(CR); at >= 0; at = chunk.indexOf(CR, at + 1)) {
      cr++;
      if (chunk[at + 1] === LF) crlf++;
    }
    for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) lf++;
    lastWasCr = chunk.length > 0 && chunk[chunk.length - 1] === CR;
  }
  if (carry.length) utf8 = false;
  let lineBreak: LineBreak | 'mixed';
  if (cr === 0) lineBreak = '\n';
  else if (lf === 0) lineBreak = '\r';
  else if (cr === crlf && lf === crlf) lineBreak = '\r\n';
  // Different breaks may all sit inside quoted cells (Excel writes CRLF rows with LF inside answers): look closer.
  else lineBreak = await terminatorsOutsideQuotes(file, signal);
  return { utf8, lineBreak, sha256: hash.digest('hex') };
}

async function terminatorsOutsideQuotes(file: string, signal?: AbortSignal): Promise<LineBreak | 'mixed'> {
  // Bit flags rather than a Set: this loop visits every byte of a file that may be hundreds of megabytes.
  const LF_SEEN = 1;
  const CRLF_SEEN = 2;
  const CR_SEEN = 4;
  let seen = 0;
  let inQuotes = false;
  let pendingCr = false;
  for await (const piece of fs.createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    const chunk = piece as Buffer;
    const length = chunk.length;
    let i = 0;
    if (pendingCr) {
      if (chunk[0] === LF) {
        seen |= CRLF_SEEN;
        i = 1;
      } else seen |= CR_SEEN;
      pendingCr = false;
    }
    for (; i < length; i++) {
      const byte = chunk[i]!;
      if (byte > QUOTE) continue;
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (inQuotes) continue;
      else if (byte === LF) seen |= LF_SEEN;
      else if (byte === CR) {
        if (i + 1 === length) pendingCr = true;
        else if (chunk[i + 1] === LF) {
          seen |= CRLF_SEEN;
          i++;
        } else seen |= CR_SEEN;
      }
    }
  }
  if (pendingCr) seen |= CR_SEEN;
  if (seen === CRLF_SEEN) return '\r\n';
  if (seen === CR_SEEN) return '\r';
  if (seen === LF_SEEN || seen === 0) return '\n';
  return 'mixed';
}

/** The first record terminator outside quotes in the opening bytes of a file (LF when there is none). */
export function firstLineBreak(head: Uint8Array): LineBreak {
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i];
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (byte === LF) return '\n';
    else if (byte === CR) return head[i + 1] === LF ? '\r\n' : '\r';
  }
  return '\n';
}

/**
 * DuckDB's refusal of a file whose records end in more than one way. It does not always refuse (with rejects kept
 * it may fold two records into one rejected record), which is why scanBytes still checks every file.
 */
export function isMixedLineBreakError(err: unknown): boolean {
  return err instanceof Error && err.message.includes('state machine reached an invalid state');
}

/**
 * Rewrites CRLF and lone CR record terminators outside quoted fields as LF. The number of lines is unchanged, so
 * line numbers still match the source, and line breaks inside an answer are left exactly as they were.
 */
export class LineBreakNormaliser extends Transform {
  private inQuotes = false;
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk[0] === LF) start = i = 1; // the LF of a CRLF split across chunks: its CR was already written as LF
    }
    for (; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      else if (byte === CR && !this.inQuotes) {
        parts.push(chunk.subarray(start, i), LF_BUFFER);
        if (i + 1 === chunk.length) this.pendingCr = true;
        else if (chunk[i + 1] === LF) i++;
        start = i + 1;
      }
    }
    parts.push(chunk.subarray(start));
    done(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }
}

const LF_BUFFER = Buffer.from('\n');

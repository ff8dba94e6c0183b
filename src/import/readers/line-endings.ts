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
  const terminators = new TerminatorScan();
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
    terminators.feed(chunk);
  }
  if (carry.length) utf8 = false;
  return { utf8, lineBreak: terminators.result(), sha256: hash.digest('hex') };
}

const LF_SEEN = 1;
const CRLF_SEEN = 2;
const CR_SEEN = 4;

/**
 * Which record terminators occur outside quoted fields (Excel writes CRLF rows with LF inside answers; that is not
 * mixed). It jumps between quotes and breaks with Buffer.indexOf, which searches natively: a byte-by-byte loop in
 * JavaScript was most of the time an import spent before DuckDB's read.
 */
class TerminatorScan {
  private seen = 0;
  private inQuotes = false;
  private pendingCr = false;

  feed(chunk: Buffer): void {
    const n = chunk.length;
    if (n === 0 || this.isMixed()) return;
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk[0] === LF) {
        this.seen |= CRLF_SEEN;
        i = 1;
      } else this.seen |= CR_SEEN;
    }
    // Next quote, LF and CR at or after i; -2 means not looked for yet, -1 none left in this chunk.
    let quote = -2;
    let lf = -2;
    let cr = -2;
    while (i < n) {
      if (this.inQuotes) {
        const close = chunk.indexOf(QUOTE, i);
        if (close < 0) return;
        this.inQuotes = false; // a doubled quote inside a field closes and at once reopens: still correct
        i = close + 1;
        continue;
      }
      if (quote !== -1 && quote < i) quote = chunk.indexOf(QUOTE, i);
      if (lf !== -1 && lf < i) lf = chunk.indexOf(LF, i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf(CR, i);
      let next = n;
      if (quote >= 0) next = quote;
      if (lf >= 0 && lf < next) next = lf;
      if (cr >= 0 && cr < next) next = cr;
      if (next === n) return;
      if (next === quote) {
        this.inQuotes = true;
        i = next + 1;
      } else if (next === lf) {
        this.seen |= LF_SEEN;
        i = next + 1;
      } else if (next + 1 === n) {
        this.pendingCr = true;
        return;
      } else if (chunk[next + 1] === LF) {
        this.seen |= CRLF_SEEN;
        i = next + 2;
      } else {
        this.seen |= CR_SEEN;
        i = next + 1;
      }
      if (this.isMixed()) return;
    }
  }

  result(): LineBreak | 'mixed' {
    const seen = this.seen | (this.pendingCr ? CR_SEEN : 0);
    if (seen === CRLF_SEEN) return '\r\n';
    if (seen === CR_SEEN) return '\r';
    if (seen === LF_SEEN || seen === 0) return '\n';
    return 'mixed';
  }

  private isMixed(): boolean {
    return (this.seen & (this.seen - 1)) !== 0;
  }
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

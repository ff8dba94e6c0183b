import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { SavDictionary } from './sav-dictionary.js';
import { SavTruncated } from './sav-cursor.js';

const inflate = promisify(zlib.inflate);
const CHUNK = 1 << 20;

/**
 * Yields the file's cases in batches, each case as `elementsPerCase` 8-byte elements laid out as in an
 * uncompressed file (bytecode and zlib compression undone), so one routine reads values whatever the compression.
 * A case buffer is valid until the next batch is requested.
 */
export async function* savCaseBatches(file: string, dictionary: SavDictionary, signal?: AbortSignal): AsyncGenerator<Buffer[]> {
  const caseSize = dictionary.elementsPerCase * 8;
  let remainder: Buffer = Buffer.alloc(0);
  let cases = 0;
  const limit = dictionary.caseCount >= 0 ? dictionary.caseCount : Infinity;
  const decoder = dictionary.compression === 0 ? undefined : new BytecodeDecoder(dictionary.bias, dictionary.sysmis, dictionary.littleEndian);
  const source = dictionary.compression === 2 ? zlibBlocks(file, dictionary, signal) : fileChunks(file, dictionary.dataOffset, signal);

  for await (const chunk of source) {
    const bytes = decoder ? decoder.push(chunk) : chunk;
    const joined = remainder.length ? Buffer.concat([remainder, bytes]) : bytes;
    const whole = Math.min(Math.floor(joined.length / caseSize), limit - cases);
    const batch: Buffer[] = [];
    for (let i = 0; i < whole; i++) batch.push(joined.subarray(i * caseSize, (i + 1) * caseSize));
    cases += whole;
    remainder = Buffer.from(joined.subarray(whole * caseSize));
    if (batch.length) yield batch;
    if (cases >= limit || decoder?.ended) break;
  }
  // Bytes left over after the declared cases are padding some writers add; a partial case otherwise means a cut.
  if (cases < limit && limit !== Infinity) throw new SavTruncated();
  if (limit === Infinity && remainder.some((b) => b !== 0)) throw new SavTruncated();
}

async function* fileChunks(file: string, start: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { start, highWaterMark: CHUNK, signal })) yield chunk as Buffer;
}

/** .zsav: the bytecode stream is cut into zlib blocks listed in a trailer at the end of the file. */
async function* zlibBlocks(file: string, dictionary: SavDictionary, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const little = dictionary.littleEndian;
    const int64 = (b: Buffer, at: number) => Number(little ? b.readBigInt64LE(at) : b.readBigInt64BE(at));
    const int32 = (b: Buffer, at: number) => (little ? b.readInt32LE(at) : b.readInt32BE(at));
    const header = await readExactly(handle, dictionary.dataOffset, 24);
    const trailerOffset = int64(header, 8);
    const trailerLength = int64(header, 16);
    const trailer = await readExactly(handle, trailerOffset, trailerLength);
    const blocks = int32(trailer, 20);
    for (let i = 0; i < blocks; i++) {
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      const at = 24 + i * 24;
      const compressed = await readExactly(handle, int64(trailer, at + 8), int32(trailer, at + 20));
      yield await inflate(compressed);
    }
  } finally {
    await handle.close();
  }
}

async function readExactly(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new SavTruncated();
  return buffer;
}

/**
 * Undoes SPSS bytecode compression: groups of eight one-byte codes, each a small integer (code - bias), a
 * system-missing value, eight spaces, or "the next 8 raw bytes after this group".
 */
export class BytecodeDecoder {
  private codes = Buffer.alloc(8);
  private next = 8;
  private leftover: Buffer = Buffer.alloc(0);
  ended = false;

  constructor(
    private readonly bias: number,
    private readonly sysmis: number,
    private readonly littleEndian: boolean,
  ) {}

  push(chunk: Buffer): Buffer {
    const input = this.leftover.length ? Buffer.concat([this.leftover, chunk]) : chunk;
    const out = Buffer.allocUnsafe(input.length * 8 + 64);
    let o = 0;
    let p = 0;
    decode: while (!this.ended) {
      if (this.next >= 8) {
        if (p + 8 > input.length) break;
        input.copy(this.codes, 0, p, p + 8);
        p += 8;
        this.next = 0;
      }
      for (; this.next < 8; this.next++) {
        const code = this.codes[this.next]!;
        if (code === 0) continue;
        if (code === 252) {
          this.ended = true;
          break decode;
        }
        if (code === 253) {
          if (p + 8 > input.length) break decode;
          input.copy(out, o, p, p + 8);
          p += 8;
        } else if (code === 254) out.fill(0x20, o, o + 8);
        else this.writeNumber(out, o, code === 255 ? this.sysmis : code - this.bias);
        o += 8;
      }
    }
    this.leftover = Buffer.from(input.subarray(p));
    return out.subarray(0, o);
  }

  private writeNumber(out: Buffer, at: number, value: number): void {
    if (this.littleEndian) out.writeDoubleLE(value, at);
    else out.writeDoubleBE(value, at);
  }
}

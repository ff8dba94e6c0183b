import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary file in its own folder under the OS temp dir; `remove` deletes both and is safe to call twice. */
export interface TempFile {
  path: string;
  remove(): void;
}

export function createTempFile(sourcePath: string, extension = '.csv'): TempFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-import-'));
  const base = path.basename(sourcePath).replace(/[^\w.-]+/g, '_').slice(0, 80) || 'source';
  const file = path.join(dir, `${base}${extension}`);
  return {
    path: file,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const NEEDS_QUOTES = /[",\n\r]/;

/** One CSV field, RFC 4180: quoted only when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes records to a UTF-8, comma-delimited, LF-terminated CSV, buffering lines and waiting when the disk is
 * behind, so a million-row sheet never sits in memory. An empty record is written as `""`, because DuckDB skips
 * empty lines and an empty sheet row must still be a record (record i stays sheet row i + 1).
 */
export class CsvFileWriter {
  private readonly stream: fs.WriteStream;
  private buffer: string[] = [];
  private buffered = 0;
  private failure: Error | undefined;
  records = 0;

  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
  }

  async write(fields: string[]): Promise<void> {
    if (this.failure) throw this.failure;
    const line = fields.length === 0 || (fields.length === 1 && fields[0] === '') ? '""' : fields.map(csvField).join(',');
    this.buffer.push(line);
    this.buffered += line.length + 1;
    this.records++;
    if (this.buffered >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('\n') + '\n';
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  /** Closes without caring about errors: used when the read failed or was cancelled. */
  destroy(): void {
    this.stream.destroy();
  }
}

/**
 * Copies a CSV written by CsvFileWriter, adding commas so every record has `width` fields. DuckDB reads ragged
 * records only with null_padding, which it cannot combine with quoted line breaks in its parallel reader; a
 * rectangular file needs neither. `widths[i]` is the field count record i was written with.
 */
export async function padRecords(from: string, to: string, widths: ArrayLike<number>, width: number, signal?: AbortSignal): Promise<void> {
  const out = fs.createWriteStream(to);
  let record = 0;
  let inQuotes = false;
  try {
    for await (const piece of fs.createReadStream(from, { highWaterMark: 1 << 20, signal })) {
      const chunk = piece as Buffer;
      const parts: Buffer[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === 0x22) inQuotes = !inQuotes;
        else if (byte === 0x0a && !inQuotes) {
          const missing = width - (widths[record++] ?? width);
          if (missing > 0) {
            parts.push(chunk.subarray(start, i), commas(missing));
            start = i;
          }
        }
      }
      parts.push(chunk.subarray(start));
      if (!out.write(Buffer.concat(parts))) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    throw err;
  }
}

const commaCache = new Map<number, Buffer>();
function commas(n: number): Buffer {
  let found = commaCache.get(n);
  if (!found) {
    found = Buffer.from(','.repeat(n));
    if (commaCache.size < 1000) commaCache.set(n, found);
  }
  return found;
}

import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { HeardError } from '../../contract/index.js';
import { cancelled } from '../../engine/run-query.js';
import { SourceNotAsAssumed, type DecodedTable } from '../types.js';
import { normaliseDelimiter, type LineBreak } from './dialect.js';
import { ENCODING_SAMPLE_BYTES, detectEncoding, iconvName, normaliseEncoding, type TextEncoding } from './encoding.js';
import { LineBreakNormaliser, firstLineBreak, scanBytes } from './line-endings.js';
import { readPreview } from './preview.js';
import { createTempFile, type TempFile } from './temp-csv.js';
import { readHead } from './sniff.js';

export interface ReadDelimitedOptions {
  /** Overrides detection: 'utf-8', 'utf-16le', 'windows-1252', or an alias such as 'latin1' or 'cp1252'. */
  encoding?: string;
  /** Overrides detection: one of , ; tab | (or any single character). */
  delimiter?: string;
  /**
   * Check the whole of a UTF-8 file before handing it over (a second attempt, after the check run beside the first
   * read found the file was not what its opening bytes suggested).
   */
  checkFirst?: boolean;
  signal?: AbortSignal;
}

/**
 * Reads a CSV or TSV as a DecodedTable. A UTF-8 file with one kind of line ending is handed to DuckDB as it is;
 * anything else is streamed into a UTF-8, LF-ended copy with the same lines, so line numbers still match the source.
 */
export async function readDelimited(file: string, options: ReadDelimitedOptions = {}): Promise<DecodedTable> {
  const { signal } = options;
  const name = path.basename(file);
  const size = (await fs.promises.stat(file)).size;
  if (size === 0) throw new HeardError('invalid_file', `${name} is empty.`);
  const head = await readHead(file, ENCODING_SAMPLE_BYTES);
  const overridden = options.encoding !== undefined;
  let encoding: TextEncoding = overridden ? normaliseEncoding(options.encoding!) : detectEncoding(head, head.length === size);
  const delimiter = options.delimiter === undefined ? undefined : normaliseDelimiter(options.delimiter);
  const warnings: string[] = [];

  let copy: 'none' | 'transcode' | 'normalise' = 'transcode';
  let newline: LineBreak = '\n';
  let replaceInvalid = false;
  let sha256: string | undefined;
  let background: BackgroundCheck | undefined;
  if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && !options.checkFirst) {
    // The opening bytes are UTF-8: hand the file over as it is and check the rest while DuckDB reads it.
    copy = 'none';
    newline = firstLineBreak(head);
    background = checkInBackground(file, newline, signal);
  } else if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const scan = await guard(() => scanBytes(file, signal), signal);
    sha256 = scan.sha256;
    if (!scan.utf8) {
      // A file that started as plain ASCII and turns out not to be UTF-8 is almost always Windows-1252 (Excel's
      // "CSV" on a UK PC); one with UTF-8 characters or a BOM already is UTF-8 with a few damaged bytes.
      if (!overridden && encoding === 'utf-8' && isAscii(head)) {
        encoding = 'windows-1252';
        warnings.push(`${name} is not valid UTF-8 further down, so it was read as Windows-1252. Choose another encoding if letters look wrong.`);
      } else {
        replaceInvalid = true;
        warnings.push(`${name} has bytes that are not valid UTF-8; they were read as "\uFFFD". Choose another encoding if letters look wrong.`);
      }
    } else if (scan.lineBreak === 'mixed') {
      copy = 'normalise';
    } else {
      copy = 'none';
      newline = scan.lineBreak;
    }
  }

  let temp: TempFile | undefined;
  let csvPath = file;
  if (copy !== 'none') {
    temp = createTempFile(file);
    csvPath = temp.path;
    try {
      await guard(() => writeUtf8Copy(file, temp!.path, copy === 'normalise' && !replaceInvalid ? undefined : encoding, signal), signal);
    } catch (err) {
      temp.remove();
      throw err;
    }
  }

  try {
    const preview = await readPreview(csvPath, { delimiter, newline, sourceName: name, signal });
    warnings.push(...preview.warnings);
    return {
      kind: 'delimited',
      sourcePath: file,
      csvPath,
      dialect: preview.dialect,
      encoding,
      preview: preview.rows,
      fieldCounts: preview.fieldCounts,
      sourceRowLabel: 'line',
      sha256,
      verify: background?.verify,
      warnings,
      cleanup: () => {
        background?.stop();
        temp?.remove();
      },
    };
  } catch (err) {
    background?.stop();
    temp?.remove();
    throw err;
  }
}

interface BackgroundCheck {
  verify: () => Promise<string>;
  stop: () => void;
}

/**
 * Scans the whole file (UTF-8 validity, line endings, SHA-256) while the import goes ahead on what the opening bytes
 * said. `verify` resolves to the checksum when they were right, and rejects with SourceNotAsAssumed otherwise.
 */
function checkInBackground(file: string, newline: LineBreak, signal?: AbortSignal): BackgroundCheck {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const scanned = scanBytes(file, controller.signal).finally(() => signal?.removeEventListener('abort', stop));
  scanned.catch(() => undefined); // awaited by verify; until then a failure must not be reported as unhandled
  const verify = async () => {
    const scan = await guard(() => scanned, signal);
    if (!scan.utf8 || scan.lineBreak !== newline) throw new SourceNotAsAssumed();
    return scan.sha256;
  };
  return { verify, stop };
}

/** Streams `from` into a UTF-8 copy with LF line ends outside quotes; `encoding` undefined means already UTF-8. */
async function writeUtf8Copy(from: string, to: string, encoding: TextEncoding | undefined, signal?: AbortSignal): Promise<void> {
  const source = fs.createReadStream(from, { highWaterMark: 1 << 20 });
  const target = fs.createWriteStream(to);
  if (encoding === undefined) {
    await pipeline(source, new LineBreakNormaliser(), target, { signal });
    return;
  }
  // decodeStream drops a BOM, so the copy starts with the first heading whatever the source encoding.
  await pipeline(source, iconv.decodeStream(iconvName(encoding)), iconv.encodeStream('utf8'), new LineBreakNormaliser(), target, {
    signal,
  });
}

async function guard<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw cancelled();
  try {
    return await work();
  } catch (err) {
    if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) throw cancelled();
    throw err;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}


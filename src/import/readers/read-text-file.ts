import fs from 'node:fs';
import iconv from 'iconv-lite';
import { HeardError } from '../../contract/index.js';
import { bomLength, detectEncoding, iconvName, type TextEncoding } from './encoding.js';

/**
 * Reads a small text file (a benchmark, margins, a dictionary) whole, in the encoding the import would detect:
 * UTF-8 with or without a byte-order mark, UTF-16, or Windows-1252 (as ONS and Excel downloads often are), so an
 * accented name ("Tŷ Gwyn", "Ynys Môn") is read as written. `what` names the file in messages ("benchmark file").
 */
export function readTextFile(file: string, what: string): { text: string; encoding: TextEncoding } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HeardError('not_found', `There is no ${what} at ${file}.`);
    throw new HeardError('io', `Cannot read the ${what} ${file}: ${code ?? String(err)}.`);
  }
  const encoding = detectEncoding(bytes, true);
  return { text: iconv.decode(bytes.subarray(bomLength(bytes)), iconvName(encoding)), encoding };
}

import path from 'node:path';
import { HeardError } from '../../contract/index.js';
import type { DecodedTable } from '../types.js';
import { readDelimited } from './read-delimited.js';
import { readSav } from './read-sav.js';
import { readXlsx } from './read-xlsx.js';
import { sniffFile } from './sniff.js';

export interface ReadSourceOptions {
  /** Delimited files: overrides encoding detection ('utf-8', 'utf-16le', 'windows-1252', 'latin1', …). */
  encoding?: string;
  /** Delimited files: overrides delimiter detection. */
  delimiter?: string;
  /** Workbooks: the sheet to read, by name. */
  sheet?: string;
  /** Delimited files: check the whole file before handing it over (see ReadDelimitedOptions). */
  checkFirst?: boolean;
  signal?: AbortSignal;
}

/**
 * Reads any file Heard imports into a DecodedTable, choosing the reader from the file's content rather than its
 * name. Every failure is a HeardError naming the file and saying what is wrong with it.
 */
export async function readSource(file: string, options: ReadSourceOptions = {}): Promise<DecodedTable> {
  const name = path.basename(file);
  try {
    const sniffed = await sniffFile(file);
    switch (sniffed.kind) {
      case 'delimited':
        return await readDelimited(file, {
          encoding: options.encoding,
          delimiter: options.delimiter,
          checkFirst: options.checkFirst,
          signal: options.signal,
        });
      case 'xlsx':
        return await readXlsx(file, { sheet: options.sheet, signal: options.signal });
      case 'sav':
      case 'zsav':
        return await readSav(file, { signal: options.signal });
      default:
        throw new HeardError('invalid_file', `${name} is not a survey export Heard can read: it ${sniffed.reason}.`);
    }
  } catch (err) {
    // A stream torn down by Cancel throws its own AbortError; it is a cancellation, not a bad file.
    if (options.signal?.aborted) throw new HeardError('cancelled', 'Cancelled. Nothing was changed.');
    throw asHeardError(err, name);
  }
}

function asHeardError(err: unknown, name: string): HeardError {
  if (err instanceof HeardError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new HeardError('not_found', `${name} was not found. It may have been moved or deleted.`);
  if (code === 'EACCES' || code === 'EPERM') return new HeardError('io', `${name} cannot be opened: permission was refused.`);
  if (code === 'EISDIR') return new HeardError('invalid_file', `${name} is a folder, not a file.`);
  const message = err instanceof Error ? err.message : String(err);
  return new HeardError('invalid_file', `${name} could not be read: ${message}`, { cause: message });
}

export { sniffFile } from './sniff.js';
export { detectEncoding, normaliseEncoding } from './encoding.js';
export { detectDialect } from './dialect.js';
export { readDelimited } from './read-delimited.js';
export { readXlsx } from './read-xlsx.js';
export { readSav } from './read-sav.js';

import { isUtf8 } from 'node:buffer';
import { HeardError } from '../../contract/index.js';

export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many bytes detection looks at. A UTF-8 file whose first MiB is plain ASCII is checked further by the reader. */
export const ENCODING_SAMPLE_BYTES = 1 << 20;

const ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8-bom',
  'utf-8-sig': 'utf-8-bom',
  'utf8-bom': 'utf-8-bom',
  utf8bom: 'utf-8-bom',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  // Latin-1 files in the wild are Windows-1252 (WHATWG treats the labels as one), so € and ’ come out right.
  'windows-1252': 'windows-1252',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  'cp-1252': 'windows-1252',
  ansi: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  'iso-8859-15': 'windows-1252',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

/** A caller's encoding name (CLI `--encoding`, review screen) as one Heard reads. Unknown names are a bad request. */
export function normaliseEncoding(name: string): TextEncoding {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  const found = ALIASES[key] ?? ALIASES[key.replace(/-/g, '')];
  if (!found) {
    throw new HeardError(
      'bad_request',
      `Heard cannot read the encoding "${name}". Choose one of UTF-8, UTF-16LE, UTF-16BE or Windows-1252 (Latin-1).`,
    );
  }
  return found;
}

/** The name iconv-lite knows the encoding by. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

export function bomLength(buffer: Uint8Array): number {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 3;
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return 2;
  return 0;
}

/**
 * Guesses the encoding of the start of a text file. Never refuses: bytes that are neither UTF-16 nor valid UTF-8
 * are read as Windows-1252, which maps every byte to a character, so nothing is dropped.
 */
export function detectEncoding(buffer: Uint8Array, isWholeFile = buffer.length < ENCODING_SAMPLE_BYTES): TextEncoding {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8-bom';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByNulPattern(buffer);
  if (utf16) return utf16;
  const sample = isWholeFile ? buffer : buffer.subarray(0, completeUtf8Length(buffer));
  return isUtf8(sample) ? 'utf-8' : 'windows-1252';
}

/**
 * Text in UTF-16 without a BOM shows itself by NULs in every other byte (the high byte of ASCII characters).
 * Requires most pairs to follow the pattern so that a binary file with scattered NULs is not mistaken for text.
 */
export function utf16ByNulPattern(buffer: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(buffer.length, 8192) / 2);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (buffer[2 * i] === 0) evenNul++;
    if (buffer[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * The length of the longest prefix that does not end inside a UTF-8 multi-byte sequence, so a sample cut from a
 * larger file is not judged invalid for a character split at the cut.
 */
export function completeUtf8Length(buffer: Uint8Array): number {
  const end = buffer.length;
  for (let back = 1; back <= Math.min(4, end); back++) {
    const byte = buffer[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

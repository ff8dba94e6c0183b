import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HeardError } from '../../../../src/contract/index.js';
import { completeUtf8Length, detectEncoding, normaliseEncoding } from '../../../../src/import/readers/encoding.js';

const text = 'Ward,Comment\nCathays,Café – “great” £5 €\n';

describe('detectEncoding', () => {
  it('recognises byte order marks', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]))).toBe('utf-16be');
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(detectEncoding(iconv.encode(text, 'utf-16le'))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'utf-16be'))).toBe('utf-16be');
  });

  it('tells valid UTF-8 from Windows-1252', () => {
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('Caf\xe9,\x92,\x80\n', 'latin1'))).toBe('windows-1252');
  });

  it('does not call UTF-8 invalid because the sample ends inside a character', () => {
    const whole = Buffer.from('é'.repeat(100), 'utf8');
    const cut = whole.subarray(0, 99); // ends on the first byte of an "é"
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(completeUtf8Length(cut)).toBe(98);
    expect(completeUtf8Length(Buffer.from('a€', 'utf8').subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(Buffer.from('a€', 'utf8'))).toBe(4);
    // Judged as a whole file, the same cut is invalid UTF-8 and falls back rather than refusing.
    expect(detectEncoding(cut, true)).toBe('windows-1252');
  });

  it('never refuses binary-looking bytes', () => {
    expect(detectEncoding(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff]))).toBe('windows-1252');
  });
});

describe('normaliseEncoding', () => {
  it('accepts the usual names and aliases', () => {
    expect(normaliseEncoding('latin1')).toBe('windows-1252');
    expect(normaliseEncoding('ISO-8859-1')).toBe('windows-1252');
    expect(normaliseEncoding('cp1252')).toBe('windows-1252');
    expect(normaliseEncoding('utf16')).toBe('utf-16le');
    expect(normaliseEncoding('UTF-16BE')).toBe('utf-16be');
    expect(normaliseEncoding('utf8')).toBe('utf-8');
    expect(normaliseEncoding('utf_8_sig')).toBe('utf-8-bom');
  });

  it('refuses an encoding it cannot read, saying which it can', () => {
    expect(() => normaliseEncoding('ebcdic')).toThrow(HeardError);
    expect(() => normaliseEncoding('ebcdic')).toThrow(/UTF-8.*Windows-1252/);
  });
});

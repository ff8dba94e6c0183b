import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBytes } from '../../../../src/import/readers/line-endings.js';
import { tempDir } from '../../../support/temp-dir.js';

const dir = tempDir();
const CHUNK = 1 << 20; // scanBytes reads the file in 1 MiB pieces
let n = 0;
const write = (text: string) => {
  const file = path.join(dir, `scan-${n++}.csv`);
  fs.writeFileSync(file, text);
  return file;
};
/** `text` placed so that its character `at` is the first byte of the second piece. */
const straddling = (text: string, at: number) => 'x'.repeat(CHUNK - at) + text;

describe('scanBytes: record terminators outside quotes, across the pieces a file is read in', () => {
  it('sees a CRLF split between two pieces as one CRLF, not a CR and an LF', async () => {
    expect((await scanBytes(write(straddling('a\r\nb\r\nc\r\n', 2)))).lineBreak).toBe('\r\n');
  });

  it('carries an open quote into the next piece, so breaks inside it do not count', async () => {
    const text = straddling('"a\nb\rc"\r\nd\r\n', 3);
    expect((await scanBytes(write(text))).lineBreak).toBe('\r\n');
  });

  it('treats a doubled quote inside a field as part of the field', async () => {
    expect((await scanBytes(write('a,"say ""hi""\nthere"\r\nb,c\r\n'))).lineBreak).toBe('\r\n');
  });

  it('finds a lone CR among CRLF rows far down the file, and a CR as the very last byte', async () => {
    expect((await scanBytes(write(`${'r,"x\ny"\r\n'.repeat(200_000)}s,t\rlast\r\n`))).lineBreak).toBe('mixed');
    expect((await scanBytes(write('a\rb\r'))).lineBreak).toBe('\r');
    expect((await scanBytes(write('a\nb\r'))).lineBreak).toBe('mixed');
  });
});

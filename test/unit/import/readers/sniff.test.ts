import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../../src/import/readers/index.js';
import { sniffFile } from '../../../../src/import/readers/sniff.js';
import { tempDir } from '../../../support/temp-dir.js';
import { expectHeardError } from './support.js';

const dir = tempDir('heard-sniff-');
const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('sniffFile', () => {
  it('knows text, workbooks and SPSS files by their bytes, not their names', async () => {
    expect((await sniffFile(write('a.dat', 'id,answer\n1,yes\n'))).kind).toBe('delimited');
    expect((await sniffFile(write('b.txt', iconv.encode('id\tanswer\n1\tyes\n', 'utf-16le')))).kind).toBe('delimited');
    expect((await sniffFile(write('c.csv', Buffer.from('Caf\xe9;\x80\n', 'latin1')))).kind).toBe('delimited');
    expect((await sniffFile(write('d.bin', Buffer.concat([Buffer.from('$FL2'), Buffer.alloc(200)])))).kind).toBe('sav');
    expect((await sniffFile(write('e.bin', Buffer.concat([Buffer.from('$FL3'), Buffer.alloc(200)])))).kind).toBe('zsav');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['x']);
    const xlsx = path.join(dir, 'f.csv');
    await wb.xlsx.writeFile(xlsx);
    expect((await sniffFile(xlsx)).kind).toBe('xlsx');
  });

  it('calls binary junk unknown, with a reason', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const result = await sniffFile(write('junk.csv', junk));
    expect(result.kind).toBe('unknown');
    expect(result.reason).toMatch(/binary/);
  });

  it('names common wrong kinds of file', async () => {
    expect((await sniffFile(write('r.pdf', '%PDF-1.7\n%âãÏÓ\n'))).reason).toMatch(/PDF/);
    expect((await sniffFile(write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).reason).toMatch(/\.xls/);
    expect((await sniffFile(write('page.csv', '<!DOCTYPE html><html><body>Export</body></html>'))).reason).toMatch(/web page/);
  });

  it('says an empty file is empty', async () => {
    await expectHeardError(sniffFile(write('responses.csv', '')), 'invalid_file', /^responses\.csv is empty\.$/);
  });
});

describe('readSource: messages that name the file and what is wrong', () => {
  it('refuses a PDF plainly', async () => {
    await expectHeardError(
      readSource(write('results.pdf', '%PDF-1.4\n1 0 obj\n')),
      'invalid_file',
      /^results\.pdf is not a survey export Heard can read: it looks like a PDF document\.$/,
    );
  });

  it('refuses binary junk plainly', async () => {
    await expectHeardError(readSource(write('data.csv', Buffer.from([0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 250, 0]))), 'invalid_file', /^data\.csv is not a survey export Heard can read: it holds binary data/);
  });

  it('says a missing file was not found', async () => {
    await expectHeardError(readSource(path.join(dir, 'gone.csv')), 'not_found', /gone\.csv was not found/);
  });
});

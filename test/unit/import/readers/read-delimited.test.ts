import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../../../src/import/readers/read-delimited.js';
import { readSource } from '../../../../src/import/readers/index.js';
import { PREVIEW_ROWS, SourceNotAsAssumed } from '../../../../src/import/types.js';
import { tempDir } from '../../../support/temp-dir.js';
import { duckRows, expectHeardError, padded, toCsv } from './support.js';

const dir = tempDir('heard-delimited-');
let counter = 0;
function write(bytes: Buffer | string, name = `f${counter++}.csv`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const rows = [
  ['Respondent', 'Café visited', 'Comment ’quoted’', 'Spend €'],
  ['1', 'Caffi Cymru', 'Lovely – “really”', '€5'],
  ['2', 'Café Nero', 'Too busy,\nnowhere to sit', '£3'],
  ['3', '', 'Ok', ''],
];
const csv = toCsv(rows);

describe('readDelimited: encodings', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['UTF-8', Buffer.from(csv, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'utf-8-bom'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode(csv, 'utf-16le'), 'utf-16le'],
    ['Windows-1252', iconv.encode(csv, 'windows-1252'), 'windows-1252'],
  ];
  for (const [title, bytes, encoding] of cases) {
    it(`reads ${title} to the right characters, in the preview and through DuckDB`, async () => {
      const file = write(bytes);
      const table = await readDelimited(file);
      try {
        expect(table.encoding).toBe(encoding);
        expect(table.dialect).toEqual({ delimiter: ',', quote: '"', escape: '"' });
        expect(table.preview).toEqual(rows);
        expect(await duckRows(table)).toEqual(rows);
        // UTF-8 is handed to DuckDB as it is; anything else through a UTF-8 copy.
        expect(table.csvPath === file).toBe(encoding.startsWith('utf-8'));
      } finally {
        table.cleanup();
      }
      if (table.csvPath !== file) expect(fs.existsSync(table.csvPath)).toBe(false);
    });
  }

  it('reads Windows-1252 mojibake in a header as the characters meant (é, ’, €)', async () => {
    const file = write(Buffer.from('Caf\xe9 name,It\x92s,Price \x80\nA,B,C\n', 'latin1'));
    const table = await readDelimited(file);
    expect(table.preview[0]).toEqual(['Café name', 'It’s', 'Price €']);
    expect((await duckRows(table))[0]).toEqual(['Café name', 'It’s', 'Price €']);
    table.cleanup();
  });

  it('falls back to Windows-1252 when a file is plain ASCII for its first MiB and not UTF-8 later', async () => {
    const filler = 'id,answer\n' + 'x,plain ascii answer here\n'.repeat(50_000);
    const file = write(Buffer.concat([Buffer.from(filler, 'latin1'), Buffer.from('y,Caf\xe9\n', 'latin1')]));
    // Read on the strength of its opening bytes, the check beside the read finds out and asks for a second go.
    const hopeful = await readDelimited(file);
    expect(hopeful.encoding).toBe('utf-8');
    await expect(hopeful.verify!()).rejects.toBeInstanceOf(SourceNotAsAssumed);
    hopeful.cleanup();
    const table = await readDelimited(file, { checkFirst: true });
    expect(table.encoding).toBe('windows-1252');
    expect(table.warnings.join(' ')).toMatch(/Windows-1252/);
    const all = await duckRows(table);
    expect(all.at(-1)).toEqual(['y', 'Café']);
    expect(all.length).toBe(50_002);
    table.cleanup();
  });

  it('honours an encoding given by the caller, by alias', async () => {
    // Valid UTF-8 bytes, but the caller knows better: read as Latin-1 they are "CafÃ©".
    const file = write(Buffer.from('name\nCafé\n', 'utf8'));
    const table = await readDelimited(file, { encoding: 'latin1' });
    expect(table.encoding).toBe('windows-1252');
    expect(table.preview[1]).toEqual(['CafÃ©']);
    table.cleanup();
    await expectHeardError(readDelimited(file, { encoding: 'klingon' }), 'bad_request', /encoding/);
  });
});

describe('readDelimited: delimiters', () => {
  for (const delimiter of [',', ';', '\t', '|']) {
    it(`detects ${JSON.stringify(delimiter)} and DuckDB reads the same cells`, async () => {
      const file = write(toCsv(rows, { delimiter }));
      const table = await readDelimited(file);
      expect(table.dialect.delimiter).toBe(delimiter);
      expect(table.preview).toEqual(rows);
      expect(await duckRows(table)).toEqual(rows);
      table.cleanup();
    });
  }

  it('uses a delimiter given by the caller', async () => {
    const file = write('a;b,c\n1;2,3\n');
    const table = await readDelimited(file, { delimiter: 'semicolon' });
    expect(table.preview).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
    expect(await duckRows(table)).toEqual(table.preview);
  });
});

describe('readDelimited: line endings', () => {
  const data = [
    ['id', 'comment'],
    ['1', 'one'],
    ['2', 'two\r\nlines'],
    ['3', 'three\nlines'],
    ['4', 'four'],
  ];
  const body = (newline: string) => toCsv(data, { delimiter: ',' }, newline);
  const cases: Array<[string, string, boolean]> = [
    ['LF', body('\n'), false],
    ['CRLF', body('\r\n'), false],
    ['CR only', body('\r'), false],
    ['mixed CRLF, LF and CR', 'id,comment\r\n1,one\n2,"two\r\nlines"\r3,"three\nlines"\r\n4,four\n', true],
  ];
  for (const [title, text, copied] of cases) {
    it(`reads ${title} endings, keeping line breaks inside answers`, async () => {
      const file = write(text);
      const hopeful = await readDelimited(file);
      expect(hopeful.csvPath).toBe(file);
      if (copied) await expect(hopeful.verify!()).rejects.toBeInstanceOf(SourceNotAsAssumed);
      else expect(await hopeful.verify!()).toMatch(/^[0-9a-f]{64}$/);
      hopeful.cleanup();
      const table = await readDelimited(file, { checkFirst: copied });
      expect(table.preview).toEqual(data);
      expect(await duckRows(table)).toEqual(data);
      expect(table.csvPath !== file).toBe(copied);
      if (copied) {
        // Same number of lines as the source, so line numbers still match it.
        const lines = (s: string) => s.split(/\r\n|\r|\n/).length;
        expect(lines(fs.readFileSync(table.csvPath, 'utf8'))).toBe(lines(text));
      }
      table.cleanup();
    });
  }

  it('reads Excel-style CRLF rows with LF breaks inside quoted answers without copying', async () => {
    const file = write('id,comment\r\n1,"a\nb"\r\n2,c\r\n');
    const table = await readDelimited(file, { checkFirst: true });
    expect(table.csvPath).toBe(file);
    expect(await (await readDelimited(file)).verify!()).toBe(table.sha256);
    expect(await duckRows(table)).toEqual([
      ['id', 'comment'],
      ['1', 'a\nb'],
      ['2', 'c'],
    ]);
  });

  it('normalises a mixed-ending Windows-1252 file while transcoding', async () => {
    const file = write(iconv.encode('Caf\u00e9\r\nA\nB\rC\n', 'windows-1252'));
    const table = await readDelimited(file);
    expect(await duckRows(table)).toEqual([['Café'], ['A'], ['B'], ['C']]);
    table.cleanup();
  });
});

describe('readDelimited: awkward content', () => {
  it('keeps ragged rows, padding the preview and saying how many', async () => {
    const ragged = [['a', 'b', 'c'], ['1', '2'], ['3', '4', '5'], ['6']];
    const file = write(ragged.map((r) => r.join(',')).join('\n') + '\n');
    const table = await readDelimited(file);
    expect(table.preview).toEqual(padded(ragged));
    expect(table.warnings.join(' ')).toMatch(/2 of the first 4 rows/);
    expect(await duckRows(table, 'null_padding = true')).toEqual(padded(ragged));
  });

  it('leaves empty lines out of the preview, as DuckDB does', async () => {
    const file = write('a,b\n1,2\n\n3,4\n');
    const table = await readDelimited(file);
    expect(table.preview).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(await duckRows(table)).toEqual(table.preview);
    expect(table.warnings.join(' ')).toMatch(/empty lines/);
  });

  it('previews at most PREVIEW_ROWS records, counting an answer with line breaks as one', async () => {
    const many = [['id', 'text'], ...Array.from({ length: 500 }, (_, i) => [String(i), `line\nbreak ${i}`])];
    const file = write(toCsv(many));
    const table = await readDelimited(file);
    expect(table.preview.length).toBe(PREVIEW_ROWS);
    expect(table.preview[PREVIEW_ROWS - 1]).toEqual(many[PREVIEW_ROWS - 1]);
    expect((await duckRows(table)).length).toBe(501);
  });

  it('names the line of a quote that is never closed', async () => {
    const file = write('a,b\n1,2\n3,"never closed\n4,5\n', 'unclosed.csv');
    const err = await expectHeardError(readDelimited(file), 'invalid_file', /unclosed\.csv.*never closed.*line 3/);
    expect(err.detail).toEqual({ line: 3 });
  });

  it('says an empty file is empty', async () => {
    await expectHeardError(readSource(write('', 'responses.csv')), 'invalid_file', /^responses\.csv is empty\.$/);
  });

  it('stops when cancelled and leaves no temporary file behind', async () => {
    const file = write(iconv.encode('a,b\n' + '1,é\n'.repeat(200_000), 'windows-1252'));
    const controller = new AbortController();
    controller.abort();
    await expectHeardError(readDelimited(file, { signal: controller.signal }), 'cancelled', /Cancelled/);
  });
});

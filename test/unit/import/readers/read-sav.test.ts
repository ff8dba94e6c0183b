import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../../src/import/readers/index.js';
import { readSav, snakeCase } from '../../../../src/import/readers/read-sav.js';
import { ColumnModel } from '../../../../src/contract/import.js';
import { tempDir } from '../../../support/temp-dir.js';
import { toBigEndian } from './sav-byte-order.js';
import { EXPECTED_ROWS, LONG_COMMENT, PSPP_SAV_WINDOWS_1252, PSPP_ZSAV_UTF8, unpack } from './pspp-files.js';
import { HAS_REAL_FIXTURES, NO_FIXTURES_REASON, REAL_FIXTURES, duckRows, expectHeardError } from './support.js';

const dir = tempDir('heard-sav-');
const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const expectedRows = (comment: string) => EXPECTED_ROWS.map((row) => row.map((cell) => (cell === '__COMMENT__' ? comment : cell)));

describe('readSav: files written by PSPP', () => {
  it('reads a .zsav (zlib-compressed) file: labels, user-missing values, very long strings, multiple response sets', async () => {
    const table = await readSource(write('survey.zsav', unpack(PSPP_ZSAV_UTF8)));
    expect(table.kind).toBe('sav');
    expect(table.encoding).toBe('utf-8');
    expect(table.preview).toEqual(expectedRows(LONG_COMMENT));
    expect(await duckRows(table)).toEqual(expectedRows(LONG_COMMENT));

    const byName = Object.fromEntries(table.described!.map((c) => [c.name, c]));
    expect(table.described!.map((c) => c.name)).toEqual(['id', 'sat', 'services', 'priorities', 'age', 'comment', 'town']);
    expect(byName.sat).toMatchObject({
      label: 'How satisfied are you with the council?',
      type: 'likert',
      options: ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied', "Don't know"],
      nonSubstantive: ["Don't know"],
    });
    expect(byName.services).toMatchObject({ label: 'Which services have you used?', type: 'multi', options: ['Bins', 'Parks', 'Libraries'], separator: '; ' });
    expect(byName.priorities).toMatchObject({ label: 'Top priorities', type: 'multi', options: ['Roads', 'Schools', 'Housing'] });
    // 99 THRU HI is user-missing: the labelled 99 and the unlabelled 120 seen in the data are non-substantive.
    expect(byName.age).toMatchObject({ type: 'numeric', nonSubstantive: ['Refused', '120'] });
    expect(byName.comment).toMatchObject({ type: 'text', label: 'Any comments?' });
    expect(byName.town!.label).toBe('Town – where you live');
    for (const column of table.described!) expect(ColumnModel.parse(column)).toEqual(column);
    table.cleanup();
    expect(fs.existsSync(table.csvPath)).toBe(false);
  });

  it('reads a bytecode-compressed Windows-1252 file to the right characters', async () => {
    const table = await readSav(write('w1252.sav', unpack(PSPP_SAV_WINDOWS_1252)));
    expect(table.encoding).toBe('windows-1252');
    expect(await duckRows(table)).toEqual(expectedRows('Short'));
    expect(table.described!.find((c) => c.name === 'town')!.label).toBe('Town – where you live');
    table.cleanup();
  });

  it('reads a big-endian file (as SPSS on a SPARC or POWER machine wrote them) exactly as its little-endian twin', async () => {
    const little = unpack(PSPP_SAV_WINDOWS_1252);
    const big = toBigEndian(little);
    expect(big.equals(little)).toBe(false);
    const [a, b] = await Promise.all([readSav(write('little.sav', little)), readSav(write('big.sav', big))]);
    expect(await duckRows(b)).toEqual(expectedRows('Short'));
    expect(b.described).toEqual(a.described);
    expect(b.described!.find((c) => c.name === 'age')).toMatchObject({ type: 'numeric', nonSubstantive: ['Refused', '120'] }); // 99 THRU HI, read from swapped doubles
    a.cleanup();
    b.cleanup();
  });

  it('says a file cut short is not complete, naming it', async () => {
    const bytes = unpack(PSPP_SAV_WINDOWS_1252);
    await expectHeardError(readSav(write('cut.sav', bytes.subarray(0, bytes.length - 40))), 'invalid_file', /^cut\.sav is not a complete SPSS file/);
    await expectHeardError(readSav(write('cut2.sav', bytes.subarray(0, 300))), 'invalid_file', /^cut2\.sav is not a complete SPSS file/);
    const z = unpack(PSPP_ZSAV_UTF8);
    await expectHeardError(readSource(write('cut.zsav', z.subarray(0, z.length - 100))), 'invalid_file', /^cut\.zsav is not a complete SPSS file/);
  });
});

describe('snakeCase', () => {
  it('makes names the contract accepts from any SPSS name', () => {
    expect(snakeCase('Q1a')).toBe('q1a');
    expect(snakeCase('Über-Frage 2')).toBe('uber_frage_2');
    expect(snakeCase('2nd_wave')).toBe('v_2nd_wave');
    expect(snakeCase('@weight')).toBe('weight');
    expect(snakeCase('___')).toBe('column');
  });
});

const spss = path.join(REAL_FIXTURES, 'survey_exports', 'spss');

describe.skipIf(!HAS_REAL_FIXTURES)('readSav: real files from pyreadstat and haven', () => {
  it('pyreadstat_sample.sav has the same respondents and values as pyreadstat_sample.csv', async () => {
    const table = await readSav(path.join(spss, 'pyreadstat_sample.sav'));
    const golden = Papa.parse<string[]>(fs.readFileSync(path.join(spss, 'pyreadstat_sample.csv'), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    const rows = await duckRows(table);
    expect(rows[0]).toEqual(golden[0]);
    expect(rows.length).toBe(golden.length);
    // The golden CSV keeps value codes and writes times with microseconds; the reader writes labels and seconds.
    const labels: Record<string, Record<string, string>> = { mylabl: { '1': 'Male', '2': 'Female' }, myord: { '1': 'low', '2': 'medium', '3': 'high' } };
    const header = golden[0]!;
    for (let r = 1; r < golden.length; r++) {
      const want = golden[r]!.map((cell, c) => labels[header[c]!]?.[cell] ?? cell.replace(/\.000000$/, '').replace(/^(\d):/, '0$1:'));
      expect(rows[r]).toEqual(want);
    }
    expect(table.described!.map((c) => c.type)).toEqual(['text', 'numeric', 'date', 'date', 'single', 'likert', 'text']);
    expect(table.described!.find((c) => c.name === 'mylabl')!.options).toEqual(['Male', 'Female']);
    table.cleanup();
  });

  it('haven_labelled-num-na.sav: a user-missing value becomes a non-substantive answer, not a dropped one', async () => {
    const table = await readSav(path.join(spss, 'haven_labelled-num-na.sav'));
    expect(await duckRows(table)).toEqual([['VAR00002'], ['This is one'], ['9']]);
    expect(table.described![0]).toMatchObject({ label: 'Only one value', type: 'single', options: ['This is one', '9'], nonSubstantive: ['9'] });
    table.cleanup();
  });

  it('haven_umlauts.sav: labels decoded in the file\'s encoding', async () => {
    const table = await readSav(path.join(spss, 'haven_umlauts.sav'));
    expect(table.described![0]).toMatchObject({ label: 'This is an ä-umlaut', options: ['the ä umlaut', 'the ü umlaut', 'the ö umlaut'] });
    expect((await duckRows(table)).slice(1).map((r) => r[0])).toEqual(['the ä umlaut', 'the ü umlaut', 'the ä umlaut', 'the ö umlaut']);
    table.cleanup();
  });

  it('haven_labelled-str.sav: a string variable with value labels', async () => {
    const table = await readSav(path.join(spss, 'haven_labelled-str.sav'));
    expect(await duckRows(table)).toEqual([['gender'], ['Male'], ['Female']]);
    expect(table.described![0]).toMatchObject({ type: 'single', options: ['Female', 'Male'] });
    table.cleanup();
  });
});

if (!HAS_REAL_FIXTURES) {
  describe('readSav: real files', () => {
    it.skip(NO_FIXTURES_REASON, () => {});
  });
}

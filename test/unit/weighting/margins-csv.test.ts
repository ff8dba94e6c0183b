import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarginsCsv } from '../../../src/weighting/margins-csv.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const message = (p: string) => {
  try {
    readMarginsCsv(p);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
};

describe('margins files', () => {
  it('reads variable columns then population, with a byte-order mark, quoted commas and thousands separators', () => {
    const p = file('age-sex.csv', '\ufeffage_band,sex,Population\r\n16-24,Female,"7,731"\r\n"75+, all",Male, 6088 \r\n\r\n');
    expect(readMarginsCsv(p)).toEqual({
      variables: ['age_band', 'sex'],
      cells: [
        { values: ['16-24', 'Female'], population: 7731 },
        { values: ['75+, all', 'Male'], population: 6088 },
      ],
    });
  });

  it('says which row is wrong and why', () => {
    expect(message(file('a.csv', 'ward,population\nCastle,many\n'))).toBe('Row 2 of a.csv (Castle) has population "many"; it must be a number, 0 or more.');
    expect(message(file('b.csv', 'ward,population\nCastle,-1\n'))).toContain('it must be a number, 0 or more');
    expect(message(file('c.csv', 'ward,population\n,10\n'))).toBe('Row 2 of c.csv has no value for ward.');
    expect(message(file('d.csv', 'ward,population\nCastle,10,3\n'))).toBe('Row 2 of d.csv has 3 values; the heading has 2.');
    expect(message(file('e.csv', 'population\n10\n'))).toContain('must have one or more variable columns and then a column called "population"');
    expect(message(file('f.csv', 'ward,population\n'))).toBe('The margins file f.csv has no rows under its heading.');
    expect(message(path.join(dir, 'missing.csv'))).toBe(`There is no margins file at ${path.join(dir, 'missing.csv')}.`);
  });
});

import { describe, expect, it } from 'vitest';
import { detectDialect, normaliseDelimiter } from '../../../../src/import/readers/dialect.js';
import { toCsv } from './support.js';

const rows = [
  ['id', 'ward', 'comment', 'score'],
  ['1', 'Cathays', 'Bins, parks; and roads', '4'],
  ['2', 'Splott', 'Line one\nline two', '5'],
  ['3', 'Grangetown', 'He said "no" | twice\tthen left', '1'],
];

describe('detectDialect', () => {
  for (const delimiter of [',', ';', '\t', '|']) {
    it(`finds ${JSON.stringify(delimiter)} even when answers contain the other delimiters`, () => {
      const dialect = detectDialect(toCsv(rows, { delimiter }));
      expect(dialect).toEqual({ delimiter, quote: '"', escape: '"' });
    });
  }

  it('prefers the delimiter that gives more columns when two split consistently', () => {
    const text = 'a;b,c,d\n1;2,3,4\n5;6,7,8\n';
    expect(detectDialect(text).delimiter).toBe(',');
  });

  it('copes with a title row above the header', () => {
    const text = 'Residents survey 2024\n' + toCsv(rows, { delimiter: ';' });
    expect(detectDialect(text).delimiter).toBe(';');
  });

  it('falls back to a comma for a one-column file', () => {
    expect(detectDialect('comment\nhello\nworld\n').delimiter).toBe(',');
  });
});

describe('normaliseDelimiter', () => {
  it('accepts names and characters, refuses nonsense', () => {
    expect(normaliseDelimiter('tab')).toBe('\t');
    expect(normaliseDelimiter('\\t')).toBe('\t');
    expect(normaliseDelimiter(';')).toBe(';');
    expect(() => normaliseDelimiter('"')).toThrow(/delimiter/);
    expect(() => normaliseDelimiter(',,')).toThrow(/delimiter/);
  });
});

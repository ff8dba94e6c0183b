import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  canonicalPostcodeSql,
  compactPostcodeSql,
  normalisePostcode,
  postcodeDistrict,
  postcodeProblemSql,
  postcodeSector,
} from '../../../src/locality/postcode.js';
import { quoteLiteral } from '../../../src/engine/sql.js';

describe('normalisePostcode', () => {
  const cases: Array<[string, string | null, string | undefined]> = [
    ['CF10 1AA', 'CF10 1AA', undefined],
    ['cf101aa', 'CF10 1AA', undefined],
    [' Cf10  1aa ', 'CF10 1AA', undefined],
    ['SW1A1AA', 'SW1A 1AA', undefined],
    ['sw1a 1aa', 'SW1A 1AA', undefined],
    ['M1 1AE', 'M1 1AE', undefined],
    ['m11ae', 'M1 1AE', undefined],
    ['B33 8TH', 'B33 8TH', undefined],
    ['W1A 0AX', 'W1A 0AX', undefined],
    ['EC1A 1BB', 'EC1A 1BB', undefined],
    ['AB1  0AA', 'AB1 0AA', undefined], // ONSPD pcd2 spacing
    ['CF10\u00a01AA', 'CF10 1AA', undefined], // non-breaking space from a spreadsheet
    ['CF10-1AA.', 'CF10 1AA', undefined],
    ['\tNP20 1AA\n', 'NP20 1AA', undefined],
    ['GIR 0AA', 'GIR 0AA', undefined],
    ['gir0aa', 'GIR 0AA', undefined],
    ['', null, 'blank'],
    ['   ', null, 'blank'],
    ['-', null, 'blank'],
    ['CF10', null, 'partial'],
    ['cf10 1', null, 'partial'],
    ['SW1A', null, 'partial'],
    ['M1', null, 'partial'],
    ['CF10 1A', null, 'invalid'],
    ['CF10 1AAA', null, 'invalid'],
    ['1AA CF10', null, 'invalid'],
    ['BFPO 1234', null, 'invalid'],
    ['BFPO 57', null, 'invalid'],
    ['n/a', null, 'invalid'],
    ['Prefer not to say', null, 'invalid'],
    ['12345', null, 'invalid'],
    ['ABC1 1AA', null, 'invalid'],
  ];
  it.each(cases)('%j → %j (%s)', (raw, postcode, problem) => {
    const result = normalisePostcode(raw);
    expect(result.postcode).toBe(postcode);
    expect(result.problem).toBe(problem);
  });

  it('gives the same answers in SQL as in TypeScript', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const inputs = [...cases.map(([raw]) => raw), null];
    const values = inputs.map((raw, i) => `(${i}, ${raw === null ? 'NULL' : quoteLiteral(raw)})`).join(', ');
    const reader = await connection.runAndReadAll(
      `SELECT i, ${canonicalPostcodeSql('c')} AS postcode, ${postcodeProblemSql('c')} AS problem
       FROM (SELECT i, ${compactPostcodeSql('raw')} AS c FROM (VALUES ${values}) t(i, raw)) ORDER BY i`,
    );
    const rows = reader.getRowObjectsJS();
    expect(rows).toHaveLength(inputs.length);
    rows.forEach((row, i) => {
      const expected = normalisePostcode(inputs[i]);
      expect({ raw: inputs[i], postcode: row.postcode, problem: row.problem ?? undefined }).toEqual({ raw: inputs[i], ...expected });
    });
    connection.closeSync();
    db.closeSync();
  });

  it('treats null and undefined as blank', () => {
    expect(normalisePostcode(null)).toEqual({ postcode: null, problem: 'blank' });
    expect(normalisePostcode(undefined)).toEqual({ postcode: null, problem: 'blank' });
  });
});

describe('postcode district and sector', () => {
  it('splits full postcodes', () => {
    expect(postcodeDistrict('cf101aa')).toBe('CF10');
    expect(postcodeSector('cf101aa')).toBe('CF10 1');
    expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A');
    expect(postcodeSector('SW1A 1AA')).toBe('SW1A 1');
    expect(postcodeDistrict('M1 1AE')).toBe('M1');
    expect(postcodeSector('GIR 0AA')).toBe('GIR 0');
  });

  it('reads partial postcodes as a district, or a sector when the last digit stands apart', () => {
    expect(postcodeDistrict('CF10')).toBe('CF10');
    expect(postcodeSector('CF10')).toBeNull();
    expect(postcodeSector('CF10 1')).toBe('CF10 1');
    expect(postcodeDistrict('CF10 1')).toBe('CF10');
    expect(postcodeSector('CF101')).toBe('CF10 1');
    expect(postcodeSector('CF1 0')).toBe('CF1 0');
    expect(postcodeDistrict('CF1 0')).toBe('CF1');
  });

  it('gives nothing for what is not a postcode', () => {
    expect(postcodeDistrict('n/a')).toBeNull();
    expect(postcodeSector('')).toBeNull();
    expect(postcodeDistrict('BFPO 1234')).toBeNull();
  });
});

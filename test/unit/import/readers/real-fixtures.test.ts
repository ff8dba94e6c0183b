import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../../src/import/readers/index.js';
import { HAS_REAL_FIXTURES, NO_FIXTURES_REASON, REAL_FIXTURES, duckRows } from './support.js';

const spectrum = path.join(REAL_FIXTURES, 'weird_csv', 'csv-spectrum');
const exports = path.join(REAL_FIXTURES, 'survey_exports');

/** Rows as objects keyed by the first row, the shape of csv-spectrum's JSON. */
function objects(rows: string[][]): Array<Record<string, string>> {
  const [header, ...data] = rows;
  return data.map((row) => Object.fromEntries(header!.map((key, i) => [key, row[i] ?? ''])));
}

describe.skipIf(!HAS_REAL_FIXTURES)('real fixtures: csv-spectrum', () => {
  const files = HAS_REAL_FIXTURES ? fs.readdirSync(spectrum).filter((f) => f.endsWith('.csv')) : [];
  it('has the files this suite expects', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });
  for (const file of files) {
    it(`${file} parses, in the preview and through DuckDB, to its JSON`, async () => {
      const expected = JSON.parse(fs.readFileSync(path.join(spectrum, 'json', file.replace(/\.csv$/, '.json')), 'utf8'));
      const table = await readSource(path.join(spectrum, file));
      expect(objects(table.preview)).toEqual(expected);
      expect(objects(await duckRows(table))).toEqual(expected);
      table.cleanup();
    });
  }
});

describe.skipIf(!HAS_REAL_FIXTURES)('real fixtures: workbooks', () => {
  it('the Spanish R survey .xlsx has the same rows as its .csv sibling', async () => {
    const base = path.join(exports, 'google_forms', 'rstudio_2019_Spanish_R_Community_Survey_Responses');
    const csv = await readSource(`${base}.csv`);
    const xlsx = await readSource(`${base}.xlsx`);
    expect(xlsx.sheet).toBe('Form Responses 1');
    const fromCsv = await duckRows(csv);
    const fromXlsx = await duckRows(xlsx);
    expect(fromXlsx.length).toBe(339);
    expect(fromXlsx.length).toBe(fromCsv.length);
    // Google Forms writes the timestamp as text in the CSV ("12/13/2019 12:02:32") and as a date cell in the XLSX.
    const iso = (us: string) => us.replace(/^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d\d):(\d\d)$/, (_, m, d, y, h, min, s) =>
      `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${min}:${s}`);
    expect(fromXlsx).toEqual(fromCsv.map((row, r) => (r === 0 ? row : [iso(row[0]!), ...row.slice(1)])));
    csv.cleanup();
    xlsx.cleanup();
  });

  it('QualtricsTools_Q5_Coded_comments.xlsx reads: sheet Coded, 5 coded comments under a heading row', async () => {
    const table = await readSource(path.join(exports, 'qualtrics', 'QualtricsTools_Q5_Coded_comments.xlsx'));
    expect(table.sheet).toBe('Coded');
    const rows = await duckRows(table);
    expect(rows.length).toBe(6);
    expect(rows[0]!.slice(0, 3)).toEqual(['ResponseID', 'varname', 'Please briefly state your position on fruit']);
    expect(rows[1]![0]).toBe('R_9RWrgh1F9m7488l');
    table.cleanup();
  });
});

describe.skipIf(!HAS_REAL_FIXTURES)('real fixtures: every survey export reads', () => {
  const files = HAS_REAL_FIXTURES
    ? fs.readdirSync(exports).flatMap((folder) => fs.readdirSync(path.join(exports, folder)).map((f) => path.join(exports, folder, f)))
    : [];
  for (const file of files) {
    it(`${path.relative(exports, file)}: DuckDB reads as many records as the preview starts with`, async () => {
      const table = await readSource(file);
      const rows = await duckRows(table, 'null_padding = true, parallel = false');
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.slice(0, table.preview.length)).toEqual(table.preview);
      table.cleanup();
    });
  }
});

if (!HAS_REAL_FIXTURES) {
  describe('real fixtures', () => {
    it.skip(NO_FIXTURES_REASON, () => {});
  });
}

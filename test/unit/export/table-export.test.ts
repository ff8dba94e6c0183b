import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrosstabRequest, HeardError, TableExportRequest, type Crosstab, type TableExportRequest as ExportInput } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { csvField, neutraliseFormula } from '../../../src/export/spreadsheet-text.js';
import { exportTable } from '../../../src/export/table-export.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { applySuppression, netMembers } from '../../../src/stats/disclosure.js';
import { crosstab } from '../../../src/tables/crosstab.js';
import { tableVariables } from '../../../src/tables/variables.js';
import { tempDir } from '../../support/temp-dir.js';

describe('formula neutralising', () => {
  it('puts an apostrophe before text a spreadsheet would run', () => {
    for (const text of ['=SUM(A1:A9)', '+44 20 7946 0000', '-cmd|calc', '@SUM(1)', '\tleading tab', '\rleading return', '=1+1']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves plain text and plain numbers alone', () => {
    for (const text of ['Very satisfied', '16-24', '-5', '+3.5', '75+', 'a=b', '', "Don't know"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('quotes CSV fields that need it, after neutralising', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('White: Welsh, English')).toBe('"White: Welsh, English"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });
});

const dir = tempDir();
let project: ProjectFile;
let waveId: number;

beforeAll(async () => {
  project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
  const [wave] = await project.read("SELECT w.id FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey' AND w.label = '2024'");
  waveId = Number(wave!.id);
}, 60_000);
afterAll(() => project?.close());

const exportRequest = (extra: Partial<ExportInput>) =>
  TableExportRequest.parse({ waveId, row: 'overall_satisfaction', col: 'age_band', weight: 'weight', format: 'xlsx', out: path.join(dir, 'table.xlsx'), ...extra });

/** What the page and the file must show for each cell: the figure to one decimal place, [c] or [x]. */
async function expected(request: ReturnType<typeof exportRequest>): Promise<{ table: Crosstab; shown: Map<string, string> }> {
  const { format: _f, out: _o, replace: _r, ...rest } = request;
  const table = await crosstab(project, CrosstabRequest.parse(rest));
  const row = (await tableVariables(project, waveId)).find((v) => v.name === request.row)!;
  const cells = applySuppression({ rows: table.rows, cells: table.cells, nets: netMembers(table.rows, row.categories), columnsAddUp: row.kind !== 'multi' });
  const shown = new Map(cells.map((c) => [`${c.row}|${c.col}`, c.shown === 'value' ? c.pct.toFixed(1) : `[${c.shown}]`]));
  return { table, shown };
}

/** Reads the exported Table sheet back: the answer rows under the "%" heading, as text to one decimal place. */
function readTable(rows: (string | number | null)[][], table: Crosstab): Map<string, string> {
  const head = rows.findIndex((r) => r[0] === table.rowLabel && r[1] === '%');
  expect(head).toBeGreaterThan(0);
  const out = new Map<string, string>();
  table.rows.forEach((row, i) => {
    const line = rows[head + 1 + i]!;
    expect(line[0]).toBe(row.label);
    table.bases.forEach((b, j) => {
      const value = line[1 + 2 * j];
      out.set(`${row.label}|${b.col}`, typeof value === 'number' ? value.toFixed(1) : String(value));
    });
  });
  return out;
}

async function xlsxRows(file: string, sheetName: string): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(sheetName)!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
    }
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

describe('tables.export', () => {
  it('writes an XLSX whose figures are the crosstab after primary and secondary suppression', async () => {
    const request = exportRequest({});
    const result = await exportTable(project, request);
    expect(result.out).toBe(path.resolve(request.out));
    const { table, shown } = await expected(request);
    const rows = await xlsxRows(result.out, 'Table');
    expect(readTable(rows, table)).toEqual(shown);
    expect(result.suppressed).toBe(table.cells.filter((c) => c.flag === 'c').length);
    // The sample's 16-24s have few very satisfied respondents: that [c] would be given away by Top 2 less Fairly
    // satisfied, so a second cell is withheld.
    expect(result.suppressed).toBeGreaterThan(0);
    expect(result.secondary).toBeGreaterThan(0);
    expect([...shown.values()].filter((v) => v === '[c]')).toHaveLength(result.suppressed + result.secondary);

    const text = rows.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain('Overall satisfaction by Age band');
    expect(text).toContain('Weight: "Design weight", a design weight from the data file (column weight).');
    expect(text).toContain('Respondents: All respondents.');
    expect(text.some((t) => t.startsWith('Source: Residents\' Survey, 2024'))).toBe(true);
    expect(text.some((t) => t.includes('Rao–Scott') && t.includes(`df ${table.test!.df}`))).toBe(true);
    expect(text.some((t) => t.startsWith('[c] Confidential'))).toBe(true);
    expect(text.some((t) => t.includes('Holm-adjusted'))).toBe(true);
    // Bases at the foot: unweighted, weighted and effective.
    const base = rows.find((r) => r[0] === 'Respondents (unweighted base)')!;
    expect(table.bases.map((_, j) => base[1 + 2 * j])).toEqual(table.bases.map((b) => b.n));
    const effective = rows.find((r) => r[0] === 'Effective base (Kish)')!;
    table.bases.forEach((b, j) => expect(effective[1 + 2 * j]).toBeCloseTo(b.n_eff, 9));
    // A scale's mean score per column (5 points), [x] where the column is too small to show.
    const mean = rows.find((r) => r[0] === 'Mean score (best answer = 5, worst = 1)')!;
    expect(table.means).not.toBeNull();
    table.bases.forEach((b, j) => {
      const m = table.means!.find((x) => x.col === b.col)!;
      if (b.flag === 'hidden') expect(mean[1 + 2 * j]).toBe('[x]');
      else expect(mean[1 + 2 * j]).toBeCloseTo(m.mean, 9);
    });
    // Letters beside the figures they belong to.
    const lettered = table.cells.find((c) => c.letters.length > 0 && shown.get(`${c.row}|${c.col}`) !== '[c]')!;
    const line = rows.find((r) => r[0] === lettered.row)!;
    const j = table.bases.findIndex((b) => b.col === lettered.col);
    expect(String(line[2 + 2 * j])).toContain(lettered.letters.join(' '));

    const cells = await xlsxRows(result.out, 'Cells');
    expect(cells[0]).toContain('95% CI lower');
    expect(cells.length).toBe(table.cells.length + 1);
  });

  it('writes the same table as CSV, with a BOM and filters in words', async () => {
    const request = exportRequest({ format: 'csv', out: path.join(dir, 'table.csv'), where: [{ column: 'sex', value: 'Female' }], weight: null });
    const result = await exportTable(project, request);
    const raw = fs.readFileSync(result.out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(raw.subarray(3).toString('utf8'), { skipEmptyLines: false }).data.map((r) => r.map((v) => (v === '' ? null : v)));
    const { table, shown } = await expected(request);
    expect(readTable(rows, table)).toEqual(shown);
    const text = rows.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain('Respondents: Only respondents whose Sex is Female.');
    expect(text).toContain('Weight: None: every respondent counts once (unweighted).');
    expect(text.some((t) => t.includes('Pearson chi-square'))).toBe(true);
    expect(rows.find((r) => r[0] === 'Weighted base')).toBeUndefined();
  });

  it('neutralises a label that a spreadsheet would run as a formula', async () => {
    const label = '=HYPERLINK("http://example.invalid","Overall")';
    const setLabel = (text: string) =>
      project.write((tx) => tx.run("UPDATE questions SET label = $2 WHERE wave_id = $1 AND name = 'overall_satisfaction'", [waveId, text]));
    await setLabel(label);
    try {
      const request = exportRequest({ out: path.join(dir, 'formula.xlsx') });
      await exportTable(project, request);
      const text = (await xlsxRows(request.out, 'Table')).flat().filter((v): v is string => typeof v === 'string');
      expect(text).toContain(`'${label}`);
      expect(text.filter((t) => /^[=+\-@\t\r]/.test(t) && !/^-?\d/.test(t))).toEqual([]);
      const cells = (await xlsxRows(request.out, 'Cells')).flat().filter((v): v is string => typeof v === 'string');
      expect(cells.filter((t) => /^[=+\-@\t\r]/.test(t) && !/^-?\d/.test(t))).toEqual([]);

      const csv = exportRequest({ format: 'csv', out: path.join(dir, 'formula.csv') });
      await exportTable(project, csv);
      const fields = Papa.parse<string[]>(fs.readFileSync(csv.out, 'utf8').replace(/^\uFEFF/, '')).data.flat();
      expect(fields).toContain(`'${label}`);
      expect(fields.filter((t) => /^[=+\-@\t\r]/.test(t) && !/^-?\d/.test(t))).toEqual([]);
    } finally {
      await setLabel('Overall satisfaction');
    }
  });

  it('refuses to replace a file unless asked, and says where the folder is missing', async () => {
    const out = path.join(dir, 'exists.csv');
    fs.writeFileSync(out, 'keep me');
    const refused = await exportTable(project, exportRequest({ format: 'csv', out })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HeardError);
    expect((refused as HeardError).code).toBe('io');
    expect((refused as HeardError).detail).toMatchObject({ exists: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    await exportTable(project, exportRequest({ format: 'csv', out, replace: true }));
    expect(fs.readFileSync(out, 'utf8')).toContain('Overall satisfaction by Age band');

    const missing = await exportTable(project, exportRequest({ out: path.join(dir, 'no', 'such', 'folder.xlsx') })).catch((e: unknown) => e);
    expect((missing as HeardError).message).toContain('does not exist');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);
  });
});

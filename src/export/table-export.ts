import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { HeardError } from '../contract/index.js';
import type { TableExportRequest, TableExportResult } from '../contract/table-export.js';
import type { Crosstab } from '../contract/tables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { applySuppression, netMembers, type DisclosedCell } from '../stats/disclosure.js';
import { crosstab } from '../tables/crosstab.js';
import { tableVariables, type TableVariableSpec } from '../tables/variables.js';
import { version } from '../version.js';
import { csvField, neutraliseFormula } from './spreadsheet-text.js';

export type ParsedTableExportRequest = z.output<typeof TableExportRequest>;

/** A figure in the sheet: kept as a number in XLSX (shown to `decimals` places), written rounded in CSV. */
interface Figure {
  value: number;
  decimals: number;
}
type Cell = string | Figure | null;
type LineStyle = 'title' | 'meta' | 'group' | 'head' | 'option' | 'net' | 'base' | 'note';

interface Line {
  cells: Cell[];
  style: LineStyle;
}

interface Layout {
  lines: Line[];
  /** How many columns the table part has (answer label + two per column of the crosstab). */
  width: number;
  /** One row per cell, for the XLSX "Cells" sheet. */
  cells: Cell[][];
  suppressed: number;
  secondary: number;
}

/**
 * Writes a crosstab to XLSX or CSV as a reader would see it, after every other step: primary and secondary suppression
 * (METHODS "Disclosure control and low bases"), [c], [x] and [low] markers, bases, the test in words, the weight, the
 * filters and a source note. The file is written beside its destination and renamed into place, so a failed export
 * leaves no half-written file behind.
 */
export async function exportTable(project: ProjectFile, request: ParsedTableExportRequest, signal?: AbortSignal): Promise<TableExportResult> {
  const out = path.resolve(request.out);
  if (!fs.existsSync(path.dirname(out))) throw new HeardError('io', `The folder ${path.dirname(out)} does not exist. Choose a folder that does.`);
  if (fs.existsSync(out) && !request.replace) {
    throw new HeardError('io', `There is already a file at ${out}. Choose another name, or replace it.`, { exists: true, path: out });
  }
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new HeardError('io', `${out} is a folder. Give a file name to save the table as.`);

  const { format, out: _out, replace: _replace, ...crosstabRequest } = request;
  const table = await crosstab(project, crosstabRequest, signal);
  const variables = await tableVariables(project, request.waveId);
  const context = await describeContext(project, request, table, variables);
  const layout = layoutTable(table, variables, context, request.alpha);

  const temporary = `${out}.part-${process.pid}`;
  try {
    if (format === 'csv') fs.writeFileSync(temporary, toCsv(layout));
    else await writeXlsx(temporary, layout, context.title);
    fs.renameSync(temporary, out);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    if (err instanceof HeardError) throw err;
    throw new HeardError('io', `Heard could not write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { out, format, suppressed: layout.suppressed, secondary: layout.secondary };
}

interface ExportContext {
  title: string;
  source: string;
  weight: string;
  respondents: string;
}

async function describeContext(project: ProjectFile, request: ParsedTableExportRequest, table: Crosstab, variables: TableVariableSpec[]): Promise<ExportContext> {
  const [wave] = await project.read(
    'SELECT s.name AS survey, w.label, w.row_count FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE w.id = $1',
    [request.waveId],
  );
  const survey = wave ? `${String(wave.survey)}, ${String(wave.label)} (${Number(wave.row_count).toLocaleString('en-GB')} respondents)` : `wave ${request.waveId}`;
  let weight = 'None: every respondent counts once (unweighted).';
  if (table.weight) {
    const [column] = await project.read("SELECT label FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [request.waveId, table.weight]);
    weight = column
      ? `"${String(column.label || table.weight)}", a design weight from the data file (column ${table.weight}).`
      : `"${table.weight}", a weight saved in Heard by raking to population figures.`;
  }
  const labelOf = (name: string) => variables.find((v) => v.name === name)?.label ?? name;
  const byColumn = new Map<string, string[]>();
  for (const f of request.where) byColumn.set(f.column, [...(byColumn.get(f.column) ?? []), f.value]);
  const respondents =
    byColumn.size === 0
      ? 'All respondents.'
      : `Only respondents whose ${[...byColumn].map(([name, values]) => `${labelOf(name)} is ${values.join(' or ')}`).join(', and whose ')}.`;
  return {
    title: table.colLabel ? `${table.rowLabel} by ${table.colLabel}` : table.rowLabel,
    source: `Source: ${survey}, in the Heard project "${project.name}". Exported by Heard ${version} on ${new Date().toISOString().slice(0, 10)}.`,
    weight,
    respondents,
  };
}

const pct = (value: number): Figure => ({ value, decimals: 1 });

/** The table as lines of cells, the same for both formats. */
export function layoutTable(table: Crosstab, variables: readonly TableVariableSpec[], context: ExportContext, alpha = 0.05): Layout {
  const rowVariable = variables.find((v) => v.name === table.row);
  const disclosed = applySuppression({
    rows: table.rows,
    cells: table.cells,
    nets: netMembers(table.rows, rowVariable?.categories ?? []),
    columnsAddUp: rowVariable?.kind !== 'multi',
  });
  const bases = table.bases;
  const cellOf = new Map(disclosed.map((c) => [`${c.col ?? ''}\u0001${c.row}`, c]));
  const width = 1 + 2 * bases.length;
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(Math.max(0, width - cells.length)).fill(null)];
  const lines: Line[] = [];
  const line = (style: LineStyle, cells: Cell[]) => lines.push({ style, cells: pad(cells) });

  line('title', [context.title]);
  line('meta', [context.source]);
  line('meta', [`Weight: ${context.weight}`]);
  line('meta', [`Respondents: ${context.respondents}`]);
  line('meta', [`Figures: column percentages among substantive answers (blanks and answers such as "Don't know" left out)${table.weight ? ', weighted' : ''}.`]);
  line('meta', []);

  const groupName = (b: Crosstab['bases'][number]) => (b.letter ? `${b.letter}: ${b.col ?? ''}` : 'All respondents');
  line('group', ['', ...bases.flatMap((b) => [groupName(b), null])]);
  line('head', [table.rowLabel, ...bases.flatMap(() => ['%', table.colLabel ? 'Higher than' : 'Note'])]);
  for (const row of table.rows) {
    const net = row.kind === 'top2' || row.kind === 'bottom2';
    line(
      net ? 'net' : 'option',
      [row.label, ...bases.flatMap((b) => figureAndNote(cellOf.get(`${b.col ?? ''}\u0001${row.label}`)))],
    );
  }
  if (table.means) {
    const points = table.rows.filter((r) => r.kind === 'option').length;
    line('base', [
      `Mean score (best answer = ${points}, worst = 1)`,
      ...bases.flatMap((b): Cell[] => {
        const mean = table.means!.find((m) => m.col === b.col);
        if (!mean) return [null, null];
        return b.flag === 'hidden' ? ['[x]', null] : [{ value: mean.mean, decimals: 2 }, baseNote(b.flag)];
      }),
    ]);
  }
  line('base', ['Respondents (unweighted base)', ...bases.flatMap((b) => [{ value: b.n, decimals: 0 }, baseNote(b.flag)])]);
  if (table.weight) {
    line('base', ['Weighted base', ...bases.flatMap((b) => [{ value: b.weighted_n, decimals: 1 }, null])]);
    line('base', ['Effective base (Kish)', ...bases.flatMap((b) => [{ value: b.n_eff, decimals: 1 }, null])]);
  }

  line('note', []);
  if (table.test) line('note', [testInWords(table, alpha)]);
  if (table.colLabel) {
    const adjusted = { holm: 'Holm-adjusted within each row', bh: 'Benjamini–Hochberg-adjusted within each row', none: 'not adjusted for multiple comparisons' }[table.comparison];
    line('note', [`Letters show the columns a figure is significantly higher than (${Math.round(100 * (1 - alpha))}%, ${adjusted}).`]);
  }
  const suppressed = disclosed.filter((c) => c.shown === 'c' && !c.secondary).length;
  const secondary = disclosed.filter((c) => c.secondary).length;
  if (suppressed + secondary > 0) {
    line('note', ['[c] Confidential: fewer than 10 respondents, or withheld so that such a figure cannot be worked out from the others.']);
  }
  if (disclosed.some((c) => c.shown === 'x')) line('note', ['[x] Not shown: fewer than 30 respondents in the column.']);
  if (disclosed.some((c) => c.low) || bases.some((b) => b.flag === 'low')) line('note', ['[low] Fewer than 50 respondents in the column: treat with caution.']);
  if (rowVariable?.kind === 'likert' && table.rows.some((r) => r.kind !== 'option' && r.kind !== 'other')) {
    line('note', ['Top 2 and Bottom 2 rows add up the two most and two least favourable answers.']);
  }
  for (const note of table.notes) line('note', [note]);

  return { lines, width, cells: cellRows(table, disclosed), suppressed, secondary };
}

function figureAndNote(cell: DisclosedCell<Crosstab['cells'][number]> | undefined): Cell[] {
  if (!cell) return [null, null];
  if (cell.shown === 'c') return ['[c]', null];
  if (cell.shown === 'x') return ['[x]', null];
  const note = [cell.low ? '[low]' : '', cell.letters.join(' ')].filter(Boolean).join(' ');
  return [pct(cell.pct), note || null];
}

function baseNote(flag: Crosstab['bases'][number]['flag']): Cell {
  return flag === 'low' ? '[low]' : flag === 'hidden' ? '[x]' : null;
}

export function testInWords(table: Crosstab, alpha = 0.05): string {
  const test = table.test!;
  const p = test.p < 0.001 ? 'p < 0.001' : `p = ${test.p.toFixed(3)}`;
  const figures = `${test.method} = ${test.statistic.toFixed(2)}, df ${Number.isInteger(test.df) ? test.df : test.df.toFixed(2)}, ${p}`;
  const by = table.colLabel ?? 'column';
  return test.p < alpha ? `Answers differ by ${by}: ${figures}.` : `No evidence that answers differ by ${by}: ${figures}.`;
}

/** The XLSX "Cells" sheet: one line per cell with every figure, suppressed ones marked as in the table. */
function cellRows(table: Crosstab, disclosed: DisclosedCell<Crosstab['cells'][number]>[]): Cell[][] {
  const header: Cell[] = ['Answer', 'Row type', 'Column', 'Letter', 'Respondents', 'Weighted count', '%', 'Standard error', '95% CI lower', '95% CI upper', 'Higher than', 'Note'];
  const kindOf = new Map(table.rows.map((r) => [r.label, { option: 'Answer', other: 'Answer (not a listed option)', top2: 'Net: top 2', bottom2: 'Net: bottom 2' }[r.kind]]));
  const letterOf = new Map(table.bases.map((b) => [b.col, b.letter]));
  return [
    header,
    ...disclosed.map((c): Cell[] => {
      const start: Cell[] = [c.row, kindOf.get(c.row) ?? null, c.col ?? 'All respondents', letterOf.get(c.col) ?? null];
      if (c.shown !== 'value') {
        const mark = c.shown === 'c' ? '[c]' : '[x]';
        return [...start, mark, mark, mark, mark, mark, mark, null, mark];
      }
      return [
        ...start,
        { value: c.n, decimals: 0 },
        { value: c.weighted_n, decimals: 1 },
        pct(c.pct),
        { value: c.se, decimals: 2 },
        c.ci ? pct(c.ci[0]) : null,
        c.ci ? pct(c.ci[1]) : null,
        c.letters.join(' ') || null,
        c.low ? '[low]' : null,
      ];
    }),
  ];
}

function toCsv(layout: Layout): Buffer {
  const text = layout.lines
    .map(({ cells }) =>
      cells
        .map((cell) => (cell === null ? '' : typeof cell === 'string' ? csvField(cell) : csvField(cell.value.toFixed(cell.decimals))))
        .join(',')
        .replace(/,+$/, ''),
    )
    .join('\r\n');
  // A BOM, so Excel reads accents (and the en dash of Rao–Scott) as UTF-8.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

const numberFormat = (decimals: number) => (decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`);

function setCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'string') {
    cell.value = neutraliseFormula(value);
    // A marker in place of a figure lines up with the figures (right); notes that start with one do not.
    if (/^\[(c|x)\]$/.test(value)) cell.alignment = { horizontal: 'right' };
    return;
  }
  cell.value = value.value;
  cell.numFmt = numberFormat(value.decimals);
}

async function writeXlsx(file: string, layout: Layout, title: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Heard ${version}`;
  workbook.title = title;
  // Printed (or saved as PDF) across one page's width, landscape, as a committee paper would carry it.
  const pageSetup = { orientation: 'landscape' as const, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const sheet = workbook.addWorksheet('Table', { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }], pageSetup });
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= layout.width; c++) sheet.getColumn(c).width = c % 2 === 0 ? 10 : 12;
  const thin = { style: 'thin' as const, color: { argb: 'FFB1B4B6' } };
  layout.lines.forEach(({ cells, style }, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, c) => setCell(row.getCell(c + 1), value));
    if (style === 'title') row.getCell(1).font = { bold: true, size: 14 };
    if (style === 'group' || style === 'head') row.font = { bold: true };
    if (style === 'head') {
      row.eachCell((cell) => (cell.border = { bottom: thin }));
      // "%" over the figures, which are right-aligned.
      for (let c = 2; c <= layout.width; c += 2) row.getCell(c).alignment = { horizontal: 'right' };
    }
    if (style === 'net') {
      row.font = { bold: true };
      for (let c = 1; c <= layout.width; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F2F1' } };
    }
    if (style === 'base') row.getCell(1).font = { italic: true };
    if (style === 'group') {
      for (let c = 2; c < layout.width; c += 2) sheet.mergeCells(i + 1, c, i + 1, c + 1);
    }
    // Long titles and notes run across the empty cells to their right rather than wrapping in a narrow first column.
  });
  const cellsSheet = workbook.addWorksheet('Cells', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup });
  layout.cells.forEach((cells, i) => {
    const row = cellsSheet.getRow(i + 1);
    cells.forEach((value, c) => setCell(row.getCell(c + 1), value));
    if (i === 0) row.font = { bold: true };
  });
  cellsSheet.columns.forEach((column, c) => (column.width = c === 0 ? 40 : c === 2 ? 24 : 14));
  await workbook.xlsx.writeFile(file);
}

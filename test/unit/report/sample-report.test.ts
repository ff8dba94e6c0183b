import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrosstabRequest, GapRequest, ReportExportRequest, ReportRequest, TrendRequest, type ReportChart, type ReportModel, type ReportTable } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { BreakdownRequest, RepresentationRequest } from '../../../src/contract/equality.js';
import { breakdown, listBenchmarks, representation } from '../../../src/equality/index.js';
import { computeGap } from '../../../src/gaps/compute-gap.js';
import { saveTarget } from '../../../src/gaps/saved-pairs.js';
import { listPairs } from '../../../src/gaps/wave-pairs.js';
import { sampleDataDir } from '../../../src/paths.js';
import { buildReport } from '../../../src/report/build-report.js';
import { exportReport } from '../../../src/report/export-report.js';
import { findChromium } from '../../../src/report/write-pdf.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { applySuppression, netMembers } from '../../../src/stats/disclosure.js';
import { crosstab } from '../../../src/tables/crosstab.js';
import { tableVariables } from '../../../src/tables/variables.js';
import { trendSeries } from '../../../src/trends/trend-series.js';
import { tempDir } from '../../support/temp-dir.js';
import { docxParagraphs, readWorkbook, unescapeXml, zipPart } from './read-back.js';

const dir = tempDir();
let project: ProjectFile;
let wave2023: number;
let wave2024: number;
let english: ReportModel;

const catalogue = (locale: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'renderer', 'i18n', `${locale}.json`), 'utf8')).report;

beforeAll(async () => {
  project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
  const waves = await project.read("SELECT w.id, w.label FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey'");
  wave2023 = Number(waves.find((w) => w.label === '2023')!.id);
  wave2024 = Number(waves.find((w) => w.label === '2024')!.id);
  english = await buildReport(project, ReportRequest.parse({ waveId: wave2024, compareWaveIds: [wave2023] }));
}, 120_000);
afterAll(() => project?.close());

/**
 * The same figure asked of the back end twice agrees to about 1e-14, not bit for bit: DuckDB sums in parallel, in no
 * fixed order. Ten decimal places is far below anything printed.
 */
const same = (a: number | null | undefined, b: number | null | undefined) => {
  if (a === null || a === undefined || b === null || b === undefined) expect(a).toBe(b);
  else expect(a).toBeCloseTo(b, 10);
};
const SECTIONS = ['summary', 'methodology', 'headline', 'responded', 'groups', 'themes', 'trends', 'appendix'];
const section = (model: ReportModel, id: string) => model.sections.find((s) => s.id === id)!;
const tableOf = (model: ReportModel, id: string) => model.sections.flatMap((s) => s.blocks).find((b): b is ReportTable => b.type === 'table' && b.id === id)!;

describe('the report model from the sample project', () => {
  it('has every section in the default order, headed in English from the catalogue', () => {
    const words = catalogue('en-GB');
    expect(english.sections.map((s) => s.id)).toEqual(SECTIONS);
    expect(english.sections.map((s) => s.heading)).toEqual(SECTIONS.map((id) => words.sections[id]));
    expect(english.title).toBe("Residents' Survey 2024: report to committee");
  });

  it('appendix figures equal tables.crosstab for the same request, withheld as the Tables export withholds them', async () => {
    const request = CrosstabRequest.parse({ waveId: wave2024, row: 'overall_satisfaction', col: 'sex', weight: 'weight' });
    const page = await crosstab(project, request);
    const total = await crosstab(project, CrosstabRequest.parse({ ...request, col: null }));
    const variable = (await tableVariables(project, wave2024)).find((v) => v.name === 'overall_satisfaction')!;
    const disclosed = applySuppression({ rows: page.rows, cells: page.cells, nets: netMembers(page.rows, variable.categories), columnsAddUp: true });
    const table = tableOf(english, 'appendix-overall_satisfaction');
    expect(table.caption).toBe('Overall satisfaction by Sex');
    expect(table.head.slice(1)).toEqual(['All respondents', ...page.bases.map((b) => `(${b.letter}) ${b.col}`)]);
    let compared = 0;
    for (const row of page.rows) {
      const line = table.rows.find((r) => r.label === row.label)!;
      same(line.cells[0]!.value, total.cells.find((c) => c.row === row.label)!.pct);
      page.bases.forEach((b, i) => {
        const cell = disclosed.find((c) => c.row === row.label && c.col === b.col)!;
        const shown = line.cells[i + 1]!;
        if (cell.shown === 'value') {
          same(shown.value, cell.pct);
          expect(shown.text.startsWith(`${cell.pct.toFixed(1)}%`)).toBe(true);
          compared++;
        } else expect(shown).toEqual({ text: cell.shown === 'c' ? '[c]' : '[x]', value: null });
      });
    }
    expect(compared).toBeGreaterThan(5);
    const bases = table.rows.find((r) => r.kind === 'base')!;
    expect(bases.cells.map((c) => c.value)).toEqual([total.bases[0]!.n, ...page.bases.map((b) => b.n)]);
  });

  it('headline gaps equal gaps.compute (own bases, top two boxes)', async () => {
    const { pairs } = await listPairs(project, wave2024);
    const table = tableOf(english, 'headline-gaps');
    expect(table.rows).toHaveLength(pairs.length);
    for (const pair of pairs) {
      const page = await computeGap(project, GapRequest.parse({ waveId: wave2024, importance: pair.importance.name, satisfaction: pair.satisfaction.name, weight: 'weight', itemChart: false }));
      const row = table.rows.find((r) => r.label === page.label)!;
      same(row.cells[0]!.value, page.headline.importance.estimate);
      same(row.cells[1]!.value, page.headline.satisfaction.estimate);
      same(row.cells[2]!.value, page.headline.gap);
    }
  });

  it('year-on-year figures equal trends.series, and the change is called significant exactly when p < 0.05', async () => {
    const table = tableOf(english, 'trends-table');
    expect(table.head).toEqual(['Question', '2023', '2024', 'Change (points)', 'Significant change?']);
    const variables = await tableVariables(project, wave2024);
    for (const question of variables.filter((v) => v.kind === 'likert')) {
      const series = await trendSeries(project, TrendRequest.parse({ waveIds: [wave2023, wave2024], question: question.name, weight: 'weight' }));
      const row = table.rows.find((r) => r.label === question.label)!;
      series.waves.forEach((w, i) => same(row.cells[i]!.value, w.estimate));
      same(row.cells[2]!.value, series.change!.estimate);
      expect(row.cells[3]!.text).toBe(series.change!.p < 0.05 ? 'Yes' : 'No');
    }
  });

  it('methodology states the responses, the weight and its efficiency, the margin of error and the GSS symbols', () => {
    const text = JSON.stringify(section(english, 'methodology').blocks);
    expect(text).toContain('2,468 responses');
    expect(text).toMatch(/weighting efficiency is \d+\.\d%/);
    expect(text).toMatch(/margin of error is about ±\d\.\d percentage points/);
    for (const symbol of ['[c]', '[low]', '[x]', '[z]']) expect(text).toContain(symbol);
  });

  it('the summary quotes only figures its sections show', () => {
    const summary = section(english, 'summary').blocks.find((b) => b.type === 'list')!;
    if (summary.type !== 'list') throw new Error('no findings');
    expect(summary.items[0]).toBe("2,468 people responded to Residents' Survey 2024.");
    const gaps = tableOf(english, 'headline-gaps');
    const largest = gaps.rows.reduce((a, b) => (b.cells[2]!.value! > a.cells[2]!.value! ? b : a));
    expect(summary.items.some((i) => i.includes(`for ${largest.label}: ${largest.cells[2]!.text} percentage points`))).toBe(true);
  });

  it('reports progress section by section, and stops when cancelled', async () => {
    const seen: (string | undefined)[] = [];
    await buildReport(project, ReportRequest.parse({ waveId: wave2024, sections: ['methodology', 'summary'] }), undefined, (p) => seen.push(p.message));
    expect(seen).toEqual(['methodology', 'summary', undefined]);
    const controller = new AbortController();
    controller.abort();
    await expect(buildReport(project, ReportRequest.parse({ waveId: wave2024 }), controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('follows the chosen sections and order', async () => {
    const model = await buildReport(project, ReportRequest.parse({ waveId: wave2024, sections: ['appendix', 'methodology'], weight: null }));
    expect(model.sections.map((s) => s.id)).toEqual(['appendix', 'methodology']);
    expect(JSON.stringify(model)).toContain('not weighted');
  });

  it('is written in Welsh from the Welsh catalogue', async () => {
    const words = catalogue('cy');
    const welsh = await buildReport(project, ReportRequest.parse({ waveId: wave2024, compareWaveIds: [wave2023], lang: 'cy' }));
    expect(welsh.lang).toBe('cy');
    expect(welsh.sections.map((s) => s.heading)).toEqual(SECTIONS.map((id) => words.sections[id]));
    expect(welsh.sections[0]!.heading).toBe("Crynodeb o'r prif ganfyddiadau");
    expect(welsh.title).toContain("adroddiad i'r pwyllgor");
    // The same figures, in either language.
    const englishRows = tableOf(english, 'appendix-overall_satisfaction').rows;
    tableOf(welsh, 'appendix-overall_satisfaction').rows.forEach((r, i) => r.cells.forEach((c, j) => same(c.value, englishRows[i]!.cells[j]!.value)));
  });
});

describe('the report written to each format and read back', () => {
  const out = (name: string) => path.join(dir, name);
  const write = (format: 'docx' | 'html' | 'xlsx' | 'pdf', extra: Record<string, unknown> = {}) =>
    exportReport(project, ReportExportRequest.parse({ waveId: wave2024, compareWaveIds: [wave2023], format, out: out(`report.${format}`), ...extra }));

  it('DOCX: Word heading styles, a table of contents, repeating header rows, charts with alt text, page numbers', async () => {
    const result = await write('docx');
    expect(result.sections).toEqual(SECTIONS);
    const document = await zipPart(result.out, 'word/document.xml');
    const paragraphs = docxParagraphs(document);
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(english.sections.map((s) => s.heading));
    expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe(english.title);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toContain('Weighting');
    expect(document).toMatch(/<w:instrText[^>]*>TOC /);
    const tables = document.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBe(english.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'table').length);
    expect((document.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.length);
    const alt = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    const charts = english.sections.flatMap((s) => s.blocks).filter((b): b is ReportChart => b.type === 'chart');
    expect(alt).toHaveLength(charts.length);
    expect(alt.map((a) => unescapeXml(a!))).toContain(charts.find((c) => c.id === 'headline-chart')!.alt);
    expect(await zipPart(result.out, 'word/styles.xml')).toContain('w:styleId="Heading1"');
    const footer = await zipPart(result.out, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(document).toContain('<w:t xml:space="preserve">Overall satisfaction by Sex</w:t>');
  });

  it('XLSX: a contents sheet, then one sheet per table with its figures as numbers, bases and symbols', async () => {
    const result = await write('xlsx');
    const workbook = await readWorkbook(result.out);
    const tables = english.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.type === 'table');
    expect(workbook.worksheets).toHaveLength(1 + tables.length);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(english.title);
    const sheet = workbook.worksheets.find((w) => w.getCell('A1').value === 'Overall satisfaction by Sex')!;
    const model = tableOf(english, 'appendix-overall_satisfaction');
    expect(sheet.getRow(3).values).toEqual([undefined, ...model.head]);
    const top = sheet.getRow(4 + model.rows.findIndex((r) => r.label.startsWith('Top 2')));
    same(top.getCell(2).value as number, model.rows.find((r) => r.label.startsWith('Top 2'))!.cells[0]!.value);
    const base = sheet.getRow(4 + model.rows.findIndex((r) => r.kind === 'base'));
    expect(base.getCell(1).value).toBe('Respondents (unweighted base)');
    expect(typeof base.getCell(2).value).toBe('number');
  });

  it('HTML: one self-contained file, in the language of the report, with no script or outside reference', async () => {
    const result = await write('html', { lang: 'cy' });
    const html = fs.readFileSync(result.out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="cy">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('<h2 id="section-summary">Crynodeb o&#39;r prif ganfyddiadau</h2>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="headline-chart-title headline-chart-desc"/);
    expect(html).toContain('<caption>');
    expect(html).toContain('<th scope="col">');
  });

  it('PDF: printed by headless Chromium where there is one', async (ctx) => {
    if (!findChromium()) ctx.skip();
    const result = await write('pdf');
    const bytes = fs.readFileSync(result.out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
  }, 120_000);

  it('refuses a file name whose extension is not the format, and an existing file unless told to replace it', async () => {
    await expect(exportReport(project, ReportExportRequest.parse({ waveId: wave2024, format: 'docx', out: out('report.doc') }))).rejects.toThrow(/ending \.docx/);
    fs.writeFileSync(out('taken.html'), 'mine');
    await expect(exportReport(project, ReportExportRequest.parse({ waveId: wave2024, format: 'html', out: out('taken.html') }))).rejects.toThrow(/already a file/);
    expect(fs.readFileSync(out('taken.html'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);
  });
});

describe('equality sections', () => {
  it('who responded: equality.representation against the saved benchmark, small groups withheld', async () => {
    const [benchmark] = await listBenchmarks(project);
    const page = await representation(project, RepresentationRequest.parse({ waveId: wave2024, variable: 'ethnic_group', source: { benchmarkId: benchmark!.id } }));
    const table = tableOf(english, 'responded-ethnic_group');
    expect(table.rows.filter((r) => r.kind === 'option').map((r) => r.label)).toEqual(page.categories.map((c) => c.category));
    let withheld = 0;
    for (const c of page.categories) {
      const row = table.rows.find((r) => r.label === c.category)!;
      same(row.cells[2]!.value, c.population_share);
      if (c.n < 10) {
        withheld++;
        expect([row.cells[0]!.text, row.cells[1]!.text, row.cells[3]!.text]).toEqual(['[c]', '[c]', '[c]']);
      } else {
        expect(row.cells[0]!.value).toBe(c.n);
        same(row.cells[1]!.value, c.share);
        same(row.cells[3]!.value, c.ri);
      }
    }
    // The sample's ethnic groups include some with fewer than 10 respondents.
    expect(withheld).toBeGreaterThan(0);
  });

  it('results by group: equality.breakdown for each satisfaction question, with its [c], [x] and significance', async () => {
    const table = tableOf(english, 'groups-ethnic_group');
    const page = await breakdown(project, BreakdownRequest.parse({ waveId: wave2024, outcome: 'overall_satisfaction', by: 'ethnic_group', weight: 'weight' }));
    const column = table.head.indexOf('Overall satisfaction');
    expect(column).toBeGreaterThan(0);
    same(table.rows[0]!.cells[column - 1]!.value, page.overall.estimate);
    for (const g of page.groups) {
      const cell = table.rows.find((r) => r.label === g.group)!.cells[column - 1]!;
      if (g.flag === 'c') expect(cell.text).toBe('[c]');
      else if (g.flag === 'hidden') expect(cell.text).toBe('[x]');
      else {
        same(cell.value, g.estimate);
        expect(cell.text.endsWith('↑') || cell.text.endsWith('↓')).toBe(g.significant);
      }
    }
    expect(page.groups.some((g) => g.flag === 'c')).toBe(true);
  });
});

describe('targets saved on the Gaps page', () => {
  it('appear beside their gap with the status gaps.compute gives', async () => {
    const { pairs } = await listPairs(project, wave2024);
    const pair = pairs.find((p) => p.importance.name === 'roads_importance')!;
    const target = { value: 30, year: 2026, direction: 'lower' as const, baseline: { value: 60, year: 2023 } };
    await saveTarget(project, wave2024, { importance: pair.importance.name, satisfaction: pair.satisfaction.name }, target);
    const model = await buildReport(project, ReportRequest.parse({ waveId: wave2024, sections: ['headline'] }));
    const table = tableOf(model, 'headline-gaps');
    expect(table.head.slice(-2)).toEqual(['Target (points)', 'Progress']);
    const page = await computeGap(project, GapRequest.parse({ waveId: wave2024, importance: pair.importance.name, satisfaction: pair.satisfaction.name, weight: 'weight', itemChart: false, target }));
    const words = { met: 'Met', on_track: 'On track', not_met: 'Short of the target', cannot_tell: 'Cannot tell yet' };
    const row = table.rows.find((r) => r.label === page.label)!;
    expect(row.cells.slice(-2).map((c) => c.text)).toEqual(['30.0 by 2026', words[page.target!.status]]);
    // A gap of 65 points against a path from 60 (2023) to 30 (2026): short of where the path stands in 2024 (50).
    expect(page.target!.status).toBe('not_met');
    expect(table.rows.filter((r) => r !== row).every((r) => r.cells.slice(-2).every((c) => c.text === '[z]'))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrosstabRequest, ReportExportRequest, ReportRequest, type ReportTable } from '../../../src/contract/index.js';
import { main } from '../../../src/cli.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importDescribedCsv } from '../../../src/import/import-described-csv.js';
import { createCodeframe } from '../../../src/themes/codeframe-store.js';
import { importCodes } from '../../../src/themes/import-codes.js';
import { attachCodeframe } from '../../../src/themes/question-coding.js';
import { buildReport } from '../../../src/report/build-report.js';
import { exportReport } from '../../../src/report/export-report.js';
import { findChromium } from '../../../src/report/write-pdf.js';
import type { DescribedColumn } from '../../../src/sample/manifest.js';
import { crosstab } from '../../../src/tables/crosstab.js';
import { tempDir } from '../../support/temp-dir.js';
import { readWorkbook, workbookCells, zipPart } from './read-back.js';

/**
 * A small survey whose labels, answers and free text are hostile (spreadsheet formulas, markup, a script), with
 * groups small enough that disclosure control must withhold figures. 46 respondents: 30 of group A, 10 of B,
 * 6 of the scripted group.
 */
const dir = tempDir();
const file = path.join(dir, 'hostile.heard');
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const SCALE = ['Very satisfied', 'Fairly satisfied', 'Neither', 'Fairly dissatisfied', 'Very dissatisfied'];
const IMPORTANCE = ['Very important', 'Fairly important', 'Not very important', 'Not at all important'];
const LABEL = '=1+1 <b>Rating</b> of services';
const PERSONAL = 'Call Sarah Jones on 07700 900123 or sarah.jones@example.com, <script>alert(2)</script>';

const column = (header: string, name: string, type: DescribedColumn['type'], role: DescribedColumn['role'], options: string[] = []): DescribedColumn =>
  ({ header, name, label: header, type, role, options, nonSubstantive: [] }) as DescribedColumn;
const COLUMNS = [
  column('ID', 'id', 'id', 'respondent_id'),
  column('Group', 'grp', 'single', 'demographic', ['A', 'B', SCRIPT]),
  column(`${LABEL}: importance`, 'service_importance', 'likert', 'importance', IMPORTANCE),
  column(`${LABEL}: satisfaction`, 'service_satisfaction', 'likert', 'satisfaction', [...SCALE]),
  column('Comments', 'comments', 'text', 'none'),
];
const group = (i: number) => (i < 30 ? 'A' : i < 40 ? 'B' : SCRIPT);
const ROWS = Array.from({ length: 46 }, (_, i) => [
  String(i + 1),
  group(i),
  IMPORTANCE[i % 3]!,
  SCALE[(i * 7) % 5]!,
  i === 0 ? PERSONAL : i % 2 === 0 ? FORMULA : `${SCRIPT} @SUM(1)`,
]);
const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

let waveId: number;

beforeAll(async () => {
  const csv = path.join(dir, 'hostile.csv');
  fs.writeFileSync(csv, `${[COLUMNS.map((c) => c.header), ...ROWS].map((r) => r.map(csvField).join(',')).join('\n')}\n`);
  const project = await ProjectFile.create(file);
  try {
    waveId = await project.write(async (tx) => {
      const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Hostile', 'survey') RETURNING id");
      return importDescribedCsv(tx, { surveyId: Number(s!.id), label: '2024', year: 2024, file: csv, columns: COLUMNS });
    });
    // The comments coded into two themes with hostile names: one everybody mentions, one only 5 people do.
    const codeframeId = await project.write((tx) =>
      createCodeframe(tx, 'Hostile frame', '', [
        { code: 'SAFE', name: 'Safety <script>alert(3)</script>' },
        { code: 'COST', name: '=Cost+1' },
      ]),
    );
    await attachCodeframe(project, { waveId, question: 'comments', codeframeId });
    const codes = path.join(dir, 'codes.csv');
    fs.writeFileSync(codes, `ID,SAFE,COST\n${ROWS.map((r, i) => `${r[0]},1,${i < 5 ? 1 : 0}`).join('\n')}\n`);
    await importCodes(project, { waveId, question: 'comments', path: codes });
  } finally {
    await project.close();
  }
}, 60_000);

const withProject = async <T>(work: (p: ProjectFile) => Promise<T>) => {
  const project = await ProjectFile.open(file);
  try {
    return await work(project);
  } finally {
    await project.close();
  }
};

describe('a small survey', () => {
  it('withholds figures resting on fewer than 10 respondents as [c], as the Tables page does', async () => {
    const [model, page] = await withProject(async (p) => [
      await buildReport(p, ReportRequest.parse({ waveId })),
      await crosstab(p, CrosstabRequest.parse({ waveId, row: 'service_satisfaction', col: 'grp' })),
    ]);
    const table = model.sections.flatMap((s) => s.blocks).find((b): b is ReportTable => b.type === 'table' && b.id === 'appendix-service_satisfaction')!;
    // Group B has 10 respondents over five answers: every answer cell counts fewer than 10.
    const b = 1 + table.head.slice(1).findIndex((h) => h.endsWith(' B'));
    const answers = table.rows.filter((r) => r.kind === 'option');
    expect(answers.every((r) => r.cells[b - 1]!.text === '[c]' || r.cells[b - 1]!.text === '[x]')).toBe(true);
    expect(JSON.stringify(table)).toContain('[c]');
    // No shown figure anywhere rests on fewer than 10 respondents.
    for (const row of table.rows.filter((r) => r.kind !== 'base')) {
      row.cells.slice(1).forEach((cell, i) => {
        const col = page.bases[i]!.col;
        const source = page.cells.find((c) => c.row === row.label && c.col === col)!;
        if (cell.value !== null) expect(source.n).toBeGreaterThanOrEqual(10);
      });
    }
    // The [x] of a column whose base is under 30 (B, the scripted group), [low] under 50 (A).
    expect(table.rows.find((r) => r.kind === 'base')!.cells.map((c) => c.text)).toEqual(['46 [low]', '30 [low]', '10 [x]', '6 [x]']);
    expect(JSON.stringify(model.sections.find((s) => s.id === 'methodology'))).toContain('[c] confidential');
  });
});

describe('themes from free text', () => {
  it('counts themes as themes.summary does, withholds a theme under 10, and quotes with personal details masked', async () => {
    const model = await withProject((p) => buildReport(p, ReportRequest.parse({ waveId, sections: ['themes'] })));
    const blocks = model.sections[0]!.blocks;
    const table = blocks.find((b): b is ReportTable => b.type === 'table')!;
    expect(table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([
      ['Safety <script>alert(3)</script>', '46', '100.0%'],
      ['=Cost+1', '[c]', '[c]'],
    ]);
    const quotes = blocks.filter((b) => b.type === 'quote').map((b) => (b.type === 'quote' ? b.text : ''));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toBe('Call [name] on [phone] or [email], <script>alert(2)</script>');
    // Only the theme shown is quoted.
    expect(blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('What people said about'))).toHaveLength(1);
  });
});

describe('hostile labels and answers are written safely in every format', () => {
  const write = (format: 'docx' | 'html' | 'xlsx' | 'pdf') =>
    withProject((p) => exportReport(p, ReportExportRequest.parse({ waveId, format, out: path.join(dir, `hostile.${format}`), replace: true })));

  it('HTML: markup in labels and answers is shown as text, never run', async () => {
    const html = fs.readFileSync((await write('html')).out, 'utf8');
    expect(html).not.toMatch(/<script|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=1+1 &lt;b&gt;Rating&lt;/b&gt; of services');
  });

  it('DOCX: the same text, escaped in the XML', async () => {
    const document = await zipPart((await write('docx')).out, 'word/document.xml');
    expect(document).not.toMatch(/<script|<b>/);
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('XLSX: text that a spreadsheet would run as a formula is stored with a leading apostrophe', async () => {
    const cells = workbookCells(await readWorkbook((await write('xlsx')).out));
    const strings = cells.map(([, , v]) => (typeof v === 'object' && v !== null && 'text' in v ? String(v.text) : v)).filter((v): v is string => typeof v === 'string');
    const risky = strings.filter((s) => /^[=+\-@]/.test(s) && !Number.isFinite(Number(s)));
    expect(risky).toEqual([]);
    expect(strings.some((s) => s.startsWith(`'${LABEL}`))).toBe(true);
    expect(cells.some(([, , v]) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });

  it('PDF: printed from the escaped HTML', async (ctx) => {
    if (!findChromium()) ctx.skip();
    const bytes = fs.readFileSync((await write('pdf')).out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});

describe('heard report', () => {
  const run = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['report', '--project', file, '--data-dir', path.join(dir, 'data'), ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
    return { code, stdout, stderr };
  };

  it('writes the file and prints its path and sections', async () => {
    const out = path.join(dir, 'cli.html');
    const result = await run('--survey', 'Hostile', '--out', out, '--sections', 'methodology,appendix', '--lang', 'cy', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ out, sections: ['methodology', 'appendix'] });
    expect(fs.readFileSync(out, 'utf8')).toContain('<html lang="cy">');
  });

  it('says what is wrong with a bad format, section or language', async () => {
    for (const [args, message] of [
      [['--out', path.join(dir, 'x.txt')], /--out must end \.docx, \.html, \.xlsx or \.pdf/],
      [['--out', path.join(dir, 'x.html'), '--sections', 'summary,equality'], /no section "equality"/],
      [['--out', path.join(dir, 'x.html'), '--lang', 'fr'], /--lang must be en or cy/],
    ] as const) {
      const result = await run('--survey', 'Hostile', ...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });
});

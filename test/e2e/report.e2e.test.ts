import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel, ReportTable, SurveySummary } from '../../src/contract/index.js';
import { tempDir } from '../support/temp-dir.js';
import { ReportPage } from './pages/ReportPage.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";
const dir = tempDir('heard-report-e2e-');

let app: RunningApp;
let page: Page;
let report: ReportPage;
let survey: SurveySummary;
const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

beforeAll(async () => {
  app = await startApp();
  survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY)!;
  page = await app.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  report = new ReportPage(page);
});
afterAll(async () => {
  await app?.close();
});

const wave = (label: string) => survey.waves.find((w) => w.label === label)!.id;
const tableIn = (model: ReportModel, id: string) => model.sections.flatMap((s) => s.blocks).find((b): b is ReportTable => b.type === 'table' && b.id === id)!;

describe('the Report page', () => {
  it('opens on the latest wave, compared with the one before, every section ticked; no accessibility violations', async () => {
    await report.open(app.host.port);
    expect(Number(await report.wave.inputValue())).toBe(wave('2024'));
    expect(await report.compareWave('2023').isChecked()).toBe(true);
    expect(await report.sectionOrder()).toEqual([
      'Summary of key findings',
      'Methodology',
      'Headline indicators and targets',
      'Who responded compared with the population',
      'Results by group',
      'Themes from free text',
      'Year on year',
      'Appendix tables',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'report-form');
  });

  it('reorders sections with the keyboard, keeping focus on the moved section and announcing where it went', async () => {
    await report.moveDown('Summary of key findings').focus();
    await page.keyboard.press('Enter');
    expect((await report.sectionOrder()).slice(0, 2)).toEqual(['Methodology', 'Summary of key findings']);
    expect(await new Shell(page).focused()).toBe('button:Move Summary of key findings down');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'now section 2 of 8' }).count()).toBe(1);
    // Back to the top: its Up button is then disabled, so focus moves to its Down button.
    await report.moveUp('Summary of key findings').focus();
    await page.keyboard.press('Space');
    expect((await report.sectionOrder()).slice(0, 2)).toEqual(['Summary of key findings', 'Methodology']);
    expect(await report.moveUp('Summary of key findings').isDisabled()).toBe(true);
    expect(await new Shell(page).focused()).toBe('button:Move Summary of key findings down');
    // Leave the themes out (the sample's free text is not coded).
    await report.section('Themes from free text').focus();
    await page.keyboard.press('Space');
    expect(await report.section('Themes from free text').isChecked()).toBe(false);
  });

  it('previews the report with the figures report.build gives, and the same numbers as the Tables page', async () => {
    await report.showButton.click();
    await report.preview.waitFor();
    await expect.poll(() => new Shell(page).focused()).toBe('h2:Preview');
    const model = await app.oracle.call('report.build', { waveId: wave('2024'), compareWaveIds: [wave('2023')], sections: ['summary', 'methodology', 'headline', 'responded', 'groups', 'trends', 'appendix'], lang: 'en' });
    expect(await report.previewHeadings()).toEqual(model.sections.map((s) => s.heading));
    const appendix = tableIn(model, 'appendix-overall_satisfaction');
    const shown = await report.table(appendix.caption);
    expect(shown.head).toEqual(appendix.head);
    expect(shown.rows).toEqual(appendix.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]));
    // The Tables page's request for the same table: every shown figure is its percentage to one decimal place.
    const table = await app.oracle.call('tables.crosstab', { waveId: wave('2024'), row: 'overall_satisfaction', col: 'sex', weight: 'weight' });
    for (const cell of table.cells) {
      const at = appendix.head.findIndex((h) => h.endsWith(` ${cell.col}`));
      const text = shown.rows.find((r) => r[0] === cell.row)![at]!;
      if (!text.startsWith('[')) expect(text.startsWith(`${cell.pct.toFixed(1)}%`)).toBe(true);
    }
    // Charts are drawn from the same model, with their text alternative.
    const chart = page.locator('.report-preview svg[role="img"]').first();
    expect(await chart.getAttribute('aria-labelledby')).toMatch(/title .*desc$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await screenshot(page, 'report-preview');
    await page.locator('.report-preview table').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'report-preview-table');
  });

  it('previews in Welsh with Welsh headings', async () => {
    await report.language('Cymraeg').check();
    await report.showButton.click();
    await report.preview.getByRole('heading', { level: 3, name: "Crynodeb o'r prif ganfyddiadau" }).waitFor();
    expect(await report.preview.getAttribute('lang')).toBe('cy');
    expect(await seriousViolations(page)).toEqual([]);
    await report.language('English').check();
  });

  it('saves the report as HTML, which passes axe in Chromium with no serious or critical violations', async () => {
    await report.format('Web page (.html)').check();
    const out = path.join(dir, 'committee.html');
    await report.path.fill(out);
    await report.saveButton.click();
    await report.saved.waitFor({ timeout: 60_000 });
    expect(await report.saved.innerText()).toContain(out);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en-GB">');
    const file = await app.newPage();
    await file.goto(`file://${out}`);
    expect(await file.getByRole('heading', { level: 1 }).innerText()).toBe("Residents' Survey 2024: report to committee");
    expect(await seriousViolations(file)).toEqual([]);
    await screenshot(file, 'report-html-file');
    await file.close();
  });

  it('asks before replacing a file, and says so when it is kept', async () => {
    await report.saveButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'There is already a file' });
    await alert.waitFor();
    await expect.poll(() => new Shell(page).focused()).toMatch(/There is already a file/);
    await alert.getByRole('button', { name: 'Replace it' }).click();
    await report.saved.waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { DataPage } from './pages/DataPage.js';
import { ImportWizard } from './pages/ImportWizard.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { installFakeShell, type FakeShellState } from './support/fake-shell.js';
import { holdCallsUntilCancelled } from './support/held-calls.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = 'Parks and open spaces survey';
const HEADINGS = [
  'Respondent ID',
  'Age band',
  'How satisfied are you with your local area as a place to live?',
  'How many years have you lived in the area?',
  'How many people live in your household?',
  'Is there anything else you would like to tell us?',
];
const AGES = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75 or over'];
const SATISFACTION = ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied', "Don't know"];
/** The third respondent wrote a word where a number belongs: one flagged value, on row 3. */
const YEARS = ['3', '12', 'twelve', '7', '25', '1', '40', '15', '2', '9', '30', '5', '18', '22', '6', '11', '4', '35', '8', '14'];
const HOUSEHOLD = ['1', '2', '3', '4', '2', '1', '5', '2', '3', '2', '1', '4', '2', '3', '1', '2', '6', '2', '3', '1'];
const HYPERLINK = '=HYPERLINK("http://example.com/win","Click here")';
const SCRIPT = '<script>window.heardXss = 1</script>';
const COMMENTS = [
  'The park by the library needs more bins.',
  HYPERLINK,
  'Buses from the estate stop too early in the evening.',
  SCRIPT,
  'Street lighting on Mill Lane has been broken for months.',
  'More activities for teenagers during the holidays, please.',
  '',
  'The new cycle lane is great but the junction is dangerous.',
  'Bin collections have got worse since the change to fortnightly.',
  'I feel safe walking at night in the town centre.',
  'Parking near the surgery is impossible on weekdays.',
  '',
  'Please keep the leisure centre pool open in the mornings.',
  'The market has really improved this year.',
  'Pavements are uneven and hard with a pushchair.',
  'Dog fouling on the school route is a problem.',
  'Good range of shops but too many empty units.',
  'Council tax is high for what we get.',
  'The library staff are wonderful.',
  'Potholes on Station Road need fixing.',
];
const ROWS = YEARS.length;

/** Windows-1252 headings with é and ’, as Excel on a British PC saves them. */
const LATIN_HEADINGS = ['Réf', 'Café opening hours', 'Residents’ comments'];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function surveyCsv(headings: readonly string[], rows: readonly string[][]): string {
  return [headings, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const dir = tempDir('heard-import-e2e-');
const plainCsv = path.join(dir, 'parks-survey-2025.csv');
const latinCsv = path.join(dir, 'cafe-survey-1252.csv');
const wideCsv = path.join(dir, 'service-ratings-wide.csv');
const binaryFile = path.join(dir, 'photo.csv');
const workbook = path.join(dir, 'library-survey.xlsx');
/** Councils' surveys run to 200 columns: the review must stay usable at that size. */
const WIDE_COLUMNS = 150;

let app: RunningApp;
let page: Page;
let wizard: ImportWizard;

beforeAll(async () => {
  const rows = YEARS.map((years, i) => [`R${String(i + 1).padStart(3, '0')}`, AGES[i % 7]!, SATISFACTION[i % 6]!, years, HOUSEHOLD[i]!, COMMENTS[i]!]);
  fs.writeFileSync(plainCsv, surveyCsv(HEADINGS, rows), 'utf8');
  const latinRows = ['Très bien', 'Not open late enough', 'Fine', 'Café needs a ramp'].map((comment, i) => [`${i + 1}`, ['9am–5pm', '8am–6pm'][i % 2]!, comment]);
  fs.writeFileSync(latinCsv, iconv.encode(surveyCsv(LATIN_HEADINGS, latinRows), 'windows-1252'));
  const wideHeadings = ['ID', ...Array.from({ length: WIDE_COLUMNS - 1 }, (_, i) => `Satisfaction with service ${i + 1}`)];
  const wideRows = Array.from({ length: 30 }, (_, r) => [`W${r + 1}`, ...wideHeadings.slice(1).map((_, c) => SATISFACTION[(r + c) % 5]!)]);
  fs.writeFileSync(wideCsv, surveyCsv(wideHeadings, wideRows), 'utf8');

  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRows([['Library survey 2025'], ['Exported from the survey tool on 1 June 2025']]);
  const visits = ['Every week', 'Every month', 'Less often', 'Never'];
  book.addWorksheet('Responses').addRows([
    ['Member number', 'How often do you visit the library?'],
    ...Array.from({ length: 12 }, (_, i) => [1000 + i, visits[i % 4]!]),
  ]);
  await book.xlsx.writeFile(workbook);

  app = await startApp();
  page = await app.newPage();
  wizard = new ImportWizard(page);
  await new DataPage(page).heading.waitFor();
});
afterAll(async () => {
  await app?.close();
});

/** What the Data page shows, once it has loaded: to check that cancelling left it exactly as it was. */
async function dataPageText(p: Page): Promise<string> {
  await p.goto(`http://127.0.0.1:${app.host.port}/#/data`);
  const data = new DataPage(p);
  await data.heading.waitFor();
  await p.waitForFunction(() => !document.querySelector('[role="status"]'));
  return p.getByRole('main').innerText();
}

async function settle(p: Page): Promise<void> {
  await p.waitForFunction(() => !document.querySelector('main [role="status"]:not(:empty):not(.column-filter-status)'), undefined, {
    timeout: 30_000,
  });
}

// One officer's afternoon, in order: each test starts where the previous one left off.
describe('importing a survey export through the wizard', () => {
  let before: string;
  let surveysBefore: number;

  it('opens the wizard from the Data page', async () => {
    before = await dataPageText(page);
    surveysBefore = (await app.oracle.surveys()).length;
    await wizard.openFromData();
    await screenshot(page, 'import-choose');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says what is missing when Continue is pressed too soon', async () => {
    await page.getByLabel('Name of the survey or consultation').fill('');
    await wizard.continue();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Enter the location of the file to import.');
    await screenshot(page, 'import-choose-errors');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads the file and shows what Heard found', async () => {
    await wizard.readAndReview(plainCsv, { survey: SURVEY, wave: '2025', year: '2025' });
    expect(await wizard.fact('Layout')).toBe('Plain table (one heading row)');
    expect(await wizard.fact('Text encoding')).toBe('UTF-8');
    expect(await wizard.fact('Separator between columns')).toContain('Comma');
    expect(await wizard.labels()).toEqual(HEADINGS);
    await screenshot(page, 'import-review');
    // The scale is listed in order, "Don't know" marked as not counted.
    const scale = await wizard.columnRow(HEADINGS[2]!);
    expect(await wizard.selectedText(wizard.typeSelect(HEADINGS[2]!))).toBe('Scale (Likert)');
    await scale.getByText(/^All \d+ answers/).click();
    await expect.poll(() => scale.locator('.options-list li').allInnerTexts()).toEqual([
      ...SATISFACTION.slice(0, 5),
      "Don't know (not counted)",
    ]);
    // Respondents' text is shown as text in the sample column.
    expect(await (await wizard.columnRow(HEADINGS[5]!)).innerText()).toContain(HYPERLINK);
    await scale.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-review-columns');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is keyboard operable: Tab reaches each row’s label, type and role', async () => {
    await page.getByLabel('Label for column 2').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(
      await wizard.typeSelect(HEADINGS[1]!).getAttribute('id'),
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(
      await wizard.roleSelect(HEADINGS[1]!).getAttribute('id'),
    );
  });

  it('leaves the Data page unchanged when the review is cancelled', async () => {
    await wizard.cancelLink.click();
    await new DataPage(page).heading.waitFor();
    expect(await dataPageText(page)).toBe(before);
  });

  it('leaves the Data page unchanged when the import itself is cancelled', async () => {
    const held = await app.newPage();
    await holdCallsUntilCancelled(held, 'import.commit');
    await held.reload();
    const heldWizard = new ImportWizard(held);
    await new DataPage(held).heading.waitFor();
    await heldWizard.openFromData();
    await heldWizard.readAndReview(plainCsv, { survey: SURVEY, wave: '2025', year: '2025' });
    await heldWizard.importButton.click();
    await heldWizard.progressBar.waitFor();
    await screenshot(held, 'import-importing');
    await heldWizard.cancelButton.click();
    await heldWizard.reviewHeading.waitFor();
    await held.getByRole('status').filter({ hasText: 'The import was cancelled. Nothing was saved' }).waitFor();
    expect((await app.oracle.surveys()).length).toBe(surveysBefore);
    expect(await dataPageText(held)).toBe(before);
    await held.close();
  });

  it('cancels reading the file, and says nothing was changed', async () => {
    const held = await app.newPage();
    await holdCallsUntilCancelled(held, 'import.plan');
    await held.reload();
    const heldWizard = new ImportWizard(held);
    await new DataPage(held).heading.waitFor();
    await heldWizard.openFromData();
    await heldWizard.choose(plainCsv, { survey: SURVEY });
    await heldWizard.continue();
    await heldWizard.progressBar.waitFor();
    await screenshot(held, 'import-reading');
    await heldWizard.cancelButton.click();
    await heldWizard.chooseHeading.waitFor();
    await held.getByRole('status').filter({ hasText: 'Heard stopped reading the file' }).waitFor();
    await held.close();
  });

  it('imports the file with one column’s type corrected, and sums up what happened', async () => {
    await wizard.openFromData();
    await wizard.readAndReview(plainCsv, { survey: SURVEY, wave: '2025', year: '2025' });
    // Household size is a handful of categories for cross-tabulation, not a quantity to average.
    expect(await wizard.selectedText(wizard.typeSelect(HEADINGS[4]!))).toBe('Number');
    await wizard.setType(HEADINGS[4]!, 'Single choice');
    expect(await (await wizard.columnRow(HEADINGS[4]!)).innerText()).toContain('Changed');
    await wizard.importButton.click();
    await wizard.doneHeading.waitFor({ timeout: 60_000 });
    expect(await wizard.count('Responses imported')).toBe(ROWS);
    expect(await wizard.count('Records that could not be read')).toBe(0);
    expect(await wizard.count('Values flagged')).toBe(1);
    await settle(page);
    await screenshot(page, 'import-summary');
    expect(await seriousViolations(page)).toEqual([]);

    const survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY);
    expect(survey?.waves.map((w) => [w.label, w.year, w.rowCount])).toEqual([['2025', 2025, ROWS]]);
  });

  it('lists the flagged value with its row on the problems page', async () => {
    await wizard.seeProblems();
    expect(await wizard.flaggedValues()).toEqual([
      { row: 3, column: HEADINGS[3], raw: 'twelve', reason: 'Not a number' },
    ]);
    await screenshot(page, 'import-problems');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the new survey on the Data page, and respondents’ markup in the grid as text', async () => {
    const data = new DataPage(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await data.heading.waitFor();
    expect(await data.responses(SURVEY, '2025')).toBe(ROWS);
    const grid = await data.openWave(SURVEY, '2025');
    expect(await grid.rowCount()).toBe(ROWS);
    const comments = await grid.columnIndex(HEADINGS[5]!);
    await expect.poll(() => grid.cell(3, comments).innerText()).toBe(SCRIPT);
    expect(await grid.cell(1, comments).innerText()).toBe(HYPERLINK);
    expect(await grid.cell(3, comments).locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { heardXss?: number }).heardXss)).toBeUndefined();
    // The wave's page leads to what its import could not read.
    await page.getByRole('link', { name: 'See what could not be read when this wave was imported' }).waitFor();
  });

  it('recognises the same file imported again, and imports it anyway when asked', async () => {
    await new DataPage(page).page.goto(`http://127.0.0.1:${app.host.port}/#/data`);
    await wizard.openFromData();
    await wizard.readAndReview(plainCsv, { survey: SURVEY, existing: true, wave: '2025 (again)' });
    const notice = page.locator('.warning-text');
    expect(await notice.innerText()).toMatch(new RegExp(`You imported this file before, as ${SURVEY} \\(2025\\) on \\d{1,2} \\w+ \\d{4}\\.`));
    // The survey's saved model comes back: household size is still a single choice.
    expect(await wizard.selectedText(wizard.typeSelect(HEADINGS[4]!))).toBe('Single choice');
    await wizard.importButton.click();
    await wizard.duplicateHeading.waitFor();
    await screenshot(page, 'import-duplicate');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import it again anyway' }).click();
    await wizard.doneHeading.waitFor({ timeout: 60_000 });
    expect(await wizard.count('Responses imported')).toBe(ROWS);
    const survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY);
    expect(survey?.waves.map((w) => w.label)).toEqual(['2025', '2025 (again)']);
  });

  it('reads Windows-1252 headings with é and ’ correctly', async () => {
    await page.getByRole('button', { name: 'Import another file' }).click();
    await wizard.chooseHeading.waitFor();
    await wizard.readAndReview(latinCsv, { survey: 'Café survey' });
    expect(await wizard.fact('Text encoding')).toMatch(/^Windows-1252/);
    expect(await wizard.labels()).toEqual(LATIN_HEADINGS);
    expect(await (await wizard.columnRow(LATIN_HEADINGS[2]!)).innerText()).toContain('Très bien');
    await screenshot(page, 'import-review-1252');
  });

  it('reads the file again with another encoding when asked', async () => {
    await page.getByText('Letters look wrong, or columns are split in the wrong place?').click();
    await page.getByLabel('Text encoding', { exact: true }).selectOption({ label: 'UTF-8' });
    await page.getByRole('button', { name: 'Read the file again' }).click();
    await wizard.reviewHeading.waitFor();
    await expect.poll(() => wizard.fact('Text encoding')).toBe('UTF-8');
    expect(await wizard.labels()).not.toEqual(LATIN_HEADINGS);
    await page.getByLabel('Text encoding', { exact: true }).selectOption({ label: 'Let Heard work it out' });
    await page.getByRole('button', { name: 'Read the file again' }).click();
    await expect.poll(() => wizard.fact('Text encoding')).toMatch(/^Windows-1252/);
    expect(await wizard.labels()).toEqual(LATIN_HEADINGS);
  });

  it('lets the user choose the sheet of an Excel workbook', async () => {
    await page.getByRole('link', { name: 'Cancel', exact: true }).click();
    await wizard.openFromData();
    await wizard.readAndReview(workbook, { survey: 'Library survey' });
    const sheet = page.getByLabel('Sheet', { exact: true });
    await sheet.waitFor();
    expect(await sheet.locator('option').allInnerTexts()).toEqual(['Notes', 'Responses']);
    await sheet.selectOption('Responses');
    await page.getByRole('button', { name: 'Read the file again' }).click();
    await expect.poll(() => wizard.fact('Sheet')).toBe('Responses');
    expect(await wizard.labels()).toEqual(['Member number', 'How often do you visit the library?']);
    await screenshot(page, 'import-review-xlsx');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Cancel', exact: true }).click();
    await wizard.openFromData();
    await wizard.readAndReview(latinCsv, { survey: 'Café survey' });
  });

  it('reviews in Welsh too', async () => {
    const shell = new Shell(page);
    await shell.switchLanguage('Cymraeg');
    await wizard.heading("Gwirio'r hyn a ganfu Heard").waitFor();
    await page.getByLabel('Math ar gyfer Café opening hours').waitFor();
    await screenshot(page, 'import-review-cy');
    expect(await seriousViolations(page)).toEqual([]);
    await shell.switchLanguage('English');
    await wizard.reviewHeading.waitFor();
  });

  it(`keeps a file of ${WIDE_COLUMNS} columns usable: the heading row stays in view, and a search narrows the list`, async () => {
    await page.getByRole('link', { name: 'Cancel', exact: true }).click();
    await wizard.openFromData();
    await wizard.readAndReview(wideCsv, { survey: 'Service ratings' });
    expect(await wizard.columnRows.count()).toBe(WIDE_COLUMNS);
    const box = page.locator('.table-scroll');
    await box.scrollIntoViewIfNeeded();
    await box.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    const head = await page.locator('.columns-table thead th').first().boundingBox();
    const scroller = await box.boundingBox();
    expect(head && scroller && Math.abs(head.y - scroller.y)).toBeLessThan(3);
    await screenshot(page, 'import-review-wide');
    await page.getByLabel('Find a column').fill('service 12');
    await page.getByRole('status').filter({ hasText: /^Showing 11 of 150 columns$/ }).waitFor();
    expect(await wizard.columnRows.count()).toBe(11);
    // Edits to hidden rows survive the search.
    await wizard.setType('Satisfaction with service 12', 'Single choice');
    await page.getByLabel('Find a column').fill('');
    expect(await wizard.selectedText(wizard.typeSelect('Satisfaction with service 12'))).toBe('Single choice');
  });

  it('says plainly when a file cannot be found or is not a survey export', async () => {
    const other = await app.newPage();
    const otherWizard = new ImportWizard(other);
    await new DataPage(other).heading.waitFor();
    await otherWizard.openFromData();
    await otherWizard.choose(path.join(dir, 'no-such-export.csv'), { survey: 'Missing' });
    await otherWizard.continue();
    const alert = other.getByRole('alert').filter({ hasText: 'There is a problem' });
    await alert.filter({ hasText: 'Heard could not find the file to import.' }).waitFor();
    expect(await alert.innerText()).toContain('no-such-export.csv');

    fs.writeFileSync(binaryFile, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await otherWizard.choose(binaryFile, { survey: 'Binary' });
    await otherWizard.continue();
    await alert.filter({ hasText: 'Heard could not read this file.' }).waitFor();
    expect(await alert.innerText()).toContain('photo.csv');
    await otherWizard.chooseHeading.waitFor();
    await screenshot(other, 'import-bad-file');
    expect(await seriousViolations(other)).toEqual([]);
    await other.close();
  });

  it('reflows at 200% zoom without sideways scrolling of the page', async () => {
    const zoomed = await app.newPage({ width: 640, height: 400 });
    const zoomedWizard = new ImportWizard(zoomed);
    await new DataPage(zoomed).heading.waitFor();
    await zoomedWizard.openFromData();
    const overflow = () => zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await zoomedWizard.readAndReview(plainCsv, { survey: 'Zoomed survey' });
    await screenshot(zoomed, 'import-zoom-review');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await zoomed.close();
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

describe('in the desktop app (window.heardShell)', () => {
  it('chooses the file with the operating system’s dialog, filtered to files Heard reads', async () => {
    const desktop = await app.newPage();
    await desktop.addInitScript(installFakeShell, { bigWaveRows: 10 });
    await desktop.goto(`http://127.0.0.1:${app.host.port}/#/data/import`);
    await desktop.reload();
    const desktopWizard = new ImportWizard(desktop);
    await desktopWizard.chooseHeading.waitFor();
    expect(await desktop.getByLabel('File location').count()).toBe(0);
    await desktop.evaluate((file) => {
      (window as unknown as { fakeShell: FakeShellState }).fakeShell.nextPath = file;
    }, 'C:\\Exports\\parks-survey-2025.csv');
    await desktop.getByRole('button', { name: 'Choose a file…' }).click();
    await desktop.getByText('C:\\Exports\\parks-survey-2025.csv').waitFor();
    expect(await desktop.getByLabel('Name of the survey or consultation').inputValue()).toBe('parks survey 2025');
    const state = await desktop.evaluate(() => (window as unknown as { fakeShell: FakeShellState }).fakeShell);
    expect(state.dialogs).toEqual(['open:Choose a file to import']);
    expect(state.openFilters[0]).toBe('Survey exports (CSV, TSV, text, Excel, SPSS): csv, tsv, txt, xlsx, sav, zsav');
    await desktop.getByRole('button', { name: 'Choose a different file…' }).waitFor();
    await desktop.close();
  });
});

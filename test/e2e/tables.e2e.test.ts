import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Crosstab, CrosstabRequest, SurveySummary, TableVariable } from '../../src/contract/index.js';
import { applySuppression, netMembers } from '../../src/stats/disclosure.js';
import { tempDir } from '../support/temp-dir.js';
import { TablesPage, type ShownCell } from './pages/TablesPage.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { watchCsp } from './support/csp.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";
const dir = tempDir('heard-tables-e2e-');

let app: RunningApp;
let page: Page;
let tables: TablesPage;
let survey: SurveySummary;
let waveId: number;
let variables: TableVariable[];
let csp: Awaited<ReturnType<typeof watchCsp>>;

beforeAll(async () => {
  app = await startApp();
  survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY)!;
  // The latest wave: the page's default.
  waveId = [...survey.waves].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!.id;
  variables = await app.oracle.call('tables.variables', { waveId });
  page = await app.newPage();
  // Every CSP violation in the page (a refused <style>, eval or connection), as the browser reports it.
  csp = await watchCsp(page);
  tables = new TablesPage(page);
});
afterAll(async () => {
  await app?.close();
});

const labelOf = (name: string) => variables.find((v) => v.name === name)!.label;
const number1 = (x: number) => x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The page's cells against the backend's: figures to one decimal place, letters and low-base cautions where shown,
 * [c] wherever the backend flags a cell confidential and [x] where its base is too small. Cells withheld besides
 * those are the secondary suppression that src/stats/disclosure.ts makes (unit-tested on worked examples).
 */
function expectCellsMatch(shown: ShownCell[], table: Crosstab): void {
  expect(shown).toHaveLength(table.cells.length);
  const heads = table.bases.map((b) => (b.letter ? `${b.letter} ${b.col}` : 'All respondents'));
  const row = variables.find((v) => v.name === table.row)!;
  const secondary = applySuppression({ rows: table.rows, cells: table.cells, nets: netMembers(table.rows, row.categories), columnsAddUp: row.kind !== 'multi' });
  for (const [i, cell] of table.cells.entries()) {
    const on = shown.find((s) => s.row === cell.row && s.column === heads[table.bases.findIndex((b) => b.col === cell.col)]);
    expect(on, `${cell.row} / ${cell.col}`).toBeDefined();
    if (cell.flag === 'c') {
      expect(on!.figure).toBe('[c]');
    } else if (cell.flag === 'hidden') {
      expect(on!.figure).toBe('[x]');
    } else if (secondary[i]!.secondary) {
      expect(on!.figure).toBe('[c]');
    } else {
      expect(on!.figure).toBe(`${number1(cell.pct)}%`);
      expect(on!.letters).toBe(cell.letters.join(''));
      expect(on!.low).toBe(cell.flag === 'low');
    }
  }
}

describe('the Tables page', () => {
  it('opens at the latest wave of the first survey, and is operable by keyboard alone', async () => {
    await tables.open(app.host.port);
    const first = (await app.oracle.surveys()).find((s) => s.waves.length > 0)!;
    expect(await tables.survey.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(first.name);
    expect(Number(await tables.wave.inputValue())).toBe(waveId);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tables-empty');

    // Keyboard only: Tab to each control and type to choose, then Enter on the button.
    await tables.row.focus();
    await page.keyboard.type('Overall satisfaction');
    expect(await tables.row.inputValue()).toBe('overall_satisfaction');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await tables.col.getAttribute('id'));
    await page.keyboard.type('Age band');
    expect(await tables.col.inputValue()).toBe('age_band');
    await page.keyboard.press('Tab');
    expect(await new Shell(page).focused()).toBe('button:Add a filter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Design');
    expect(await tables.weight.inputValue()).toBe('weight');
    await page.keyboard.press('Tab');
    expect(await tables.comparison.inputValue()).toBe('holm');
    await page.keyboard.press('Tab');
    expect(await new Shell(page).focused()).toBe('button:Show table');
    await page.keyboard.press('Enter');
    const title = `${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`;
    await tables.resultHeading(title).waitFor();
    // Focus moves to the table that was asked for.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    // The display options are checkboxes the keyboard reaches and ticks with Space.
    await tables.checkbox('Show 95% confidence intervals').focus();
    await page.keyboard.press('Space');
    expect(await tables.checkbox('Show 95% confidence intervals').isChecked()).toBe(true);
    await page.keyboard.press('Space');
  });

  it('shows overall satisfaction by age band, weighted, exactly as tables.crosstab gives it', async () => {
    const request: CrosstabRequest = { waveId, row: 'overall_satisfaction', col: 'age_band', weight: 'weight', where: [], comparison: 'holm' };
    const table = await app.oracle.call('tables.crosstab', request);
    expect(await tables.columns()).toEqual(table.bases.map((b) => `${b.letter} ${b.col}`));
    const shown = await tables.cells();
    expectCellsMatch(shown, table);
    // The sample has confidential cells (few very satisfied 16-24s) and lettered cells: both must show.
    expect(table.cells.some((c) => c.flag === 'c')).toBe(true);
    expect(shown.some((s) => s.letters !== '')).toBe(true);
    // Nets look different from the answers.
    const net = page.locator('tr.net-row').first();
    expect(await net.evaluate((tr) => getComputedStyle(tr.querySelector('th')!).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

    expect(await tables.base('Respondents who answered (unweighted base)')).toEqual(table.bases.map((b) => b.n.toLocaleString('en-GB')));
    expect(await tables.base('Weighted base')).toEqual(table.bases.map((b) => number1(b.weighted_n)));
    expect(await tables.base('Effective base')).toEqual(table.bases.map((b) => number1(b.n_eff)));
    const meanOf = (b: (typeof table.bases)[number]) => table.means!.find((m) => m.col === b.col)!.mean;
    expect(await tables.base('Mean score (best answer = 5, worst = 1)')).toEqual(
      table.bases.map((b) => (b.flag === 'hidden' ? '[x]' : `${meanOf(b).toFixed(2)}${b.flag === 'low' ? '[low]' : ''}`)),
    );

    const test = table.test!;
    const p = test.p < 0.001 ? 'p < 0.001' : `p = ${test.p.toFixed(3)}`;
    const words = test.p < 0.05 ? `Answers differ by ${labelOf('age_band')}` : `No evidence that answers differ by ${labelOf('age_band')}`;
    expect(await tables.testSentence.innerText()).toBe(`${words}: Rao–Scott χ² = ${test.statistic.toFixed(2)}, df ${test.df}, ${p}.`);
    expect(await tables.caption.innerText()).toContain('Letters show columns this figure is significantly higher than (95%, Holm-adjusted).');
    expect(await tables.notes.innerText()).toContain('[c] Confidential');
    expect(await tables.context.innerText()).toContain('Weighted by Design weight');

    // Intervals and counts on request, for the cells that show a figure.
    await tables.checkbox('Show 95% confidence intervals').check();
    await tables.checkbox('Show the number of respondents in each cell').check();
    const withDetail = await tables.cells();
    for (const cell of table.cells.filter((c) => c.flag === null && c.ci)) {
      const on = withDetail.find((s) => s.row === cell.row && s.column.endsWith(` ${cell.col}`) && s.shown === 'value');
      if (!on) continue;
      expect(on.ci).toBe(`${number1(cell.ci![0])}–${number1(cell.ci![1])}`);
      expect(on.count).toBe(`n = ${cell.n.toLocaleString('en-GB')}`);
    }
    expect(withDetail.filter((s) => s.shown === 'c').every((s) => s.ci === '' && s.count === '')).toBe(true);

    await tables.waitForChart();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tables-weighted-details');
    await tables.scrollTo(tables.table.locator('tbody tr').last());
    await screenshot(page, 'tables-weighted-foot');
    await tables.checkbox('Show 95% confidence intervals').uncheck();
    await tables.checkbox('Show the number of respondents in each cell').uncheck();
    await tables.scrollTo(tables.resultHeading(`${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`));
    await screenshot(page, 'tables-weighted');
  });

  it('draws the chart with a text alternative, leaving out withheld figures and nets', async () => {
    const table = await app.oracle.call('tables.crosstab', { waveId, row: 'overall_satisfaction', col: 'age_band', weight: 'weight' });
    expect(await tables.chartName()).toBe(`Chart: ${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`);
    const description = await tables.chartDescription();
    const answers = table.rows.filter((r) => r.kind === 'option' || r.kind === 'other');
    expect(description).toContain(`each of ${answers.length} answers, one bar for each of ${table.bases.length} ${labelOf('age_band')} groups`);
    expect(description).toContain('Top 2 and Bottom 2 are not drawn.');
    const shown = (await tables.cells()).filter((s) => answers.some((a) => a.label === s.row));
    const drawn = shown.filter((s) => s.shown === 'value');
    expect(await tables.drawnBars()).toBe(drawn.length);
    // Trace by trace (column by column), the plotted values are the figures shown, and no bar where a figure is withheld.
    const plotted = await tables.plotted();
    expect(plotted).toHaveLength(table.bases.length);
    table.bases.forEach((base, j) => {
      answers.forEach((answer, i) => {
        const on = shown.find((s) => s.row === answer.label && s.column === `${base.letter} ${base.col}`)!;
        const y = plotted[j]!.y[i];
        if (on.shown === 'value') {
          expect(`${number1(y!)}%`).toBe(on.figure);
          expect(plotted[j]!.text[i]).toBe('');
        } else {
          // No bar (a zero-height place), marked as in the table.
          expect(y).toBe(0);
          expect(plotted[j]!.text[i]).toBe(on.figure);
        }
      });
    });
    expect(description).toContain(`${shown.length - drawn.length} figure`);
    await tables.scrollTo(page.locator('.table-chart'));
    await screenshot(page, 'tables-chart');
  });

  it('exports an XLSX whose figures are the ones on the page', async () => {
    await tables.exportFormat('Excel (XLSX)').check();
    const out = path.join(dir, 'satisfaction by age.xlsx');
    await tables.exportPath.fill(out);
    await tables.exportButton.click();
    await tables.exportDone.waitFor();
    expect(await tables.exportDone.innerText()).toContain(out);

    const table = await app.oracle.call('tables.crosstab', { waveId, row: 'overall_satisfaction', col: 'age_band', weight: 'weight' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Table')!;
    let head = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === table.rowLabel && row.getCell(2).value === '%') head = n;
    });
    expect(head).toBeGreaterThan(0);
    const shown = await tables.cells();
    table.rows.forEach((row, i) => {
      const line = sheet.getRow(head + 1 + i);
      expect(line.getCell(1).value).toBe(row.label);
      table.bases.forEach((base, j) => {
        const onPage = shown.find((s) => s.row === row.label && s.column === `${base.letter} ${base.col}`)!;
        const value = line.getCell(2 + 2 * j).value;
        if (onPage.shown === 'value') {
          expect(typeof value).toBe('number');
          expect(`${number1(value as number)}%`).toBe(onPage.figure);
          const cell = table.cells.find((c) => c.row === row.label && c.col === base.col)!;
          expect(value as number).toBeCloseTo(cell.pct, 9);
        } else {
          expect(value).toBe(onPage.figure);
        }
      });
    });

    // Asked again for the same file, it asks before replacing it.
    await tables.exportButton.click();
    await page.getByRole('alert').filter({ hasText: 'There is already a file at' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Replace the file' }).click();
    await tables.exportDone.waitFor();
  });

  it('filters to some respondents, unweighted, and says so', async () => {
    await tables.choose({ weight: 'None: unweighted' });
    await tables.addFilter(labelOf('sex'), 'Female');
    const title = `${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`;
    await tables.showButton.click();
    await expect.poll(() => tables.context.innerText()).toContain(`Only respondents whose ${labelOf('sex')} is Female`);
    const table = await app.oracle.call('tables.crosstab', {
      waveId,
      row: 'overall_satisfaction',
      col: 'age_band',
      where: [{ column: 'sex', value: 'Female' }],
    });
    await tables.resultHeading(title).waitFor();
    expectCellsMatch(await tables.cells(), table);
    expect(await tables.context.innerText()).toContain('Unweighted');
    expect(await tables.testSentence.innerText()).toContain('Pearson χ²');
    expect(await tables.base('Weighted base')).toEqual([]);
    await tables.waitForChart();
    expect(await seriousViolations(page)).toEqual([]);
    await tables.scrollTo(page.locator('.tables-filters'));
    await screenshot(page, 'tables-unweighted-filter-form');
    await tables.scrollTo(tables.resultHeading(title));
    await screenshot(page, 'tables-unweighted-filter');
  });

  it('with a filter and a weight, and with no breakdown at all', async () => {
    await tables.choose({ weight: 'Design weight' });
    await tables.showButton.click();
    await expect.poll(() => tables.context.innerText()).toContain('Weighted by');
    await tables.waitForChart();
    await tables.scrollTo(tables.resultHeading(`${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`));
    await screenshot(page, 'tables-weighted-filter');

    await tables.choose({ col: 'No breakdown: all respondents' });
    await tables.page.getByRole('button', { name: 'Remove filter 1' }).click();
    await tables.show(labelOf('overall_satisfaction'));
    const table = await app.oracle.call('tables.crosstab', { waveId, row: 'overall_satisfaction', weight: 'weight' });
    expect(await tables.columns()).toEqual(['All respondents']);
    expectCellsMatch(await tables.cells(), table);
    await tables.waitForChart();
    expect(await seriousViolations(page)).toEqual([]);
    await tables.scrollTo(tables.resultHeading(labelOf('overall_satisfaction')));
    await screenshot(page, 'tables-no-breakdown');
  });

  it('says what is wrong, in words, when a table cannot be made or a question is missing', async () => {
    await tables.choose({ row: 'Choose a question' });
    await tables.showButton.click();
    await page.getByRole('alert').filter({ hasText: 'Choose the question whose answers the table shows.' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows in Welsh', async () => {
    await tables.choose({ row: labelOf('overall_satisfaction'), col: labelOf('age_band') });
    await tables.show(`${labelOf('overall_satisfaction')} by ${labelOf('age_band')}`);
    await new Shell(page).switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Tablau' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${labelOf('overall_satisfaction')} yn ôl ${labelOf('age_band')}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tables-cy');
    await new Shell(page).switchLanguage('English');
  });

  it('kept to the CSP and raised no errors in the page', async () => {
    expect(await csp.problems()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

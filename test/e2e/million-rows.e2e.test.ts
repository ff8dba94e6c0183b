import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectFile } from '../../src/engine/project-file.js';
import { makeLargeProject } from '../support/large-project.js';
import { tempDir } from '../support/temp-dir.js';
import { DataPage, type ResponsesGrid } from './pages/DataPage.js';
import { startApp, type RunningApp } from './support/app.js';

/** The real backend with a real 1,000,000-row wave: DuckDB paging by rowid, Arrow over the WebSocket, the grid. */
const ROWS = 1_000_000;
let app: RunningApp;
let page: Page;
let grid: ResponsesGrid;
let lastId: string;
/** The respondent id the large project gives row i: source row i mod n, copy ⌊i / n⌋. */
let idOf: (row: number) => string;

beforeAll(async () => {
  const file = await makeLargeProject(tempDir('heard-million-'), path.join(__dirname, '..', '..', 'sample-data'), ROWS);
  const project = await ProjectFile.open(file);
  const [wave] = await project.read("SELECT id FROM waves WHERE label = 'Large'");
  const [last] = await project.read(`SELECT respondent_id FROM wave_${wave!.id} WHERE rowid = ${ROWS - 1}`);
  lastId = String(last!.respondent_id);
  const source = (await project.read("SELECT respondent_id FROM wave_1 ORDER BY rowid")).map((r) => String(r.respondent_id));
  idOf = (row) => `${source[row % source.length]}-r${Math.floor(row / source.length)}`;
  await project.close();
  app = await startApp({ project: file });
  page = await app.newPage();
  await page.goto(`${new URL(app.host.url).origin}/#/data`);
  grid = await new DataPage(page).openWave('Large survey', 'Large');
});
afterAll(() => app?.close());

describe('a million-row wave from the real backend', () => {
  it('shows every row in the grid’s row count', async () => {
    expect(await grid.rowCount()).toBe(ROWS);
  });

  it('reaches the last respondent with End, fetched from DuckDB as Arrow', async () => {
    const idColumn = await grid.columnIndex('Respondent ID');
    await grid.focus();
    await page.keyboard.press('End');
    await expect.poll(() => grid.isOnScreen(ROWS - 1), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => grid.cell(ROWS - 1, idColumn).innerText(), { timeout: 20_000 }).toBe(lastId);
  });

  it('shows the right respondent on every row half-way down', async () => {
    const idColumn = await grid.columnIndex('Respondent ID');
    await page.evaluate(() => {
      const grid = document.querySelector('[role="grid"]') as HTMLElement;
      grid.scrollTop = grid.scrollHeight / 2;
    });
    const middle = ROWS / 2;
    const settled = async () => {
      const rows = await grid.visibleRows(idColumn);
      return rows.length > 5 && rows.every((r) => r.text !== '…') && rows.some((r) => Math.abs(r.index - middle) < 5000);
    };
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const rows = await grid.visibleRows(idColumn);
    expect(lastId).toBe(idOf(ROWS - 1));
    for (const r of rows) expect(r.text, `row ${r.index}`).toBe(idOf(r.index));
    expect(app.pageErrors).toEqual([]);
  });
});

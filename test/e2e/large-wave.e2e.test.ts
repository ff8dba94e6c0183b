import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPage, type ResponsesGrid } from './pages/DataPage.js';
import { startApp, type RunningApp } from './support/app.js';
import { bigWaveId, exposeBigWave } from './support/big-wave.js';
import { installFakeShell, type FakeShellState } from './support/fake-shell.js';

/**
 * A million rows: more than a browser can give one pixel row each at this row height (the grid then scales its
 * scrolling). The wave comes from the fake shell (see support/fake-shell.ts) because the sample is small.
 */
const ROWS = 1_000_000;

let app: RunningApp;
let page: Page;
let grid: ResponsesGrid;
let idColumn: number;
let bigWave: { idle(): Promise<void> };

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
  bigWave = await exposeBigWave(page);
  await page.addInitScript(installFakeShell, { bigWaveRows: ROWS });
  await page.reload();
});
afterAll(async () => {
  await bigWave?.idle();
  await app?.close();
});

const shellState = () => page.evaluate(() => (window as unknown as { fakeShell: FakeShellState }).fakeShell);

/** Every row on screen shows its own respondent (or is still loading), with no gaps or repeats. */
async function expectConsistentRows(): Promise<Array<{ index: number; text: string }>> {
  // Wait for the scroll to be painted and its pages to arrive: a screenful of rows, none still loading.
  const settled = async () => {
    const rows = await grid.visibleRows(idColumn);
    return rows.length > 5 && rows.every((r) => r.text !== '…');
  };
  await expect.poll(settled, { timeout: 15_000 }).toBe(true);
  const rows = await grid.visibleRows(idColumn);
  rows.forEach((row, i) => {
    expect(row.text).toBe(bigWaveId(row.index));
    if (i > 0) expect(row.index).toBe(rows[i - 1]!.index + 1);
  });
  return rows;
}

describe('a wave of a million responses', () => {
  it('lists the wave and opens it', async () => {
    const data = new DataPage(page);
    await data.heading.waitFor();
    expect(await data.responses('Large consultation', '2025')).toBe(ROWS);
    grid = await data.openWave('Large consultation', '2025');
    expect(await grid.rowCount()).toBe(ROWS);
    idColumn = await grid.columnIndex('Respondent ID');
    expect((await expectConsistentRows())[0]!.index).toBe(0);
  });

  it('keeps the page small: only the rows on screen are in the document', async () => {
    expect(await grid.grid.locator('[role="row"]').count()).toBeLessThan(100);
  });

  it('goes to the very last response with End', async () => {
    await grid.focus();
    await page.keyboard.press('End');
    await expect.poll(() => grid.isOnScreen(ROWS - 1)).toBe(true);
    const rows = await expectConsistentRows();
    expect(rows.at(-1)!.index).toBe(ROWS - 1);
  });

  it('shows the right rows anywhere along the scrollbar, cancelling pages dragged past', async () => {
    const before = await shellState();
    // A quick drag from top to bottom, one step per frame, then a stop in the middle.
    for (let step = 0; step <= 30; step++) {
      await grid.grid.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), step / 30);
      await page.waitForTimeout(16);
    }
    await grid.grid.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * 0.5));
    const rows = await expectConsistentRows();
    expect(Math.abs(rows[0]!.index - ROWS / 2)).toBeLessThan(50);
    const after = await shellState();
    // Far fewer pages fetched than the 1,000 the drag passed over.
    expect(after.pagesRequested - before.pagesRequested).toBeLessThan(60);
  });

  it('cancels requests for pages scrolled past before they arrive', async () => {
    const before = await shellState();
    for (let step = 0; step < 20; step++) {
      await grid.grid.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), 0.1 + step * 0.04);
      await page.waitForTimeout(60);
    }
    await expectConsistentRows();
    expect((await shellState()).pagesCancelled).toBeGreaterThan(before.pagesCancelled);
  });

  it('moves row by row with the arrow keys, keeping the active cell in view', async () => {
    await grid.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => grid.isOnScreen(0)).toBe(true);
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => grid.isOnScreen(40)).toBe(true);
    const active = await grid.activeCellId();
    expect(await page.locator(`[id="${active}"]`).getAttribute('data-row')).toBe('40');
    await expectConsistentRows();
  });

  it('keeps showing the right rows while the active cell is far away', async () => {
    await grid.grid.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * 0.97));
    const rows = await expectConsistentRows();
    expect(rows[0]!.index).toBeGreaterThan(ROWS * 0.9);
    // The active row (row 41) stays in the document for assistive technology, but out of sight.
    expect(await grid.row(40).count()).toBe(1);
    expect(await grid.isOnScreen(40)).toBe(false);
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

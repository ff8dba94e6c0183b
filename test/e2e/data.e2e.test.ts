import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPage, type ResponsesGrid } from './pages/DataPage.js';
import { ProjectPicker } from './pages/ProjectPicker.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import type { WaveFacts } from './support/backend-oracle.js';

const SURVEY = "Residents' Survey";

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
});
afterAll(async () => {
  await app?.close();
});

// One user's journey, in order: each test starts where the previous one left off.
describe('opening the sample and reading its responses', () => {
  let grid: ResponsesGrid;
  let facts2024: WaveFacts;

  it('opens the sample project from the project picker', async () => {
    const picker = new ProjectPicker(page);
    await picker.show();
    await picker.openSample();
    await expect.poll(() => new Shell(page).projectName.innerText()).not.toBe('');
  });

  it("lists the Residents' Survey with its 2023 and 2024 waves and their row counts", async () => {
    const data = new DataPage(page);
    await data.heading.waitFor();
    for (const label of ['2023', '2024']) {
      const { wave } = await app.oracle.wave(SURVEY, label);
      expect(wave.rowCount).toBeGreaterThan(0);
      expect(await data.responses(SURVEY, label)).toBe(wave.rowCount);
    }
  });

  it("opens the 2024 wave and shows its first responses", async () => {
    facts2024 = await app.oracle.wave(SURVEY, '2024');
    grid = await new DataPage(page).openWave(SURVEY, '2024');
    expect(await grid.rowCount()).toBe(facts2024.wave.rowCount);
    const idColumn = await grid.columnIndex(facts2024.idColumnLabel);
    await expect.poll(() => grid.cell(0, idColumn).innerText()).toBe(facts2024.firstId);
  });

  it('moves to the last response with the End key', async () => {
    const last = facts2024.wave.rowCount - 1;
    await grid.focus();
    await page.keyboard.press('End');
    const idColumn = await grid.columnIndex(facts2024.idColumnLabel);
    await expect.poll(() => grid.isOnScreen(last)).toBe(true);
    await expect.poll(() => grid.cell(last, idColumn).innerText()).toBe(facts2024.lastId);
    expect(await grid.activeCellId()).toBeTruthy();
  });

  it('moves with the arrow keys and Page Down, keeping the active cell on screen', async () => {
    await page.keyboard.press('Home');
    await expect.poll(() => grid.isOnScreen(0)).toBe(true);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    const active = await grid.activeCellId();
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`).isVisible()).resolves.toBe(true);
    const index = Number(await page.locator(`[id="${active}"]`).getAttribute('data-row'));
    expect(index).toBeGreaterThan(5);
    await expect.poll(() => grid.isOnScreen(index)).toBe(true);
  });

  it('reaches the last response with the mouse wheel', async () => {
    await page.keyboard.press('Home');
    await expect.poll(() => grid.isOnScreen(0)).toBe(true);
    const last = facts2024.wave.rowCount - 1;
    expect(await grid.wheelUntilVisible(last)).toBe(true);
    const idColumn = await grid.columnIndex(facts2024.idColumnLabel);
    await expect.poll(() => grid.cell(last, idColumn).innerText()).toBe(facts2024.lastId);
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

describe('project picker errors', () => {
  it('explains in plain English when a project file does not exist', async () => {
    const other = await app.newPage();
    const picker = new ProjectPicker(other);
    await picker.show();
    await picker.openPath('/no/such/folder/missing.heard');
    const alert = picker.alerts.filter({ hasText: 'There is a problem' });
    await alert.waitFor();
    expect(await alert.innerText()).not.toMatch(/HeardError|ENOENT|undefined/);
    await other.close();
  });

  it('asks for a location when the field is empty', async () => {
    const other = await app.newPage();
    const picker = new ProjectPicker(other);
    await picker.show();
    await other.getByRole('button', { name: 'Open project', exact: true }).click();
    await picker.alerts.filter({ hasText: 'Enter the location of a project file.' }).waitFor();
    await expect.poll(() => picker.pathField.evaluate((el) => el === document.activeElement)).toBe(true);
    await other.close();
  });
});

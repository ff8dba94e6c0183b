import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPage } from './pages/DataPage.js';
import { ProjectPicker } from './pages/ProjectPicker.js';
import { NAV_PAGES, Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
  await new Shell(page).heading.waitFor();
});
afterAll(async () => {
  await app?.close();
});

async function settle(p: Page): Promise<void> {
  // Wait for loading messages to go, so axe and screenshots see the page as a user would.
  await p.waitForFunction(() => !document.querySelector('[role="status"]'), undefined, { timeout: 30_000 });
}

describe('every page meets WCAG 2.2 AA (no serious or critical axe violations)', () => {
  it('project picker', async () => {
    await new ProjectPicker(page).show();
    await settle(page);
    await screenshot(page, 'picker');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('data', async () => {
    await page.goto(`http://127.0.0.1:${app.host.port}/#/data`);
    await new DataPage(page).heading.waitFor();
    await settle(page);
    await screenshot(page, 'data');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a wave of responses in the grid', async () => {
    const grid = await new DataPage(page).openWave(SURVEY, '2024');
    await settle(page);
    await expect.poll(() => grid.row(0).locator('.is-loading').count()).toBe(0);
    await grid.focus();
    await page.keyboard.press('ArrowRight');
    await screenshot(page, 'wave');
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const name of NAV_PAGES.slice(1)) {
    it(name.toLowerCase(), async () => {
      const shell = new Shell(page);
      await shell.goTo(name);
      await screenshot(page, name.toLowerCase());
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

describe('keyboard only', () => {
  it('reaches the skip link first, then every navigation link, in order', async () => {
    const fresh = await app.newPage();
    const shell = new Shell(fresh);
    await shell.heading.waitFor();
    await fresh.keyboard.press('Tab');
    expect(await shell.focused()).toBe('link:Skip to main content');
    const reached: string[] = [];
    for (let i = 0; i < 15 && reached.length < NAV_PAGES.length; i++) {
      await fresh.keyboard.press('Tab');
      const focused = await shell.focused();
      const name = focused.replace(/^link:/, '');
      if ((NAV_PAGES as readonly string[]).includes(name)) reached.push(name);
    }
    expect(reached).toEqual([...NAV_PAGES]);
    await fresh.close();
  });

  it('opens a page from the navigation with Enter and moves focus to its heading', async () => {
    const fresh = await app.newPage();
    const shell = new Shell(fresh);
    await shell.heading.waitFor();
    await shell.navLink('Themes').focus();
    await fresh.keyboard.press('Enter');
    await shell.heading.filter({ hasText: 'Themes' }).waitFor();
    await expect.poll(() => shell.focused()).toBe('h1:Themes');
    await fresh.close();
  });

  it('tabs into the responses grid and moves the active cell with the arrow keys', async () => {
    const fresh = await app.newPage();
    await new Shell(fresh).heading.waitFor();
    const grid = await new DataPage(fresh).openWave(SURVEY, '2023');
    let onGrid = false;
    for (let i = 0; i < 40 && !onGrid; i++) {
      await fresh.keyboard.press('Tab');
      onGrid = await grid.grid.evaluate((el) => el === document.activeElement);
    }
    expect(onGrid).toBe(true);
    const first = await grid.activeCellId();
    expect(first).toBeTruthy();
    await fresh.keyboard.press('ArrowDown');
    await fresh.keyboard.press('ArrowRight');
    const moved = await grid.activeCellId();
    expect(moved).not.toBe(first);
    expect(await fresh.locator(`[id="${moved}"]`).getAttribute('data-row')).toBe('1');
    expect(await fresh.locator(`[id="${moved}"]`).getAttribute('data-column')).toBe('1');
    await fresh.close();
  });
});

describe('Welsh', () => {
  it('switching to Cymraeg changes the navigation and html[lang], and back again', async () => {
    const fresh = await app.newPage();
    const shell = new Shell(fresh);
    await shell.heading.waitFor();
    await shell.switchLanguage('Cymraeg');
    expect(await fresh.evaluate(() => document.documentElement.lang)).toBe('cy');
    await shell.navLink('Tablau').waitFor();
    expect(await shell.navigation.innerText()).toContain('Cydraddoldeb');
    expect(await shell.languageButton('Cymraeg').getAttribute('aria-pressed')).toBe('true');
    await shell.goTo('Data');
    await screenshot(fresh, 'data-cy');
    await fresh.getByRole('banner').getByRole('link', { name: 'Newid prosiect' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Dewis prosiect' }).waitFor();
    await screenshot(fresh, 'picker-cy');
    expect(await seriousViolations(fresh)).toEqual([]);
    await shell.switchLanguage('English');
    await shell.navLink('Tables').waitFor();
    await fresh.close();
  });
});

describe('200% zoom (1280×800 at 200% is 640×400)', () => {
  it('reflows without sideways scrolling on the data and wave pages', async () => {
    const zoomed = await app.newPage({ width: 640, height: 400 });
    await new DataPage(zoomed).heading.waitFor();
    await settle(zoomed);
    await screenshot(zoomed, 'zoom-data');
    const overflow = () => zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await new DataPage(zoomed).openWave(SURVEY, '2024');
    await settle(zoomed);
    await screenshot(zoomed, 'zoom-wave');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await zoomed.close();
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

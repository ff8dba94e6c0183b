import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';

/**
 * One officer who uses only the keyboard: imports a survey export, makes a table of it and saves the committee
 * report, pressing nothing but Tab, Shift+Tab, Space, Enter, arrow keys and typed text. No click, no fill, no focus()
 * from the test: every control is reached the way a keyboard user reaches it.
 */
const dir = tempDir('heard-keyboard-e2e-');
const SURVEY = 'Keyboard survey';
const SCALE = ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied'];
const GROUPS = ['North', 'South'];
const csv = path.join(dir, 'keyboard-survey.csv');
const out = path.join(dir, 'keyboard-report.html');

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  const rows = Array.from({ length: 120 }, (_, i) => [`K${i + 1}`, GROUPS[i % 2]!, SCALE[(i * 3) % 5]!].join(','));
  fs.writeFileSync(csv, `Respondent ID,Area,How satisfied are you with your local area?\n${rows.join('\n')}\n`);
  app = await startApp();
  page = await app.newPage();
});
afterAll(async () => {
  await app?.close();
});

/** What has focus, as a person hears it: the control's label (or accessible name, or text). */
function focusedName(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el || el === document.body) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${label.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab (or Shift+Tab) until the focused control matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(match: RegExp, options: { back?: boolean; limit?: number } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < (options.limit ?? 120); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const name = await focusedName(page);
    if (match.test(name)) return;
    seen.push(name);
  }
  throw new Error(`Tab never reached ${match}; it went through: ${seen.slice(-25).join(' | ')}`);
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('keyboard only: import, table, report', () => {
  it('imports a survey export through the wizard', async () => {
    await heading('Data').waitFor();
    await tabTo(/^a:Import a file$/);
    await page.keyboard.press('Enter');
    await heading('Choose a file to import').waitFor();
    await tabTo(/^input:File location/);
    await page.keyboard.type(csv);
    await tabTo(/^input:A new survey or consultation/);
    await page.keyboard.press('Space');
    await tabTo(/^input:Name of the survey or consultation/);
    await page.keyboard.type(SURVEY);
    await tabTo(/^button:Continue$/);
    await page.keyboard.press('Enter');
    await heading('Check what Heard found').waitFor({ timeout: 60_000 });
    await tabTo(/^button:Import this file$/, { limit: 300 });
    await page.keyboard.press('Enter');
    await heading('Import complete').waitFor({ timeout: 60_000 });
    const surveys = await app.oracle.surveys();
    expect(surveys.find((s) => s.name === SURVEY)?.waves[0]?.rowCount).toBe(120);
  });

  it('makes a table of the new survey', async () => {
    await tabTo(/^a:Tables$/, { back: true });
    await page.keyboard.press('Enter');
    await heading('Tables').waitFor();
    await tabTo(/^select:Survey$/);
    await page.keyboard.type(SURVEY);
    // The new survey's questions load before its question lists are enabled (a disabled control is not a tab stop).
    await page.getByLabel('Question (one row for each answer)').and(page.locator(':enabled')).waitFor();
    await expect.poll(() => page.getByLabel('Question (one row for each answer)').locator('option').allInnerTexts()).toContain('How satisfied are you with your local area?');
    await tabTo(/^select:Question \(one row for each answer\)/);
    // Typing picks the option by its first letters.
    await page.keyboard.type('How satisfied');
    await tabTo(/^select:Break down by/);
    await page.keyboard.type('Area');
    await tabTo(/^button:Show table$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /How satisfied are you with your local area\? by Area/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('table').first().innerText()).toContain('North');
    await screenshot(page, 'keyboard-table');
  });

  it('previews and saves the committee report of it', async () => {
    await tabTo(/^a:Report$/, { back: true });
    await page.keyboard.press('Enter');
    await heading('Report').waitFor();
    await tabTo(/^select:Survey$/);
    await page.keyboard.type(SURVEY);
    // Move the appendix to the top: Tab to its Up button and press it seven times; focus stays on it as it moves.
    await tabTo(/^button:Move Appendix tables up$/);
    for (let i = 0; i < 7; i++) await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('button:Move Appendix tables down');
    await tabTo(/^button:Show preview$/);
    await page.keyboard.press('Enter');
    await page.locator('.report-preview').waitFor({ timeout: 60_000 });
    await expect.poll(() => focusedName(page)).toBe('h2:Preview');
    expect(await page.locator('.report-preview h3').first().innerText()).toBe('Appendix tables');
    expect(await seriousViolations(page)).toEqual([]);
    // Format: the radios are one group; the arrow keys move the choice within it.
    await tabTo(/^input:Word document/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/^input:Web page \(\.html\)/);
    await tabTo(/^input:Save as/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(out);
    await tabTo(/^button:Save the report$/);
    await page.keyboard.press('Enter');
    await page.locator('.export-done').waitFor({ timeout: 60_000 });
    await expect.poll(() => focusedName(page)).toMatch(/^div:Saved the report to/);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<h2 id="section-appendix">Appendix tables</h2>');
    expect(html.indexOf('section-appendix')).toBeLessThan(html.indexOf('section-summary'));
    await screenshot(page, 'keyboard-report-saved');
    expect(app.pageErrors).toEqual([]);
  });
});

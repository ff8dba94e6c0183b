import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Discovery } from '../../src/contract/index.js';
import { redactText } from '../../src/themes/redact.js';
import { Shell } from './pages/Shell.js';
import { ThemesPage } from './pages/ThemesPage.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { watchCsp } from './support/csp.js';
import { screenshot } from './support/screenshots.js';
import { tempDir } from '../support/temp-dir.js';

// The residents' survey's comments have no codeframe in the sample (the consultation's come coded), so the page is
// used from the start: suggestions, a new codeframe, auto-coding, review.
const SURVEY = "Residents' Survey";
const QUESTION = 'comments';
const LABEL = 'Comments';

const dir = tempDir('heard-themes-e2e-');
let app: RunningApp;
let page: Page;
let themes: ThemesPage;
let waveId: number;
let csp: Awaited<ReturnType<typeof watchCsp>>;

beforeAll(async () => {
  app = await startApp();
  // The latest wave, which the page opens at.
  waveId = [...(await app.oracle.surveys()).find((s) => s.name === SURVEY)!.waves].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!.id;
  page = await app.newPage();
  csp = await watchCsp(page);
  themes = new ThemesPage(page);
});
afterAll(async () => {
  await app?.close();
});

const number = (n: number) => n.toLocaleString('en-GB');
const summary = () => app.oracle.call('themes.summary', { waveId, question: QUESTION });

describe('the Themes page on the sample consultation', () => {
  let found: Discovery;

  it('chooses the question and suggests the themes themes.discover finds, quotes masked', async () => {
    await themes.open(app.host.port);
    await themes.choose(SURVEY, LABEL);
    const coding = await summary();
    expect(await themes.summary('Written answers').innerText()).toBe(number(coding.responses));
    expect(await themes.summary('Codeframe').innerText()).toBe('None yet');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'themes-start');

    await themes.findButton.click();
    await themes.resultTitle.waitFor();
    found = await app.oracle.call('themes.discover', { waveId, question: QUESTION });
    expect(await themes.resultTitle.innerText()).toBe(`${found.candidates.length} suggested themes from ${number(found.rows - found.blank)} written answers`);
    expect(await themes.candidates.count()).toBe(found.candidates.length);
    for (const [i, c] of found.candidates.entries()) {
      const shown = themes.candidate(i);
      expect(await shown.name.innerText()).toBe(c.name);
      expect(await shown.size.innerText()).toMatch(new RegExp(`^${number(c.size)} answers \\(\\d+% of written answers\\)$`));
      expect(await shown.terms.innerText()).toBe(`Key words: ${c.terms.join(', ')}`);
      // Quotes appear masked: exactly the redacted text, never the original where they differ.
      const words = (s: string) => s.replace(/\s+/g, ' ').trim();
      expect((await shown.quotes.allInnerTexts()).map(words)).toEqual(c.quotes.map((q) => words(redactText(q.text))));
    }
    // Focus moves to what was asked for.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('themes-result-title');
    expect(await seriousViolations(page)).toEqual([]);
    await themes.resultTitle.scrollIntoViewIfNeeded();
    await screenshot(page, 'themes-candidates');
  });

  it('accepts candidates into a new codeframe (one renamed, two merged) and discards one', async () => {
    // The bins candidate where there is one (renamed as an officer would), else the largest.
    const picked = Math.max(0, found.candidates.findIndex((c) => c.terms.includes('bin')));
    const first = themes.candidate(picked);
    await first.rename.fill('Bins and recycling');
    await first.accept.click();
    await first.root.getByText('In the codeframe').waitFor();
    expect(await themes.summary('Codeframe').innerText()).toBe(`${LABEL} codeframe`);

    // Merge the next two open candidates, then accept the merged one.
    const open = found.candidates.map((_, i) => i).filter((i) => i !== picked);
    const [a, b, c] = open as [number, number, number];
    const sizes = found.candidates[a]!.size + found.candidates[b]!.size;
    await themes.candidate(a).select.check();
    await themes.candidate(b).select.check();
    await page.getByRole('button', { name: 'Merge the selected themes' }).click();
    expect(await themes.candidates.count()).toBe(found.candidates.length - 1);
    const merged = themes.candidate(a < b ? a : b);
    expect(await merged.size.innerText()).toMatch(new RegExp(`^${number(sizes)} answers`));
    const mergedName = await merged.rename.inputValue();
    await merged.accept.click();
    await merged.root.getByText('In the codeframe').waitFor();
    const discarded = themes.candidate(c - 1);
    await discarded.discard.click();
    await discarded.root.getByText('Discarded').waitFor();

    const coding = await summary();
    const codeframe = await app.oracle.call('themes.codeframe', { codeframeId: coding.codeframe!.id });
    expect(codeframe.themes.map((t) => t.name)).toEqual(['Bins and recycling', mergedName]);
    // Accepted with their key words as keywords and their quotes, masked, as examples.
    expect(codeframe.themes[0]!.keywords).toEqual(found.candidates[picked]!.terms);
    expect(codeframe.themes[0]!.examples).toEqual(found.candidates[picked]!.quotes.map((q) => q.redacted));
    expect(await themes.codeframeNames()).toEqual(['Bins and recycling', mergedName]);
    expect(await seriousViolations(page)).toEqual([]);
    await themes.section('2. Codeframe').scrollIntoViewIfNeeded();
    await screenshot(page, 'themes-codeframe');
  });

  it('auto-codes every answer and shows the counts themes.summary gives', async () => {
    await themes.autoCodeButton.click();
    await themes.autoCodeStatus.getByText(/^Coded /).waitFor({ timeout: 60_000 });
    const coding = await summary();
    expect(coding.coded).toBeGreaterThan(0);
    expect(await themes.summary('Coded').innerText()).toBe(number(coding.coded));
    const expected = [...coding.counts].sort((x, y) => y.n - x.n).map((c) => [c.name, number(c.n)]);
    expect(await themes.counts()).toEqual(expected);
    expect(await seriousViolations(page)).toEqual([]);
    await themes.section('3. Code every answer').scrollIntoViewIfNeeded();
    await screenshot(page, 'themes-autocoded');
  });

  const decided: { id: string; present: string[] }[] = [];

  it('reviews by keyboard alone: tick with a number, add a theme with T, accept with A, reject with R, skip with N', async () => {
    const codeframe = await app.oracle.call('themes.codeframe', { codeframeId: (await summary()).codeframe!.id });
    const names = codeframe.themes.map((t) => t.name);
    await themes.reviewAnswer.waitFor();
    await themes.reviewAnswer.focus();
    await themes.reviewAnswer.scrollIntoViewIfNeeded();
    expect(await page.getByText('Shortcuts while this panel has focus').count()).toBe(1);
    await screenshot(page, 'themes-review');

    // The first answer: press 1 to flip the first theme, T to add the second if it is not ticked, then A.
    const shownId = async () => (await themes.reviewTitle.innerText()).replace(/^Response /, '');
    // Each decision is saved before the next answer shows; the buttons are enabled again once it has.
    const settled = () => page.getByRole('button', { name: 'Accept and next' }).and(page.locator(':enabled')).waitFor();
    const first = await shownId();
    const wasTicked = await themes.reviewTheme(names[0]!).isChecked();
    await page.keyboard.press('1');
    expect(await themes.reviewTheme(names[0]!).isChecked()).toBe(!wasTicked);
    if (!(await themes.reviewTheme(names[1]!).isChecked())) {
      await page.keyboard.press('t');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => themes.reviewTheme(names[1]!).isChecked()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('review-answer');
    }
    const present = [];
    for (const name of names) if (await themes.reviewTheme(name).isChecked()) present.push(name);
    await page.keyboard.press('a');
    await expect.poll(shownId).not.toBe(first);
    await settled();
    decided.push({ id: first, present });

    // The next: reject every suggested theme.
    const second = await shownId();
    await page.keyboard.press('r');
    await expect.poll(shownId).not.toBe(second);
    await settled();
    decided.push({ id: second, present: [] });

    // The next: skip without deciding (it stays in the queue).
    const third = await shownId();
    await page.keyboard.press('n');
    await expect.poll(shownId).not.toBe(third);
    expect(await page.locator('.review-panel [aria-live]').innerText()).toContain('Skipped.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'themes-reviewed');

    // What the backend kept: the two decisions, as a person's, with exactly the themes ticked.
    const coded = await app.oracle.call('themes.responses', { waveId, question: QUESTION, limit: 500 });
    for (const d of decided) {
      const response = coded.responses.find((r) => r.responseId === d.id)!;
      expect(response.reviewed).toBe(true);
      const human = response.codes.filter((c) => c.source === 'human' && c.present).map((c) => c.name).sort();
      expect(human).toEqual([...d.present].sort());
    }
    expect((await summary()).reviewed).toBe(2);
  });

  it('keeps the codeframe and the decisions after a reload', async () => {
    await page.reload();
    await themes.heading.waitFor();
    await themes.choose(SURVEY, LABEL);
    expect(await themes.summary('Reviewed by a person').innerText()).toBe('2');
    expect(await themes.codeframeNames()).toHaveLength(2);
    await themes.reviewAnswer.waitFor();
    const shown = (await themes.reviewTitle.innerText()).replace(/^Response /, '');
    expect(decided.map((d) => d.id)).not.toContain(shown);
    await themes.section('5. Quality and tone').scrollIntoViewIfNeeded();
    expect(await themes.quality.innerText()).toContain('Not ready yet.');
    await screenshot(page, 'themes-quality');
  });

  it('undoes the last decision, from the page', async () => {
    const last = page.locator('.themes-undo p').first();
    expect(await last.innerText()).toMatch(/^Last change: Row \d+: .*reviewed Undo$/);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText(/^Undone: Row \d+/).waitFor();
    expect((await summary()).reviewed).toBe(1);
    expect(await themes.summary('Reviewed by a person').innerText()).toBe('1');
  });

  it("edits the codeframe: a theme's keywords, a net, merging, splitting, and the codeframe as a file and back", async () => {
    const codeframeId = (await summary()).codeframe!.id;
    // Names in the codeframe, alphabetically (a split puts its themes where the old one was).
    const names = async () => (await app.oracle.call('themes.codeframe', { codeframeId })).themes.map((t) => t.name).sort();
    const [bins, other] = (await app.oracle.call('themes.codeframe', { codeframeId })).themes.map((t) => t.name) as [string, string];

    // A net for bins, added with the form.
    await page.getByRole('button', { name: 'Add a theme' }).click();
    await page.getByLabel('Name', { exact: true }).last().fill('Environment');
    await page.getByRole('button', { name: 'Save theme' }).click();
    await page.locator('.theme-editor').waitFor({ state: 'detached' });
    expect(await names()).toContain('Environment');

    // Bins: a description, one more keyword, an exclusion, and into the net.
    await page.getByRole('button', { name: `Edit ${bins}` }).click();
    const editor = page.locator('.theme-editor');
    await editor.getByLabel('Description (what counts as this theme)').fill('Bin collections, recycling, litter');
    await editor.getByLabel('Keywords and phrases').fill(`${await editor.getByLabel('Keywords and phrases').inputValue()}\nrecycl*`);
    await editor.getByLabel('Exclusions').fill('bin lorry noise');
    await editor.getByLabel('Net').selectOption({ label: 'Environment' });
    await editor.getByRole('button', { name: 'Save theme' }).click();
    await editor.waitFor({ state: 'detached' });
    const saved = (await app.oracle.call('themes.codeframe', { codeframeId })).themes.find((t) => t.name === bins)!;
    expect(saved).toMatchObject({ description: 'Bin collections, recycling, litter', exclusions: ['bin lorry noise'], parent: 'ENVIRONMENT' });
    expect(saved.keywords.at(-1)).toBe('recycl*');
    // A net is followed by its themes, said in words for screen readers.
    expect(await themes.codeframeNames()).toEqual([other, 'Environment', bins]);
    expect(await page.locator('.codeframe-child th').innerText()).toContain('In the net Environment:');

    // Split the other theme into two, then merge one of them into bins.
    await page.getByRole('button', { name: `Edit ${other}` }).click();
    await editor.getByLabel('Split into').fill('Staff\nRoads');
    await editor.getByRole('button', { name: 'Split theme' }).click();
    await expect.poll(names).toEqual([bins, 'Environment', 'Roads', 'Staff'].sort());
    await themes.page.getByLabel('Select Roads').check();
    await themes.page.getByLabel(`Select ${bins}`).check();
    await page.getByLabel('Merge the selected themes into').selectOption({ label: bins });
    await page.getByRole('button', { name: 'Merge selected themes (2)' }).click();
    await expect.poll(names).toEqual([bins, 'Environment', 'Staff'].sort());
    expect(await seriousViolations(page)).toEqual([]);
    await themes.section('2. Codeframe').scrollIntoViewIfNeeded();
    await screenshot(page, 'themes-codeframe-edited');

    // Out to a CSV file and back in as the question's codeframe.
    const file = path.join(dir, 'codeframe.csv');
    await page.getByText('Import or export the codeframe').click();
    await page.getByLabel('Save the codeframe to').fill(file);
    await page.getByRole('button', { name: 'Export codeframe' }).click();
    await page.getByText(`Saved to ${file}.`).waitFor();
    expect(fs.readFileSync(file, 'utf8')).toContain('Bin collections, recycling, litter');
    await page.getByLabel('Use a codeframe from a file').fill(file);
    await page.getByRole('button', { name: 'Import and use' }).click();
    await page.getByText(/^Now using /).waitFor();
    const now = (await summary()).codeframe!;
    expect(now.id).not.toBe(codeframeId);
    expect((await app.oracle.call('themes.codeframe', { codeframeId: now.id })).themes.map((t) => t.name).sort()).toEqual([bins, 'Environment', 'Staff'].sort());
    expect(await themes.summary('Codeframe').innerText()).toBe(now.name);
  });

  it('reads in Welsh', async () => {
    const shell = new Shell(page);
    await shell.switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 2, name: '1. Dod o hyd i themâu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 2, name: '1. Dod o hyd i themâu' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'themes-welsh');
    await shell.switchLanguage('English');
  });

  it('had no CSP violations and no page errors', async () => {
    expect(await csp.problems()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

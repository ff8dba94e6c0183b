import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HeardError, type RakeMargin, type RakeRequest, type RakeResult } from '../../src/contract/index.js';
import { createClient, type RpcClient } from '../../src/rpc/client.js';
import { webSocketTransport, type WebSocketLike } from '../../src/rpc/websocket-transport.js';
import { tempDir } from '../support/temp-dir.js';
import { Shell } from './pages/Shell.js';
import { WeightingPage } from './pages/WeightingPage.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";
const BENCHMARK = path.join(__dirname, '..', '..', 'sample-data', 'population-benchmark.csv');
const SAVED = 'Ward and age 2023';

const dir = tempDir('heard-weighting-e2e-');
/** The benchmark's wards plus one nobody in the sample lives in. */
const wardsWithRiverside = path.join(dir, 'wards-with-riverside.csv');

/** The benchmark as a test reads it, independently of the app: characteristic → [category, population]. */
function benchmark(): Map<string, [string, number][]> {
  const lines = fs.readFileSync(BENCHMARK, 'utf8').trim().split(/\r?\n/).slice(1);
  const out = new Map<string, [string, number][]>();
  for (const line of lines) {
    // Categories with commas are quoted; none of the ones used here are.
    const match = /^([^,]+),("(?:[^"]|"")*"|[^,]*),([\d.]+),/.exec(line);
    if (!match) continue;
    const [, characteristic, category, population] = match as unknown as [string, string, string, string];
    const list = out.get(characteristic) ?? [];
    list.push([category.replace(/^"|"$/g, '').replace(/""/g, '"'), Number(population)]);
    out.set(characteristic, list);
  }
  return out;
}
const figures = benchmark();
const marginOf = (characteristic: string): RakeMargin => ({
  variables: [characteristic],
  cells: figures.get(characteristic)!.map(([category, population]) => ({ values: [category], population })),
});

/** What the page ought to show, asked of the backend over the same contract. */
let oracle: RpcClient;
let app: RunningApp;
let page: Page;
let weighting: WeightingPage;
let waveId: number;
let baseUrl: string;

const en = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const people = (v: number) => en(1).format(v);
const whole = (v: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(v);
const percent = (v: number) => new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
const signed = (v: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);

beforeAll(async () => {
  const wards = figures.get('ward')!;
  fs.writeFileSync(wardsWithRiverside, ['ward,population', ...wards.map(([w, p]) => `"${w}",${p}`), 'Riverside,5000'].join('\n') + '\n');
  app = await startApp();
  const socket = new WebSocket(`ws://127.0.0.1:${app.host.port}/api/ws`, { headers: { 'x-heard-token': app.host.token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  oracle = createClient(webSocketTransport(socket as unknown as WebSocketLike));
  const survey = (await oracle.call('surveys.list', {})).find((s) => s.name === SURVEY)!;
  waveId = survey.waves.find((w) => w.label === '2023')!.id;
  baseUrl = `http://127.0.0.1:${app.host.port}`;
  page = await app.newPage();
  weighting = new WeightingPage(page);
});
afterAll(async () => {
  oracle?.close();
  await app?.close();
});

const request = (excludeMissing: boolean): RakeRequest => ({
  waveId,
  margins: [marginOf('age_band'), marginOf('ward')],
  baseWeight: null,
  excludeMissing,
  rescale: false,
});

// One officer's journey, in order: each test starts where the previous one left off.
describe('making a weight on the Weighting page', () => {
  it('is listed in the navigation after Tables, and lists the wave’s design weight with its efficiency', async () => {
    const shell = new Shell(page);
    await shell.heading.waitFor();
    const links = await shell.navigation.getByRole('link').allInnerTexts();
    expect(links.indexOf('Weighting')).toBe(links.indexOf('Tables') + 1);
    await shell.goTo('Weighting');
    await weighting.chooseWave('2023');
    const listed = await weighting.listedWeights();
    const expected = await oracle.call('weights.list', { waveId });
    expect(listed.map((w) => [w.name, w.efficiency, w.nEff])).toEqual(expected.map((w) => [w.name, percent(w.efficiency), whole(w.nEff)]));
    expect(listed[0]!.kind).toBe('Design weight');
    await page.getByText('No margins yet. Add one below.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'weighting-empty');
  });

  it('takes age band figures typed in and fills the ward margin from the benchmark file, with totals', async () => {
    await weighting.addMargin('Age band');
    // Typed, as an officer copying a published table would, with thousands separators.
    for (const [band, population] of figures.get('age_band')!) {
      expect(await weighting.figure('Age band', band).inputValue()).toBe('');
      await weighting.figure('Age band', band).fill(population.toLocaleString('en-GB'));
    }
    const total = figures.get('age_band')!.reduce((s, [, p]) => s + p, 0);
    expect(await weighting.marginTotal('Age band')).toBe(whole(total));

    await weighting.readBenchmark(BENCHMARK);
    await weighting.addMargin('Ward');
    await page.getByText('Figures from population-benchmark.csv: 12 of 12 categories filled.').waitFor();
    for (const [ward, population] of figures.get('ward')!) {
      expect(await weighting.figure('Ward', ward).inputValue()).toBe(String(population));
    }
    expect(await weighting.marginTotal('Ward')).toBe(whole(figures.get('ward')!.reduce((s, [, p]) => s + p, 0)));
    // The respondents beside each ward are the wave's own counts.
    const counts = await oracle.call('tables.crosstab', { waveId, row: 'ward' });
    for (const cell of counts.cells) await expect.poll(() => weighting.respondentsShown('Ward', cell.row)).toBe(whole(cell.n));
    expect(await seriousViolations(page)).toEqual([]);
    await weighting.margin('Age band').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'weighting-margins');
  });

  it('shows the backend’s refusal in plain words when respondents left a margin’s question blank', async () => {
    const refusal = await oracle.call('weights.preview', request(false)).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(HeardError);
    await weighting.previewButton.click();
    const alert = weighting.alerts.filter({ hasText: 'Heard could not make weights from these margins' });
    await alert.waitFor();
    const text = await alert.innerText();
    // The backend's own words, every sentence (it lists the problems in no fixed order).
    const sentences = (refusal as HeardError).message.split(/(?<=\.) /);
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) expect(text).toContain(sentence);
    expect(text).toMatch(/respondents left ward blank/);
    expect(text).not.toMatch(/HeardError|bad_request|undefined/);
    expect(await seriousViolations(page)).toEqual([]);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'weighting-error');
  });

  it('previews: achieved against target, efficiency and n_eff as the backend computes them', async () => {
    await weighting.excludeMissing.check();
    await weighting.previewButton.click();
    await weighting.resultHeading.waitFor({ timeout: 60_000 });
    // Focus goes to the result, so a screen reader hears it.
    await expect.poll(() => weighting.focused()).toMatch(/^Preview: what these weights achieve/);
    const expected: RakeResult = await oracle.call('weights.preview', request(true));
    expect(expected.converged).toBe(true);
    expect(await weighting.fact('efficiency')).toBe(percent(expected.efficiency));
    expect(await weighting.fact('nEff')).toBe(whole(expected.nEff));
    expect(await weighting.fact('rows')).toBe(whole(expected.rows));
    expect(await weighting.fact('excluded')).toBe(whole(expected.excluded.reduce((n, e) => n + e.respondents, 0)));
    for (const margin of expected.margins) {
      const shown = await weighting.achieved(margin.variables.join(' × '));
      expect(shown).toEqual(
        margin.cells.map((c) => ({
          category: c.values.join(' × '),
          respondents: whole(c.respondents),
          target: people(c.target),
          achieved: people(c.achieved),
          difference: signed(c.achieved - c.target),
        })),
      );
    }
    const d = expected.distribution;
    expect(await weighting.distribution()).toEqual([d.min, d.q1, d.median, d.q3, d.max, d.mean].map((v) => en(2).format(v)));
    await page.getByText(`Raking converged after ${expected.iterations} rounds of adjustment.`).waitFor();
    await page.getByText(/An efficiency of [\d.]+% means the weighted results are about as precise as those from/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'weighting-preview');
    await page.locator('table.achieved-table').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'weighting-preview-margins');
  });

  it('refuses a name already used, then saves the weight, lists it, and tables accept it as a weight', async () => {
    await weighting.saveAs('weight');
    await page.getByText('This wave already has a weight called “weight”. Choose another name, or delete that weight first.').waitFor();
    expect(await weighting.nameField.getAttribute('aria-invalid')).toBe('true');
    await weighting.saveAs(SAVED);
    await weighting.savedPanel(SAVED).waitFor({ timeout: 60_000 });
    await screenshot(page, 'weighting-saved');

    const listed = await oracle.call('weights.list', { waveId });
    const saved = listed.find((w) => w.name === SAVED)!;
    expect(saved.kind).toBe('raked');
    expect(saved.raking?.margins.map((m) => m.variables).sort()).toEqual([['age_band'], ['ward']]);
    await expect.poll(async () => (await weighting.listedWeights()).map((w) => w.name)).toContain(SAVED);
    const row = (await weighting.listedWeights()).find((w) => w.name === SAVED)!;
    expect(row).toEqual({ name: SAVED, kind: 'Raked by Heard', efficiency: percent(saved.efficiency), nEff: whole(saved.nEff) });

    // Every analysis can use it: a weighted crosstab over it sums to the population of the margins.
    const table = await oracle.call('tables.crosstab', { waveId, row: 'age_band', weight: SAVED });
    expect(table.weight).toBe(SAVED);
    for (const [band, population] of figures.get('age_band')!) {
      const cell = table.cells.find((c) => c.row === band)!;
      expect(Math.abs(cell.weighted_n - population) / population).toBeLessThan(1e-6);
    }
  });

  it('says plainly, naming the category, when a margin has a category nobody in the sample is in', async () => {
    await weighting.removeMargin('Ward');
    await weighting.addMarginFromFile(wardsWithRiverside);
    await weighting.margin('Ward').waitFor();
    await page.getByText('Figures from wards-with-riverside.csv.').waitFor();
    await expect.poll(() => weighting.respondentsShown('Ward', 'Riverside')).toBe('0');
    await weighting.previewButton.click();
    const message = 'No respondents are in “Riverside” (Ward), so no weight can make up its population.';
    const summary = weighting.alerts.filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain(message);
    // The summary is focused; its link takes the user to the figure to change.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await summary.getByRole('link', { name: message }).click();
    await expect.poll(() => weighting.focused()).toBe('Riverside Population');
    expect(await weighting.figure('Ward', 'Riverside').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'weighting-validation');
    await weighting.margin('Ward').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'weighting-validation-margin');
    await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'weighting-validation-summary');
    // Merged as the message says: its population added to a neighbour, 0 for it. Then it rakes.
    await weighting.figure('Ward', 'Riverside').fill('0');
    await weighting.previewButton.click();
    await weighting.resultHeading.waitFor({ timeout: 60_000 });
  });

  it('takes interlocked figures (age band × sex) from a margins file into a grid with row and column totals', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'stats', 'margins-age-sex.csv');
    const rows = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    await weighting.addMarginFromFile(file);
    const grid = weighting.margin('Age band × Sex');
    await grid.waitFor();
    for (const [band, sex, population] of rows) {
      expect(await grid.getByRole('textbox', { name: `${band} ${sex}`, exact: true }).inputValue()).toBe(population);
    }
    const female = rows.filter((r) => r[1] === 'Female').reduce((s, r) => s + Number(r[2]), 0);
    const totals = await grid.locator('tfoot td').allInnerTexts();
    expect(totals[0]).toBe(whole(female));
    expect(totals.at(-1)).toBe(whole(rows.reduce((s, r) => s + Number(r[2]), 0)));
    // Respondents in each cell are the wave's own counts.
    const counts = await oracle.call('tables.crosstab', { waveId, row: 'age_band', col: 'sex' });
    const n = counts.cells.find((c) => c.row === '16-24' && c.col === 'Male')!.n;
    expect(await grid.getByRole('textbox', { name: '16-24 Male', exact: true }).getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).innerText())).toBe(
      `${whole(n)} respondents`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'weighting-interlocked');
    await weighting.removeMargin('Age band × Sex');
    await expect.poll(() => grid.count()).toBe(0);
  });

  it('deletes a saved weight only after asking', async () => {
    const deleteButton = page.getByRole('button', { name: `Delete ${SAVED}` });
    await deleteButton.click();
    const question = page.getByRole('heading', { name: `Delete the weight “${SAVED}”?` });
    await question.waitFor();
    await expect.poll(() => weighting.focused()).toBe(`Delete the weight “${SAVED}”?`);
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await expect.poll(() => weighting.focused()).toBe(`Delete ${SAVED}`);
    expect((await oracle.call('weights.list', { waveId })).map((w) => w.name)).toContain(SAVED);

    await deleteButton.click();
    await screenshot(page, 'weighting-delete');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('status').filter({ hasText: `The weight “${SAVED}” has been deleted.` }).waitFor();
    expect((await oracle.call('weights.list', { waveId })).map((w) => w.name)).not.toContain(SAVED);
    await expect.poll(async () => (await weighting.listedWeights()).map((w) => w.name)).toEqual(['weight']);
  });

  it('reads in Welsh', async () => {
    await new Shell(page).switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Pwysoli' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gwneud pwysiad newydd' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'weighting-cy');
    await new Shell(page).switchLanguage('English');
    await weighting.heading.waitFor();
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element's name matches, as a keyboard user would move through the page. */
  async function tabTo(p: Page, w: WeightingPage, name: string | RegExp, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const focused = await w.focused();
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
      await p.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${String(name)} (last: ${await w.focused()})`);
  }

  it('makes, previews and saves a weight without a mouse', async () => {
    const p = await app.newPage();
    const w = new WeightingPage(p);
    const shell = new Shell(p);
    await shell.heading.waitFor();
    await tabTo(p, w, 'Weighting');
    await p.keyboard.press('Enter');
    await w.heading.waitFor();
    await expect.poll(() => w.focused()).toBe('Weighting');

    // The wave: the select moves with the arrow keys.
    await tabTo(p, w, 'Wave');
    while (!(await w.waveSelect.locator('option:checked').innerText()).startsWith('2023')) await p.keyboard.press('ArrowUp');
    await w.weightsTable.waitFor();

    // A margin over sex, figures typed, Tab between them.
    await tabTo(p, w, 'Question');
    while ((await w.questionSelect.locator('option:checked').innerText()) !== 'Sex') await p.keyboard.press('ArrowDown');
    await tabTo(p, w, 'Add margin');
    await p.keyboard.press('Enter');
    // Focus lands on the new margin's first figure.
    await expect.poll(() => w.focused()).toBe('Female Population');
    const sex = figures.get('sex')!;
    await p.keyboard.type(String(sex[0]![1]));
    await tabTo(p, w, 'Male Population');
    await p.keyboard.type(String(sex[1]![1]));

    await tabTo(p, w, 'Leave out respondents who did not answer a margin’s question');
    await p.keyboard.press('Space');
    expect(await w.excludeMissing.isChecked()).toBe(true);
    await tabTo(p, w, 'Preview');
    await p.keyboard.press('Enter');
    await w.resultHeading.waitFor({ timeout: 60_000 });
    await expect.poll(() => w.focused()).toMatch(/^Preview: what these weights achieve/);
    const expected = await oracle.call('weights.preview', { waveId, margins: [marginOf('sex')], excludeMissing: true });
    expect(await w.achieved('sex')).toEqual(
      expected.margins[0]!.cells.map((c) => ({
        category: c.values[0],
        respondents: whole(c.respondents),
        target: people(c.target),
        achieved: people(c.achieved),
        difference: signed(c.achieved - c.target),
      })),
    );

    await tabTo(p, w, 'Name for this weight');
    await p.keyboard.type('Sex only');
    await p.keyboard.press('Enter');
    await w.savedPanel('Sex only').waitFor({ timeout: 60_000 });
    await expect.poll(() => w.focused()).toMatch(/^Weight “Sex only” saved/);
    expect((await oracle.call('weights.list', { waveId })).map((x) => x.name)).toContain('Sex only');
    await p.close();
  });
});

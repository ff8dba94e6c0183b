import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveySummary, TrendRequest, TrendSeries } from '../../src/contract/index.js';
import { Shell } from './pages/Shell.js';
import { TrendsPage } from './pages/TrendsPage.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { watchCsp } from './support/csp.js';
import { one, two, whole } from './support/numbers.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";

let app: RunningApp;
let page: Page;
let trends: TrendsPage;
let waveIds: number[];
let csp: Awaited<ReturnType<typeof watchCsp>>;

beforeAll(async () => {
  app = await startApp();
  const survey: SurveySummary = (await app.oracle.surveys()).find((s) => s.name === SURVEY)!;
  waveIds = [...survey.waves].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).map((w) => w.id);
  page = await app.newPage();
  csp = await watchCsp(page);
  trends = new TrendsPage(page);
});
afterAll(async () => {
  await app?.close();
});


/** The table's rows as the page should show them for this series. */
function expectedRows(series: TrendSeries): string[][] {
  const f = series.units === 'score' ? two : one;
  const how = { first: 'The question you chose', name: 'Same name', text: 'Similar wording: check it', given: 'Chosen by you' };
  return series.waves.map((w, i) => [
    w.wave,
    series.units === 'percent' ? `${one(w.estimate)}%` : series.units === 'score' ? two(w.estimate) : `${one(w.estimate)} points`,
    `${f(w.ci![0])} to ${f(w.ci![1])}`,
    `${whole(w.n)} (effective ${one(w.nEff)})`,
    i === 0 ? `${w.question} · ${how[w.matchedBy]}` : `${w.question} · ${how[w.matchedBy]}`,
    ...(series.measure === 'top' ? [w.top.join(' + ')] : []),
    ...(series.measure === 'theme' ? [w.theme!] : []),
  ]);
}

/** "Down 4.0 points since 2023, a change unlikely to be chance (p = 0.010)." and its variants, from the backend's change. */
function expectedChange(series: TrendSeries): string {
  const c = series.change!;
  const since = series.waves[series.waves.length - 2]!.wave;
  const p = c.p < 0.001 ? 'p < 0.001' : `p = ${c.p.toFixed(3)}`;
  const size = series.units === 'score' ? `${two(Math.abs(c.estimate))} score points` : `${one(Math.abs(c.estimate))} points`;
  const way = c.estimate > 0 ? 'Up' : 'Down';
  return c.p < 0.05 ? `${way} ${size} since ${since}, a change unlikely to be chance (${p}).` : `${way} ${size} since ${since}, but a change this small could be chance (${p}).`;
}

describe('the Trends page', () => {
  it('follows a question across the survey’s two waves, by keyboard, exactly as trends.series gives it', async () => {
    await trends.open(app.host.port);
    expect(await trends.wave(`${SURVEY} 2023`).isChecked()).toBe(true);
    expect(await trends.wave(`${SURVEY} 2024`).isChecked()).toBe(true);
    await screenshot(page, 'trends-empty');

    // The measure comes first: it decides which questions are on offer.
    await trends.measure.focus();
    expect(await trends.measure.inputValue()).toBe('top');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Council listens: satisfaction');
    expect(await trends.question.inputValue()).toBe('listens_satisfaction');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Design');
    expect(await trends.weight.inputValue()).toBe('weight');
    await page.keyboard.press('Tab');
    expect(await new Shell(page).focused()).toBe('button:Show the trend');
    await page.keyboard.press('Enter');
    await trends.change.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

    const series = await app.oracle.call('trends.series', { waveIds, question: 'listens_satisfaction', weight: 'weight' });
    expect(await trends.change.textContent()).toBe(expectedChange(series));
    await page.getByText('Weighted by Design weight').waitFor();
    expect(await trends.rows()).toEqual(expectedRows(series));
    await expect.poll(() => trends.chartPlot.getAttribute('data-state')).toBe('drawn');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'trends-top-box');
    await trends.chartPlot.scrollIntoViewIfNeeded();
    await screenshot(page, 'trends-chart');
  });

  it('shows the mean score and the gap as trends.series does', async () => {
    for (const [label, measure] of [
      ['Mean score', 'mean'],
      ['Gap: importance less satisfaction', 'gap'],
    ] as const) {
      const question = measure === 'gap' ? 'listens_importance' : 'listens_satisfaction';
      await trends.question.selectOption(question);
      await trends.measure.selectOption({ label });
      await trends.weight.selectOption('');
      await trends.showButton.click();
      const request: TrendRequest = { waveIds, question, measure };
      const series = await app.oracle.call('trends.series', request);
      await expect.poll(() => trends.rows()).toEqual(expectedRows(series));
      expect(await trends.change.textContent()).toBe(expectedChange(series));
      await screenshot(page, `trends-${measure}`);
    }
  });

  it('follows a different question in a wave when the user picks one, and says it was chosen', async () => {
    await trends.question.selectOption('listens_satisfaction');
    await trends.measure.selectOption('top');
    await trends.showButton.click();
    await trends.questionIn('2024').waitFor();
    await trends.questionIn('2024').selectOption('overall_satisfaction');
    const series = await app.oracle.call('trends.series', { waveIds, question: 'listens_satisfaction', matches: [{ waveId: waveIds[1]!, question: 'overall_satisfaction' }] });
    expect(series.waves[1]!.matchedBy).toBe('given');
    await expect.poll(() => trends.rows()).toEqual(expectedRows(series));
    expect(await trends.change.textContent()).toBe(expectedChange(series));
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.trend-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'trends-chosen-match');
  });

  it('says what is missing when no question is chosen, and shows a backend refusal as it is', async () => {
    await trends.question.selectOption('');
    await trends.showButton.click();
    await page.getByRole('link', { name: 'Choose the question to follow.' }).waitFor();
    // A gap needs a question paired with a satisfaction question; overall satisfaction has none.
    await trends.question.selectOption('overall_satisfaction');
    await trends.measure.selectOption('gap');
    await trends.showButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Heard could not work out these figures.' });
    await alert.waitFor();
    // The backend's reason is shown as it is written, not hidden in technical details.
    await alert.getByText('has no satisfaction question paired with it', { exact: false }).waitFor();
    expect(await alert.getByText('has no satisfaction question paired with it', { exact: false }).isVisible()).toBe(true);
    await screenshot(page, 'trends-error');
  });

  it('follows a theme of a coded free-text question across the waves, as trends.series gives it', async () => {
    // Code both waves' comments by the sample codeframe's keyword rules, then reload so the page sees the coded question.
    const { id: codeframeId } = await app.oracle.call('themes.importCodeframe', { path: path.join(__dirname, '..', '..', 'sample-data', 'codeframe.csv'), name: 'Trends e2e' });
    for (const waveId of waveIds) {
      await app.oracle.call('themes.attach', { waveId, question: 'comments', codeframeId });
      await app.oracle.call('themes.apply', { waveId, question: 'comments', trainFromHuman: false });
    }
    await page.reload();
    await trends.open(app.host.port);
    await trends.measure.selectOption({ label: 'Theme prevalence' });
    await trends.question.selectOption({ label: 'Themes: Comments' });
    await trends.showButton.click();
    await page.getByRole('link', { name: 'Choose the theme to follow.' }).waitFor();
    await trends.theme.selectOption('Cost and value for money');
    await trends.weight.selectOption('weight');
    await trends.showButton.click();
    const series = await app.oracle.call('trends.series', { waveIds, question: 'comments', measure: 'theme', theme: 'Cost and value for money', weight: 'weight' });
    await expect.poll(() => trends.rows()).toEqual(expectedRows(series));
    expect(await trends.change.textContent()).toBe(expectedChange(series));
    await page.getByText('The share of people who wrote an answer whose answer was coded with this theme', { exact: false }).waitFor();
    await expect.poll(() => trends.chartPlot.getAttribute('data-state')).toBe('drawn');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'trends-theme');
    await page.locator('.trend-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'trends-theme-table');
  });

  it('reads in Welsh and had no CSP violations or page errors', async () => {
    await new Shell(page).switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Tueddiadau' }).waitFor();
    await new Shell(page).switchLanguage('English');
    expect(await csp.problems()).toEqual([]);
    expect([...new Set(app.pageErrors)]).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapPair, GapRequest, GapResult, SurveySummary } from '../../src/contract/index.js';
import { GapsPage, type ShownCard } from './pages/GapsPage.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { watchCsp } from './support/csp.js';
import { one, two, whole } from './support/numbers.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = "Residents' Survey";

let app: RunningApp;
let page: Page;
let gaps: GapsPage;
let survey: SurveySummary;
let waveId: number;
let csp: Awaited<ReturnType<typeof watchCsp>>;

beforeAll(async () => {
  app = await startApp();
  survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY)!;
  waveId = [...survey.waves].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!.id;
  page = await app.newPage();
  csp = await watchCsp(page);
  gaps = new GapsPage(page);
});
afterAll(async () => {
  await app?.close();
});


/** What the backend gives for every pair of the wave, asked as the page asks. */
async function oracleResults(method: GapRequest['method'], weight: string | null): Promise<{ pairs: GapPair[]; results: GapResult[] }> {
  const { pairs } = await app.oracle.call('gaps.pairs', { waveId });
  const results = await Promise.all(
    pairs.map((p, i) =>
      app.oracle.call('gaps.compute', {
        waveId,
        importance: p.importance.name,
        satisfaction: p.satisfaction.name,
        method,
        weight,
        itemChart: i === 0,
        target: method === 'mean' ? null : p.target,
      }),
    ),
  );
  return { pairs, results };
}

/** Each card against the backend's figure: the gap and its interval, both items and their bases, the target's status. */
function expectCardsMatch(cards: ShownCard[], pairs: GapPair[], results: GapResult[]): void {
  expect(cards.map((c) => c.pair)).toEqual(pairs.map((p) => p.key));
  for (const [i, r] of results.entries()) {
    const card = cards[i]!;
    const h = r.headline;
    const f = r.units === 'score' ? two : one;
    expect(card.headline, card.pair).toBe(r.units === 'score' ? `${two(h.gap!)} score points` : `${one(h.gap!)} points`);
    expect(card.interval, card.pair).toBe(`95% CI ${f(h.ci![0])} to ${f(h.ci![1])}`);
    expect(card.importance, card.pair).toBe(r.units === 'score' ? two(h.importance.estimate!) : `${one(h.importance.estimate!)}%`);
    expect(card.satisfaction, card.pair).toBe(r.units === 'score' ? two(h.satisfaction.estimate!) : `${one(h.satisfaction.estimate!)}%`);
    expect(card.importanceBase, card.pair).toBe(`${whole(h.importance.base)} answered; effective base ${one(h.importance.nEff)}`);
    expect(card.satisfactionBase, card.pair).toBe(`${whole(h.satisfaction.base)} answered; effective base ${one(h.satisfaction.nEff)}`);
    expect(card.status, card.pair).toBe(r.target?.status ?? null);
  }
}

describe('the Gaps page', () => {
  it('opens on the latest wave with every pair’s gap exactly as gaps.compute gives it, and the quadrant chart with its table', async () => {
    await gaps.open(app.host.port);
    expect(Number(await gaps.wave.inputValue())).toBe(waveId);
    expect(await gaps.method.inputValue()).toBe('own');
    // The chosen method is explained in plain words beside it.
    await page.getByText('How councils publish the gap:', { exact: false }).waitFor();
    const { pairs, results } = await oracleResults('own', null);
    expect(pairs.length).toBeGreaterThan(3);
    expectCardsMatch(await gaps.cards(), pairs, results);

    // The chart's text alternative: every point with its means and quadrant, as the backend places them.
    await expect.poll(() => gaps.chartPlot.getAttribute('data-state')).toBe('drawn');
    const points = results[0]!.quadrants.items!.points;
    const names: Record<string, string> = { concentrate_here: 'Concentrate here', keep_up_the_good_work: 'Keep up the good work', low_priority: 'Low priority', possible_overkill: 'Possible overkill' };
    expect(await gaps.quadrantRows()).toEqual(points.map((p) => [p.label, two(p.importance.mean), two(p.satisfaction.mean), names[p.quadrant]]));
    const cross = results[0]!.quadrants.items!.crosshairs;
    await page.getByText(`The lines cross at the average of the points: importance ${two(cross.importance)}, satisfaction ${two(cross.satisfaction)}.`).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'gaps-headlines');
    await page.locator('.gaps-quadrants').scrollIntoViewIfNeeded();
    await screenshot(page, 'gaps-quadrant-chart');
  });

  it('follows the weight and the method chosen, by keyboard: weighted own-base, paired and mean-score gaps', async () => {
    await gaps.weight.focus();
    await page.keyboard.type('Design');
    expect(await gaps.weight.inputValue()).toBe('weight');
    await gaps.cardsReady();
    let expected = await oracleResults('own', 'weight');
    await expect.poll(async () => (await gaps.cards())[0]!.headline).toBe(`${one(expected.results[0]!.headline.gap!)} points`);
    expectCardsMatch(await gaps.cards(), expected.pairs, expected.results);

    // The method is a select: the keyboard moves through it with the arrow keys.
    await gaps.method.focus();
    await page.keyboard.press('ArrowDown');
    expect(await gaps.method.inputValue()).toBe('paired');
    expected = await oracleResults('paired', 'weight');
    await expect.poll(async () => (await gaps.cards())[0]!.headline).toBe(`${one(expected.results[0]!.headline.gap!)} points`);
    expectCardsMatch(await gaps.cards(), expected.pairs, expected.results);

    await page.keyboard.press('ArrowDown');
    expect(await gaps.method.inputValue()).toBe('mean');
    expected = await oracleResults('mean', 'weight');
    await expect.poll(async () => (await gaps.cards())[0]!.headline).toBe(`${two(expected.results[0]!.headline.gap!)} score points`);
    expectCardsMatch(await gaps.cards(), expected.pairs, expected.results);
    await screenshot(page, 'gaps-mean-scores');

    await gaps.method.selectOption('own');
    await gaps.weight.selectOption('');
    await gaps.cardsReady();
  });

  it('moves the crosshairs to the scale midpoint when asked', async () => {
    await page.getByRole('radio', { name: 'At the middle of the scale (3)' }).check();
    await page.getByText('The lines cross at the middle of the scale: importance 3.00, satisfaction 3.00.').waitFor();
    const r = await app.oracle.call('gaps.compute', { waveId, importance: 'listens_importance', satisfaction: 'listens_satisfaction', crosshairs: 'midpoint' });
    await expect.poll(() => gaps.quadrantRows()).toEqual(
      r.quadrants.items!.points.map((p) => [p.label, two(p.importance.mean), two(p.satisfaction.mean), expect.any(String)]),
    );
    const quadrants = (await gaps.quadrantRows()).map((row) => row[3]);
    const names: Record<string, string> = { concentrate_here: 'Concentrate here', keep_up_the_good_work: 'Keep up the good work', low_priority: 'Low priority', possible_overkill: 'Possible overkill' };
    expect(quadrants).toEqual(r.quadrants.items!.points.map((p) => names[p.quadrant]));
    await page.getByRole('radio', { name: 'At the average of the points (usual)' }).check();
  });

  it('breaks a gap down by group with [c] where a group is too small, and each group against the rest in words', async () => {
    await gaps.breakdownPair.selectOption({ label: 'Council listens' });
    // Keyboard: choose the characteristic by typing, then Enter on the button.
    await gaps.breakdownBy.focus();
    await page.keyboard.type('Sexual orientation');
    expect(await gaps.breakdownBy.inputValue()).toBe('sexual_orientation');
    await gaps.showBreakdown.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Council listens by Sexual orientation' }).waitFor();
    const r = await app.oracle.call('gaps.compute', { waveId, importance: 'listens_importance', satisfaction: 'listens_satisfaction', by: 'sexual_orientation', itemChart: false });
    const rows = await gaps.groupRows();
    expect(rows.map((row) => row.group)).toEqual(r.groups.map((g) => g.group));
    expect(r.groups.some((g) => g.flag === 'c')).toBe(true);
    for (const [i, g] of r.groups.entries()) {
      const row = rows[i]!;
      expect(row.flag, g.group).toBe(g.flag ?? '');
      if (g.flag === 'c') {
        expect(row.cells.slice(0, 5), g.group).toEqual(['[c]', '[c]', '[c]', '[c]', '[c]']);
        expect(row.cells.join(' ')).not.toMatch(/\d/);
      } else if (g.flag === 'hidden') {
        expect(row.cells[0], g.group).toBe('[x]');
      } else {
        expect(row.cells[0], g.group).toBe(`${one(g.gap!)}${g.flag === 'low' ? ' [low]' : ''}`);
        expect(row.cells[1]).toBe(`95% CI ${one(g.ci![0])} to ${one(g.ci![1])}`);
        expect(row.cells[2]).toBe(`${one(g.importance!.estimate!)}%`);
        expect(row.cells[3]).toBe(`${one(g.satisfaction!.estimate!)}%`);
        expect(row.cells[4]).toBe(`${whole(g.importance!.base)} / ${whole(g.satisfaction!.base)}`);
        const p = g.vsRest!.p < 0.001 ? 'p < 0.001' : `p = ${g.vsRest!.p.toFixed(3)}`;
        const words = g.vsRest!.p >= 0.05 ? `No clear difference (${p})` : `${g.vsRest!.difference > 0 ? 'Wider' : 'Narrower'} by ${one(Math.abs(g.vsRest!.difference))} points, a difference unlikely to be chance (${p})`;
        expect(row.cells[5], g.group).toBe(words);
      }
    }
    await page.locator('[data-note="c"]').waitFor();
    // The chart of the groups leaves the confidential ones out; its table lists the others as the backend places them.
    const names: Record<string, string> = { concentrate_here: 'Concentrate here', keep_up_the_good_work: 'Keep up the good work', low_priority: 'Low priority', possible_overkill: 'Possible overkill' };
    expect(await gaps.groupQuadrantRows()).toEqual(r.quadrants.groups!.points.map((p) => [p.label, two(p.importance.mean), two(p.satisfaction.mean), names[p.quadrant]]));
    expect(r.quadrants.groups!.points.map((p) => p.key)).toEqual(r.groups.filter((g) => g.flag !== 'c').map((g) => g.group));
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.gaps-groups-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'gaps-by-group');
  });

  it('sets a target by keyboard, shows its status as gaps.compute reads it, and keeps it after a reload', async () => {
    const card = gaps.card('listens');
    await card.getByRole('button', { name: 'Set a target for Council listens' }).focus();
    await page.keyboard.press('Enter');
    // Focus lands in the first field of the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await card.getByLabel('Target (percentage points)').getAttribute('id'));
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('37');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2016');
    await card.getByRole('button', { name: 'Save the target' }).focus();
    await page.keyboard.press('Enter');
    await card.locator('.gap-target-status').waitFor();
    const target = { value: 30, year: 2026, direction: 'lower' as const, baseline: { value: 37, year: 2016 } };
    const r = await app.oracle.call('gaps.compute', { waveId, importance: 'listens_importance', satisfaction: 'listens_satisfaction', itemChart: false, target });
    expect((await app.oracle.call('gaps.pairs', { waveId })).pairs.find((p) => p.key === 'listens')!.target).toEqual(target);
    const shown = (await gaps.cards()).find((c) => c.pair === 'listens')!;
    expect(shown.status).toBe(r.target!.status);
    const label = { met: 'Met', on_track: 'On track', not_met: 'Not met', cannot_tell: 'Cannot tell' }[r.target!.status];
    expect(shown.statusWords.startsWith(label)).toBe(true);
    await card.getByText('Bring the gap down to 30.0 points by 2026, from 37.0 in 2016.').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'gaps-target');

    await page.reload();
    await gaps.cardsReady();
    expect((await gaps.cards()).find((c) => c.pair === 'listens')!.status).toBe(r.target!.status);
  });

  it('refuses a target with the baseline after the target year, saying so at the field', async () => {
    const card = gaps.card('waste');
    await card.getByRole('button', { name: 'Set a target for Waste and recycling' }).click();
    await card.getByLabel('Target (percentage points)').fill('5');
    await card.getByLabel('By the year').fill('2025');
    await card.getByLabel('Baseline (optional)').fill('10');
    await card.getByLabel('Baseline year').fill('2030');
    await card.getByRole('button', { name: 'Save the target' }).click();
    await card.getByText('The baseline year must come before the target year.').waitFor();
    expect((await app.oracle.call('gaps.pairs', { waveId })).pairs.find((p) => p.key === 'waste')!.target).toBeNull();
    await card.getByRole('button', { name: 'Cancel' }).click();
  });

  it('confirms a pair and unpairs another, both kept after a reload, and pairs them again by hand', async () => {
    await gaps.pairRow('parks').getByRole('button', { name: 'Confirm Parks and green spaces' }).focus();
    await page.keyboard.press('Enter');
    await gaps.status.filter({ hasText: 'Parks and green spaces confirmed for every wave of this survey.' }).waitFor();
    expect(await gaps.pairRow('parks').locator('.gaps-found').textContent()).toBe('Confirmed by you');

    await gaps.pairRow('roads').getByRole('button', { name: 'Unpair Roads and pavements' }).click();
    await gaps.status.filter({ hasText: 'Roads and pavements unpaired for every wave of this survey.' }).waitFor();
    await gaps.cardsReady();
    await page.locator('.gaps-unpaired').scrollIntoViewIfNeeded();
    await screenshot(page, 'gaps-pairs-after-unpair');

    await page.reload();
    await gaps.cardsReady();
    const { pairs, unpaired } = await app.oracle.call('gaps.pairs', { waveId });
    expect(await gaps.pairKeys()).toEqual(pairs.map((p) => p.key));
    expect(await gaps.pairKeys()).not.toContain('roads');
    expect((await gaps.cards()).map((c) => c.pair)).not.toContain('roads');
    expect(await gaps.pairRow('parks').locator('.gaps-found').textContent()).toBe('Confirmed by you');
    expect(unpaired.filter((q) => q.unpairedByUser).map((q) => q.name)).toEqual(['roads_importance', 'roads_satisfaction']);
    await page.getByText('Importance: Roads and pavements: importance (roads_importance) (you unpaired it)').waitFor();

    // Pair them again by hand (the other wave sees it too: pairs are kept per survey).
    await page.getByText('Pair two questions by hand').click();
    await page.getByLabel('Importance question', { exact: true }).selectOption('roads_importance');
    await page.getByLabel('Satisfaction question', { exact: true }).selectOption('roads_satisfaction');
    await page.getByRole('button', { name: 'Pair them' }).click();
    await gaps.status.filter({ hasText: 'The two questions are paired for every wave of this survey.' }).waitFor();
    expect(await gaps.pairKeys()).toContain('roads_importance+roads_satisfaction');
    const other = survey.waves.find((w) => w.id !== waveId)!.id;
    expect((await app.oracle.call('gaps.pairs', { waveId: other })).pairs.map((p) => p.importance.name)).toContain('roads_importance');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.gaps-pairs').scrollIntoViewIfNeeded();
    await screenshot(page, 'gaps-pairs');
  });

  it('reads in Welsh and had no CSP violations or page errors', async () => {
    await new Shell(page).switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Bylchau' }).waitFor();
    await screenshot(page, 'gaps-welsh');
    await new Shell(page).switchLanguage('English');
    expect(await csp.problems()).toEqual([]);
    expect([...new Set(app.pageErrors)]).toEqual([]);
  });
});

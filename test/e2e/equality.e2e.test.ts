import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveySummary } from '../../src/contract/index.js';
import { EqualityPage } from './pages/EqualityPage.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';
import { tempDir } from '../support/temp-dir.js';

const SURVEY = "Residents' Survey";
const dir = tempDir('heard-equality-e2e-');

let app: RunningApp;
let page: Page;
let equality: EqualityPage;
let survey: SurveySummary;
let waveId: number;
let benchmark: { id: number; name: string };

beforeAll(async () => {
  app = await startApp();
  survey = (await app.oracle.surveys()).find((s) => s.name === SURVEY)!;
  waveId = [...survey.waves].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!.id;
  benchmark = (await app.oracle.call('equality.benchmarks', {}))[0]!;
  page = await app.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.reload();
  equality = new EqualityPage(page);
});
afterAll(async () => {
  await app?.close();
});

/** As the page writes a percentage: whole from 9.5 up, else one decimal (en-GB). */
const pct = (x: number) => `${x >= 9.5 || Number.isInteger(x) ? Math.round(x).toLocaleString('en-GB') : x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
const verdict = (flag: string | null) => (flag === 'under' ? 'under-represented' : flag === 'over' ? 'over-represented' : 'about as expected');

describe('the Equality page', () => {
  it('opens on the latest wave with the sample borough benchmark, and compares age by keyboard alone', async () => {
    await equality.open(app.host.port);
    expect(await equality.benchmark.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(benchmark.name);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'equality-start');

    await equality.characteristic.focus();
    await page.keyboard.type('Age band');
    expect(await equality.characteristic.inputValue()).toBe('age_band');
    await page.keyboard.press('Tab');
    expect(await new Shell(page).focused()).toBe('button:Compare with the population');
    await page.keyboard.press('Enter');
    await page.locator('.equality-result-title').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
  });

  it('shows each age band as the backend gives it: sentences, the table, the chart and the test in words', async () => {
    const rep = await app.oracle.call('equality.representation', { waveId, variable: 'age_band', source: { benchmarkId: benchmark.id } });
    expect(await equality.sentences()).toEqual(
      rep.categories.map((c) => `${c.category}: ${pct(c.population_share)} of residents, ${pct(c.share)} of respondents (index ${Math.round(c.ri!)}): ${verdict(c.flag)}.`),
    );
    expect(await equality.tableRows('Age band: respondents and residents by group')).toEqual(
      rep.categories.map((c) => [c.category, c.n.toLocaleString('en-GB'), pct(c.share), `${pct(c.ci![0])} to ${pct(c.ci![1])}`, pct(c.population_share), Math.round(c.ri!).toLocaleString('en-GB'), verdict(c.flag)]),
    );
    // The sample's young people are under-represented and the older over-represented: both must show.
    expect(rep.categories.some((c) => c.flag === 'under') && rep.categories.some((c) => c.flag === 'over')).toBe(true);
    await page.locator('.table-chart-plot[data-state="drawn"]').waitFor();
    expect(await page.locator('.table-chart-summary').first().innerText()).toContain('Under-represented: 16-24');
    expect(await page.getByText(/Taken together, the respondents differ from the population more than chance would explain/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.equality-result-title').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'equality-age');
  });

  it('changes how an answer counts, saves it for the survey, and the comparison and a reload both keep it', async () => {
    await equality.mappingToggle.click();
    await screenshot(page, 'equality-mapping-open');
    const select = equality.mappingSelect('75+');
    await select.waitFor();
    expect(await select.inputValue()).toBe('75+');
    await select.selectOption('65-74');
    expect(await page.getByRole('row', { name: /75\+/ }).getByText('Changed, not saved yet').count()).toBe(1);
    await equality.saveMapping.click();
    await page.getByText('Saved. The comparison above now uses these choices.').waitFor();
    await screenshot(page, 'equality-mapping');
    await expect.poll(async () => (await equality.tableRows('Age band: respondents and residents by group')).length).toBe(6);
    const mapping = await app.oracle.call('equality.mapping', { waveId, variable: 'age_band', source: { benchmarkId: benchmark.id } });
    expect(mapping.entries.find((e) => e.answer === '75+')).toMatchObject({ category: '65-74', reason: 'user' });
    // The survey's other wave uses the saved choice too.
    const older = survey.waves.find((w) => w.id !== waveId)!;
    const other = await app.oracle.call('equality.mapping', { waveId: older.id, variable: 'age_band', source: { benchmarkId: benchmark.id } });
    expect(other.entries.find((e) => e.answer === '75+')).toMatchObject({ category: '65-74', reason: 'user' });

    await page.reload();
    await equality.compareButton.and(page.locator(':enabled')).waitFor();
    await equality.compareButton.click();
    await equality.mappingToggle.click();
    expect(await equality.mappingSelect('75+').inputValue()).toBe('65-74');
    expect(await page.getByRole('row', { name: /75\+/ }).getByText('Saved by you').count()).toBe(1);
    // Put it back, for the tests after this one.
    await equality.mappingSelect('75+').selectOption('75+');
    await equality.saveMapping.click();
    await page.getByText('Saved. The comparison above now uses these choices.').waitFor();
  });

  it('breaks overall satisfaction down by age band as equality.breakdown gives it, with the impact summary', async () => {
    await equality.measure.selectOption('top');
    await equality.outcome.selectOption('overall_satisfaction');
    await equality.by.selectOption('age_band');
    await equality.showBreakdown.click();
    const caption = 'Overall satisfaction by Age band, each group against everyone else';
    await page.locator('caption', { hasText: caption }).waitFor();
    const b = await app.oracle.call('equality.breakdown', { waveId, outcome: 'overall_satisfaction', by: 'age_band' });
    const rows = await equality.tableRows(caption);
    expect(rows.map((r) => r[0])).toEqual(b.groups.map((g) => g.group));
    for (const [i, g] of b.groups.entries()) {
      if (g.flag === 'c') expect(rows[i]![1]).toBe('[c]');
      else expect(rows[i]![1]).toBe(`${pct(g.estimate!)}${g.flag === 'low' ? ' [low]' : ''}`);
      expect(rows[i]![5]).toMatch(g.significant ? (g.difference! < 0 ? /^Lower by/ : /^Higher by/) : /^No clear difference|^Too few/);
    }
    const lines = await equality.summary.locator('li').allInnerTexts();
    expect(lines).toHaveLength(b.groups.filter((g) => g.significant).length);
    expect(lines.length).toBeGreaterThan(0);
    await equality.summary.getByRole('button', { name: 'Copy the summary' }).click();
    await expect.poll(() => equality.summary.getByRole('status').innerText()).toMatch(/Copied\.|Could not copy/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('caption', { hasText: caption }).scrollIntoViewIfNeeded();
    await screenshot(page, 'equality-breakdown');
  });

  it('two characteristics at once, weighted, keep the same protection: small groups are [c], with no count shown', async () => {
    await equality.by.selectOption('ethnic_group');
    await equality.by2.selectOption('sex');
    await equality.weight.selectOption('weight');
    await equality.showBreakdown.click();
    const caption = 'Overall satisfaction by Ethnic group × Sex, each group against everyone else';
    await page.locator('caption', { hasText: caption }).waitFor();
    const b = await app.oracle.call('equality.breakdown', { waveId, outcome: 'overall_satisfaction', by: 'ethnic_group', by2: 'sex', weight: 'weight' });
    const rows = await equality.tableRows(caption);
    const confidential = b.groups.filter((g) => g.flag === 'c').map((g) => g.group);
    expect(confidential.length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => confidential.includes(r[0]!))) expect([row[1], row[3]]).toEqual(['[c]', '[c]']);
    await page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr').nth(18).scrollIntoViewIfNeeded();
    await screenshot(page, 'equality-intersectional');
  });

  it('reads an ONS custom dataset for one area from a file, saves it, and compares with it', async () => {
    const file = path.join(dir, 'ons-sex.csv');
    fs.writeFileSync(
      file,
      [
        'Lower tier local authorities Code,Lower tier local authorities,Sex (2 categories) Code,Sex (2 categories),Observation',
        'W06000099,Bryncoed,1,Female,53000',
        'W06000099,Bryncoed,2,Male,51000',
        'W06000098,Elsewhere,1,Female,10',
        'W06000098,Elsewhere,2,Male,10',
      ].join('\n'),
    );
    await page.getByText('Add a benchmark from a file').click();
    await page.getByLabel('Benchmark file').fill(file);
    await page.getByLabel('Area (ONS downloads only)').fill('Bryncoed');
    await page.getByLabel('Name for this benchmark').fill('Census 2021 sex (test)');
    await page.getByRole('button', { name: 'Read and save the benchmark' }).click();
    await expect.poll(() => equality.benchmark.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Census 2021 sex (test) (Bryncoed)');
    await equality.characteristic.selectOption('sex');
    await equality.compareButton.click();
    // 53,000 of 104,000 residents are women.
    await expect.poll(async () => (await equality.sentences())[0]).toMatch(/^Female: 51% of residents, /);
    await screenshot(page, 'equality-ons-benchmark');
    // Back to the sample's benchmark for what follows.
    await equality.benchmark.selectOption({ label: benchmark.name });
    await equality.characteristic.selectOption('age_band');
  });

  it('reads in Welsh, with the same figures', async () => {
    await new Shell(page).switchLanguage('Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Cydraddoldeb' }).waitFor();
    await page.getByRole('button', { name: 'Cymharu â\'r boblogaeth' }).click();
    const rep = await app.oracle.call('equality.representation', { waveId, variable: 'age_band', source: { benchmarkId: benchmark.id } });
    const first = rep.categories[0]!;
    await expect.poll(async () => (await equality.sentences())[0]).toBe(`${first.category}: ${pct(first.population_share)} o'r trigolion, ${pct(first.share)} o'r ymatebwyr (mynegai ${Math.round(first.ri!)}): heb gynrychiolaeth ddigonol.`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.equality-result-title').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'equality-welsh');
    await new Shell(page).switchLanguage('English');
  });

  it('breaks a theme of the consultation\'s coded comments down by age band', async () => {
    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'Town Centre Consultation' });
    await equality.measure.selectOption('theme');
    const consultation = (await app.oracle.surveys()).find((s) => s.name === 'Town Centre Consultation')!.waves[0]!.id;
    const table = await app.oracle.call('tables.crosstab', { waveId: consultation, row: 'theme:comments', col: 'age_band' });
    const theme = table.rows[0]!.label;
    await page.getByLabel('Theme', { exact: true }).selectOption(theme);
    await equality.by.selectOption('age_band');
    await equality.showBreakdown.click();
    const b = await app.oracle.call('equality.breakdown', { waveId: consultation, outcome: 'theme:comments', top: [theme], by: 'age_band' });
    const caption = `${b.outcomeLabel} by Age band, each group against everyone else`;
    await page.locator('caption', { hasText: caption }).waitFor();
    const rows = await equality.tableRows(caption);
    expect(rows.map((r) => r[1])).toEqual(b.groups.map((g) => (g.flag === 'c' ? '[c]' : g.flag === 'hidden' ? '[x]' : `${pct(g.estimate!)}${g.flag === 'low' ? ' [low]' : ''}`)));
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('caption', { hasText: caption }).scrollIntoViewIfNeeded();
    await screenshot(page, 'equality-theme');
  });

  it('raised no Content-Security-Policy violation', async () => {
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});

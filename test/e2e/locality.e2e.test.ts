import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { LocalityPage } from './pages/LocalityPage.js';
import { startApp, type RunningApp } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { holdCallsUntilCancelled } from './support/held-calls.js';
import { screenshot } from './support/screenshots.js';

const SURVEY = 'Cardiff city centre survey';
/** One respondent of each kind: matched, terminated, invalid, unmatched, partial, blank (rows 1 to 6 in the grid). */
const POSTCODES = ['cf10 1aa', 'CF10 2BB', 'not a postcode', 'CF99 9ZZ', 'CF10', ''];

const dir = tempDir('heard-locality-e2e-');
const surveyCsv = path.join(dir, 'city-centre-2025.csv');
const onspd = path.join(dir, 'ONSPD_extract.csv');
const wimd = path.join(dir, 'WIMD_2019_deciles.csv');
const missing = path.join(dir, 'ONSPD_missing.csv');
const notOnspd = path.join(dir, 'not-a-directory.csv');

let app: RunningApp;
let page: Page;
let locality: LocalityPage;
let waveId: number;

beforeAll(async () => {
  fs.writeFileSync(surveyCsv, ['Respondent ID,Postcode', ...POSTCODES.map((p, i) => `R${i + 1},${p}`)].join('\r\n') + '\r\n', 'utf8');
  fs.writeFileSync(
    onspd,
    [
      'pcd,pcds,doterm,oslaua,osward,lsoa11',
      'CF10 1AA,CF10 1AA,,W06000015,W05001001,W01001001',
      'CF10 2BB,CF10 2BB,201901,W06000015,W05001002,W01001002',
    ].join('\n') + '\n',
  );
  // Only the first respondent's small area has a decile: the terminated one is placed without one.
  fs.writeFileSync(wimd, 'LSOA code,WIMD 2019 decile\nW01001001,2\n');
  fs.writeFileSync(notOnspd, 'Name,Favourite colour\nAlex,Blue\n');

  app = await startApp();
  const outcome = await app.oracle.importFile({ path: surveyCsv, surveyName: SURVEY, waveLabel: '2025', year: 2025 });
  waveId = outcome.waveId;
  page = await app.newPage();
  locality = new LocalityPage(page);
});
afterAll(async () => {
  await app?.close();
});

async function openForm(p: Page): Promise<LocalityPage> {
  await p.goto(`http://127.0.0.1:${app.host.port}/#/data/wave/${waveId}`);
  const form = new LocalityPage(p);
  await form.openFromWave();
  return form;
}

// One user's journey, in order: each test starts where the previous one left off.
describe('placing respondents by postcode', () => {
  it('is reached from the wave, with the postcode column already chosen', async () => {
    await openForm(page);
    expect(await locality.columnSelect.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Postcode');
    await expect.poll(() => page.getByText('Leave empty to use the directory already in this project').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'locality-form');
  });

  it('says plainly, naming the file, when the postcode directory is not where it was said to be', async () => {
    await locality.fill({ column: 'Postcode', directory: missing });
    await locality.run();
    const alert = locality.alerts.filter({ hasText: 'There is a problem' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Heard could not find a file it needs');
    expect(text).toContain('ONSPD_missing.csv');
    expect(text).not.toMatch(/HeardError|ENOENT|undefined|Error:/);
    // Back on the form with what was chosen, to correct it.
    await locality.formHeading.waitFor();
    expect(await locality.directoryField.inputValue()).toBe(missing);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'locality-error-missing');
  });

  it('says which file is wrong when it is not a postcode directory, and changes nothing', async () => {
    await locality.fill({ column: 'Postcode', directory: notOnspd });
    await locality.run();
    const alert = locality.alerts.filter({ hasText: 'There is a problem' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Heard could not use this file');
    expect(text).toContain('not-a-directory.csv');
    await screenshot(page, 'locality-error-invalid');
  });

  it('cancels while placing, and says nothing was changed', async () => {
    const held = await app.newPage();
    await holdCallsUntilCancelled(held, 'locality.attach');
    await held.reload();
    const form = await openForm(held);
    await form.fill({ column: 'Postcode', directory: onspd, deprivation: wimd, index: 'Welsh Index of Multiple Deprivation 2019 (WIMD)' });
    await form.run();
    await form.progressBar.waitFor();
    await form.runningHeading.waitFor();
    await screenshot(held, 'locality-running');
    await form.cancelButton.click();
    await form.formHeading.waitFor();
    await held.getByRole('status').filter({ hasText: 'Heard stopped before it finished. Nothing was changed.' }).waitFor();
    expect(await form.directoryField.inputValue()).toBe(onspd);
    await held.close();
  });

  it('places every respondent it can and counts the rest by reason', async () => {
    await locality.fill({ column: 'Postcode', directory: onspd, deprivation: wimd, index: 'Welsh Index of Multiple Deprivation 2019 (WIMD)' });
    await locality.run();
    await locality.resultHeading.waitFor({ timeout: 60_000 });
    expect(await locality.lead.innerText()).toBe('2 of 6 respondents placed in a ward, small area (LSOA) and local authority.');
    expect(await locality.count('Placed: postcode in use')).toBe(1);
    expect(await locality.count('Placed, but postcode no longer in use')).toBe(1);
    expect(await locality.count('Not placed: postcode not in the directory')).toBe(1);
    expect(await locality.count('Not placed: not a postcode')).toBe(1);
    expect(await locality.count('Not placed: only part of a postcode')).toBe(1);
    expect(await locality.count('Not placed: no postcode given')).toBe(1);
    expect(await locality.count('All respondents')).toBe(6);
    expect(await locality.count('Placed, but without a deprivation decile')).toBe(1);
    await page.getByText('Nobody has been dropped.').waitFor();
  });

  it('lists every postcode to check by its row in the grid, as the respondent wrote it, with the reason in words', async () => {
    expect(await locality.listed()).toEqual([
      { row: '2', postcode: 'CF10 2BB', why: 'No longer in use: placed in the area it belonged to' },
      { row: '3', postcode: 'not a postcode', why: 'Not a postcode' },
      { row: '4', postcode: 'CF99 9ZZ', why: 'Not in the postcode directory' },
      { row: '5', postcode: 'CF10', why: 'Only part of a postcode (for example CF10), too broad to place' },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'locality-result');
    await page.setViewportSize({ width: 1280, height: 2000 });
    await screenshot(page, 'locality-result-full');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('goes back to the form with the same choices to place again', async () => {
    await page.getByRole('button', { name: 'Place again with other files' }).click();
    await locality.formHeading.waitFor();
    expect(await locality.directoryField.inputValue()).toBe(onspd);
    // The directory is now in the project: run without one, and the same respondents are placed.
    await locality.fill({ column: 'Postcode' });
    await locality.run();
    await locality.resultHeading.waitFor({ timeout: 60_000 });
    expect(await locality.count('Placed: postcode in use')).toBe(1);
    expect(await locality.count('All respondents')).toBe(6);
  });

  it('shows the form and the result in Welsh', async () => {
    await page.getByRole('button', { name: 'Cymraeg', exact: true }).click();
    await locality.heading("Ymatebwyr wedi'u lleoli yn ôl cod post").waitFor();
    await screenshot(page, 'locality-result-cy');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await locality.resultHeading.waitFor();
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend.js';
import { main } from '../../../src/cli.js';
import { GapRequest, HeardError } from '../../../src/contract/index.js';
import { groupGaps, presentGroups } from '../../../src/gaps/compute-gap.js';
import { gapCells } from '../../../src/gaps/gap-cells.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importDescribedCsv } from '../../../src/import/import-described-csv.js';
import { createClient, type RpcClient } from '../../../src/rpc/client.js';
import { createLoopbackPair } from '../../../src/rpc/loopback.js';
import { serveRpc } from '../../../src/rpc/server.js';
import type { DescribedColumn } from '../../../src/sample/manifest.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Gaps and trends on a survey small enough to count by hand (two waves of eight and four respondents), through the
 * rpc server so that every response is checked against the contract: the three gaps, a group nobody in which
 * answered, a group of one respondent, an item nobody answered, question pairs found by wording, a question renamed
 * and its scale reworded between waves, and the CLI's JSON. Expected figures are worked out in the comments.
 */
const dir = tempDir();
const file = path.join(dir, 'gaps.heard');
const copy = path.join(dir, 'gaps-copy.heard');
const IMP = ['Very important', 'Fairly important', 'Not very important', 'Not at all important', "Don't know"];
const SAT = ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied', "Don't know"];
const SAT_2024 = ['Completely satisfied', 'Quite satisfied', 'Neither satisfied nor dissatisfied', 'Quite dissatisfied', 'Completely dissatisfied', "Don't know"];

// id, area, importance, satisfaction, libraries importance (nobody answers), weight
const ROWS_2023 = [
  ['1', 'North', 'Very important', 'Very satisfied', '', '1'],
  ['2', 'North', 'Fairly important', 'Very dissatisfied', "Don't know", '2'],
  ['3', 'North', 'Not very important', 'Fairly satisfied', '', '1'],
  ['4', 'North', 'Very important', 'Neither satisfied nor dissatisfied', '', '1'],
  ['5', 'South', "Don't know", 'Fairly satisfied', '', '1'],
  ['6', 'North', 'Very important', '', '', '2'],
  ['7', 'North', 'Fairly important', 'Fairly dissatisfied', '', '1'],
  ['8', 'East', 'Not at all important', 'Very satisfied', '', '1'],
];
// The satisfaction question is renamed and its scale reworded in 2024.
const ROWS_2024 = [
  ['1', 'North', 'Very important', 'Completely satisfied', '', '1'],
  ['2', 'South', 'Very important', 'Quite dissatisfied', '', '1'],
  ['3', 'North', 'Fairly important', 'Neither satisfied nor dissatisfied', '', '1'],
  ['4', 'East', 'Very important', "Don't know", '', '1'],
];
const column = (header: string, name: string, type: DescribedColumn['type'], options: string[] = [], nonSubstantive: string[] = []): DescribedColumn =>
  ({ header, name, label: header, type, role: type === 'weight' ? 'weight' : 'none', options, nonSubstantive }) as DescribedColumn;
const columns = (satName: string, satOptions: string[]) => [
  column('ID', 'id', 'id'),
  column('Area', 'area', 'single', ['North', 'South', 'East']),
  column('How important is it to you that the council listens to you?', 'imp', 'likert', IMP, ["Don't know"]),
  column('How satisfied are you that the council listens to you?', satName, 'likert', satOptions, ["Don't know"]),
  column('How important are libraries to you?', 'libraries', 'likert', IMP, ["Don't know"]),
  column('Weight', 'weight', 'weight'),
];

let client: RpcClient;
const waves: Record<string, number> = {};

beforeAll(async () => {
  const project = await ProjectFile.create(file);
  await project.write(async (tx) => {
    const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Tiny', 'survey') RETURNING id");
    for (const [label, rows, satName, satOptions] of [['2023', ROWS_2023, 'sat', SAT], ['2024', ROWS_2024, 'satisfaction_council', SAT_2024]] as const) {
      const cols = columns(satName, [...satOptions]);
      const csv = path.join(dir, `tiny-${label}.csv`);
      fs.writeFileSync(csv, `${[cols.map((c) => `"${c.header}"`), ...rows.map((r) => r.map((v) => `"${v}"`))].map((r) => r.join(',')).join('\n')}\n`);
      waves[label] = await importDescribedCsv(tx, { surveyId: Number(s!.id), label, year: Number(label), file: csv, columns: cols });
    }
  });
  await project.close();
  fs.copyFileSync(file, copy);
  const backend = await createBackend({ dataDir: path.join(dir, 'data'), project: file });
  const [server, end] = createLoopbackPair();
  serveRpc(server, backend.handlers);
  client = createClient(end);
  return () => backend.close();
});

const gap = (request: Record<string, unknown>) => client.call('gaps.compute', { waveId: waves['2023']!, importance: 'imp', satisfaction: 'sat', ...request } as never);
const failure = async (promise: Promise<unknown>) => {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HeardError);
  return err as HeardError;
};
const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 10);

describe('gaps.pairs', () => {
  it('pairs the two questions by their wording and leaves the other importance question unpaired', async () => {
    const { pairs, unpaired } = await client.call('gaps.pairs', { waveId: waves['2023']! });
    expect(pairs.map((p) => [p.importance.name, p.satisfaction.name, p.source])).toEqual([['imp', 'sat', 'text']]);
    expect(pairs[0]!.importance.top).toEqual(['Very important', 'Fairly important']);
    expect(pairs[0]!.satisfaction.categories).toEqual(SAT.slice(0, 5));
    expect(unpaired).toEqual([{ name: 'libraries', label: 'How important are libraries to you?', side: 'importance', unpairedByUser: false }]);
  });
});

describe('gaps.compute, counted by hand', () => {
  // Importance base: everyone but 5 (Don't know): 7, of whom 1, 2, 4, 6, 7 are Very or Fairly important: 5/7.
  // Satisfaction base: everyone but 6 (blank): 7, of whom 1, 3, 5, 8 are satisfied: 4/7. Gap 1/7.
  // Each respondent's linearised term c = b_imp (y_imp − 5/7)/7 − b_sat (y_sat − 4/7)/7, in 49ths:
  // −1, 6, −8, 6, −3, 2, 6, −8; Σc² = 250/49², var = 8/7 · 250/2401.
  it('own bases, unweighted: the gap and its SE, which allows for the shared respondents', async () => {
    const r = await gap({});
    expect(r).toMatchObject({ method: 'own', units: 'points', waveRows: 8, topImportance: ['Very important', 'Fairly important'] });
    close(r.headline.gap, 100 / 7);
    close(r.headline.se, 100 * Math.sqrt(((8 / 7) * 250) / 2401));
    close(r.headline.ci![0], 100 / 7 - 1.959963984540054 * 100 * Math.sqrt(((8 / 7) * 250) / 2401));
    expect(r.headline.importance).toMatchObject({ n: 5, base: 7, weightedBase: 7, nEff: 7 });
    close(r.headline.importance.estimate, 500 / 7);
    expect(r.headline.satisfaction).toMatchObject({ n: 4, base: 7 });
    close(r.headline.satisfaction.estimate, 400 / 7);
    expect(r.headline.flag).toBe('hidden');
  });

  it('own bases, weighted: 7 of 9 weighted important, 4 of 8 satisfied', async () => {
    const r = await gap({ weight: 'weight' });
    close(r.headline.gap, 100 * (7 / 9 - 1 / 2));
    expect(r.headline.importance).toMatchObject({ base: 7, weightedBase: 9 });
    close(r.headline.importance.nEff, 81 / 13);
  });

  // Paired base: 1, 2, 3, 4, 7, 8 (six); differences 0, 1, −1, 1, 1, −1: gap 1/6, c = (d − 1/6)/6.
  it('paired: only those who answered both', async () => {
    const r = await gap({ method: 'paired' });
    close(r.headline.gap, 100 / 6);
    close(r.headline.se, 100 * Math.sqrt(((8 / 7) * (1 + 25 + 49 + 25 + 25 + 49)) / 1296));
    expect([r.headline.importance.base, r.headline.satisfaction.base]).toEqual([6, 6]);
    close(r.headline.importance.estimate, 400 / 6);
    close(r.headline.satisfaction.estimate, 300 / 6);
  });

  // Scores on 1–5: importance 5, 11/3, 7/3, 1; satisfaction 5 … 1. Differences on the paired base:
  // 5−5, 11/3−1, 7/3−4, 5−3, 11/3−2, 1−5 = 0, 8/3, −5/3, 2, 5/3, −4: mean 1/9.
  it('mean scores: the paired difference on a common 1–5 scale', async () => {
    const r = await gap({ method: 'mean' });
    const d = [0, 8 / 3, -5 / 3, 2, 5 / 3, -4];
    expect(r.units).toBe('score');
    close(r.headline.gap, 1 / 9);
    close(r.headline.se, Math.sqrt((8 / 7) * d.reduce((s, x) => s + ((x - 1 / 9) / 6) ** 2, 0)));
    close(r.headline.importance.estimate, (5 + 11 / 3 + 7 / 3 + 5 + 11 / 3 + 1) / 6);
    expect(r.headline.importance.n).toBeNull();
  });

  it('by group, before disclosure control: nobody in South answered the importance question; East is one respondent', async () => {
    // The groups are far below the disclosure threshold, so their figures never leave the backend (next test); the
    // arithmetic is checked on the figures computed before that control, read from a copy of the project file.
    const project = await ProjectFile.open(copy);
    try {
      const request = GapRequest.parse({ waveId: waves['2023']!, importance: 'imp', satisfaction: 'sat', by: 'area' });
      const { by, cells, designRows } = await gapCells(project, request.waveId, request);
      const groups = groupGaps(cells, presentGroups(by!, cells), request, designRows);
      expect(groups.map((g) => g.group)).toEqual(['North', 'South', 'East']);
      const [, south, east] = groups;
      // South: respondent 5 answered "Don't know": no importance base, so no gap and nothing to test.
      expect(south).toMatchObject({ gap: null, se: null, ci: null, vsRest: null, flag: 'hidden', importance: { base: 0, estimate: null } });
      expect(south!.note).toMatch(/nobody who answered/);
      // East: respondent 8, not at all important and very satisfied: −100 points with no spread, so no interval.
      expect(east).toMatchObject({ gap: -100, se: 0, ci: null });
      expect(east!.note).toMatch(/single respondent/);
      // The rest (North and South, respondents 1–7): 5/6 important, 3/6 satisfied, gap 1/3; its terms in 36ths
      // −2, 4, −8, 4, −3, 1, 4 give var = 8/7 · 126/1296 = 1/9. East less the rest: −4/3, SE 1/3, z = −4.
      close(east!.vsRest!.difference, -400 / 3);
      close(east!.vsRest!.se, 100 / 3);
      close(east!.vsRest!.z, -4);
      close(east!.vsRest!.p, 6.3342483666239849e-5);
    } finally {
      await project.close();
    }
  });

  it('by group: every group of fewer than 10 respondents is [c], with no figures, no chart point and no notes about it', async () => {
    const r = await gap({ by: 'area' });
    // North has 6 importance and 5 satisfaction answers, South 0 and 1, East 1 and 1: all below 10.
    expect(r.groups).toEqual(
      ['North', 'South', 'East'].map((group) => ({ group, gap: null, se: null, ci: null, importance: null, satisfaction: null, flag: 'c', suppressed: 'primary', vsRest: null })),
    );
    expect(r.quadrants.groups!.points).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/fewer than 10 respondents are confidential/);
    expect(r.notes.join(' ')).not.toMatch(/nobody who answered|single respondent/);
    // The headline, of all 8 respondents, is shown as before.
    expect(r.headline.gap).not.toBeNull();
  });

  it('reads a target’s status from the interval', async () => {
    const r = await gap({ target: { value: 50, year: 2030 } });
    expect(r.target).toMatchObject({ status: 'cannot_tell', expected: 50 });
    const wide = await gap({ target: { value: 90, year: 2020, baseline: { value: 95, year: 2016 } } });
    expect(wide.target).toMatchObject({ status: 'met' });
  });

  it('refuses an item nobody answered, an answer not on the scale, one question twice, and a request off the contract', async () => {
    expect(await failure(gap({ importance: 'libraries' }))).toMatchObject({ code: 'bad_request', message: expect.stringContaining('Nobody gave a substantive answer to How important are libraries to you?') });
    expect(await failure(gap({ topSatisfaction: ['Delighted'] }))).toMatchObject({ code: 'bad_request', message: expect.stringContaining('Its answers are: Very satisfied;') });
    expect(await failure(gap({ satisfaction: 'imp' }))).toMatchObject({ code: 'bad_request' });
    expect(await failure(gap({ by: 'nope' }))).toMatchObject({ code: 'not_found' });
    expect(await failure(gap({ method: 'median' }))).toMatchObject({ code: 'bad_request' });
  });
});

describe('trends.series, counted by hand', () => {
  // 2023: 4 of 7 satisfied; 2024 (question renamed, scale reworded): respondents 1–3 answered, 1 satisfied: 1/3.
  // var 2023 = 8/7 · (4 (3/7)² + 3 (4/7)²) / 49; var 2024 = 4/3 · ((2/3)² + 2 (1/3)²) / 9.
  it('follows the renamed question by its wording and the reworded scale by position', async () => {
    const s = await client.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'sat' });
    expect(s.waves.map((w) => [w.wave, w.question, w.matchedBy, w.n, w.top])).toEqual([
      ['2023', 'sat', 'first', 7, ['Very satisfied', 'Fairly satisfied']],
      ['2024', 'satisfaction_council', 'text', 3, ['Completely satisfied', 'Quite satisfied']],
    ]);
    const v23 = ((8 / 7) * (4 * (3 / 7) ** 2 + 3 * (4 / 7) ** 2)) / 49;
    const v24 = ((4 / 3) * ((2 / 3) ** 2 + 2 * (1 / 3) ** 2)) / 9;
    close(s.waves[0]!.estimate, 400 / 7);
    close(s.waves[1]!.se, 100 * Math.sqrt(v24));
    close(s.change!.estimate, 100 * (1 / 3 - 4 / 7));
    close(s.change!.se, 100 * Math.sqrt(v23 + v24));
    expect(s.notes.join(' ')).toMatch(/"Very satisfied" is read as "Completely satisfied"/);
  });

  it('gives the gap across waves, and says when a wave lacks the weight or the question', async () => {
    const s = await client.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'imp', measure: 'gap' });
    expect(s.units).toBe('points');
    expect(s.waves.map((w) => w.satisfaction)).toEqual(['sat', 'satisfaction_council']);
    close(s.waves[0]!.estimate, 100 / 7);
    // 2024: importance 4 of 4, satisfaction 1 of 3: gap 2/3.
    close(s.waves[1]!.estimate, 100 * (1 - 1 / 3));
    expect(await failure(client.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'libraries', measure: 'gap' }))).toMatchObject({ code: 'bad_request' });
    expect(await failure(client.call('trends.series', { waveIds: [waves['2023']!, waves['2023']!], question: 'sat' }))).toMatchObject({ code: 'bad_request' });
  });
});

describe('heard gap and heard trend on the tiny survey', () => {
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--data-dir', path.join(dir, 'cli')], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  it('prints the README’s JSON, with nulls for a confidential group', async () => {
    const r = await run('gap', '--project', file, '--survey', 'Tiny', '--wave', '2023', '--importance', 'imp', '--by', 'area', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['gap', 'se', 'ci', 'importance', 'satisfaction', 'groups']);
    expect(doc.importance).toEqual({ pct: 500 / 7, base: 7 });
    expect(Object.keys(doc.groups[0])).toEqual(['group', 'gap', 'se', 'ci', 'importance', 'satisfaction', 'p_vs_rest']);
    // Every group is below the disclosure threshold, so every figure of it, its bases too, is null.
    for (const [i, group] of ['North', 'South', 'East'].entries()) {
      expect(doc.groups[i]).toEqual({ group, gap: null, se: null, ci: null, importance: { pct: null, base: null }, satisfaction: { pct: null, base: null }, p_vs_rest: null });
    }
  });

  it('takes wave labels for --surveys and prints the change', async () => {
    const r = await run('trend', '--project', file, '--surveys', '2023,2024', '--row', 'sat', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(doc.waves.map((w: Record<string, unknown>) => [w.survey, w.wave, w.n])).toEqual([
      ['2023', '2023', 7],
      ['2024', '2024', 3],
    ]);
    expect(Object.keys(doc.change)).toEqual(['pct', 'se', 'p']);
    const readable = await run('trend', '--project', file, '--surveys', 'Tiny', '--row', 'sat');
    expect(readable.stdout).toContain('Tiny 2024');
    expect(readable.stdout).toMatch(/Change since the wave before: -23\.8 points/);
  });

  it('says plainly what is wrong', async () => {
    expect(await run('gap', '--project', file, '--survey', 'Tiny', '--importance', 'imp', '--paired', '--mean')).toMatchObject({ code: 1, stderr: expect.stringContaining('not both') });
    expect(await run('gap', '--project', file, '--survey', 'Tiny', '--importance', 'libraries')).toMatchObject({ code: 1, stderr: expect.stringContaining('--satisfaction VARIABLE is required') });
    expect(await run('trend', '--project', file, '--surveys', '2022,2024', '--row', 'sat')).toMatchObject({ code: 1, stderr: expect.stringContaining('no survey or wave "2022"') });
  });
});

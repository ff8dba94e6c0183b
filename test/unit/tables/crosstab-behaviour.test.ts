import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend.js';
import { main } from '../../../src/cli.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importDescribedCsv } from '../../../src/import/import-described-csv.js';
import { createClient, type RpcClient } from '../../../src/rpc/client.js';
import { createLoopbackPair } from '../../../src/rpc/loopback.js';
import { serveRpc } from '../../../src/rpc/server.js';
import type { DescribedColumn } from '../../../src/sample/manifest.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * What a crosstab does with the awkward parts of real data, on a twelve-respondent survey small enough to count by
 * hand: answers outside the stored options, a multi-choice question, filters as domains, weights that are blank or
 * negative, the locality placed from postcodes, disclosure flags, and the contract over the rpc layer.
 */
const dir = tempDir();
const file = path.join(dir, 'tables.heard');
const SCALE = ['Very good', 'Good', 'Neither', 'Poor', 'Very poor', "Don't know"];

// id, postcode, sex, rating, services, weight, weight with a blank, weight with a negative
const ROWS = [
  ['1', 'CF10 1AA', 'Female', 'Very good', 'Library;Parks', '1', '1', '1'],
  ['2', 'CF10 1AA', 'Female', 'Good', 'Parks', '2', '2', '2'],
  ['3', 'CF10 2BB', 'Male', 'Good', 'Library', '1', '1', '1'],
  ['4', 'CF10 2BB', 'Male', 'Poor', 'Library;Parks;Pools', '1', '', '1'],
  ['5', 'CF10 1AA', 'Female', "Don't know", 'Pools', '3', '3', '3'],
  ['6', 'CF10 2BB', 'Male', 'Very poor', '', '1', '1', '1'],
  ['7', 'XX1 1XX', 'Female', 'Excellent', 'Parks', '1', '1', '-1'],
  ['8', '', 'Male', 'Neither', 'Library', '2', '2', '2'],
  ['9', 'CF10 1AA', '', 'Good', 'Parks;Pools', '1', '', '1'],
  ['10', 'CF10 2BB', 'Female', '', 'Library', '1', '1', '1'],
  ['11', 'CF10 1AA', 'Male', 'Very good', 'Parks', '1', '1', '1'],
  ['12', 'CF10 2BB', 'Female', 'Good', 'Library;Pools', '2', '2', '2'],
];
const column = (header: string, name: string, type: DescribedColumn['type'], role: DescribedColumn['role'], options: string[] = [], nonSubstantive: string[] = []): DescribedColumn =>
  ({ header, name, label: header, type, role, options, nonSubstantive }) as DescribedColumn;
const COLUMNS = [
  column('ID', 'id', 'id', 'respondent_id'),
  column('Postcode', 'postcode', 'text', 'none'),
  column('Sex', 'sex', 'single', 'demographic', ['Female', 'Male']),
  column('Rating', 'rating', 'likert', 'satisfaction', SCALE, ["Don't know"]),
  column('Services used', 'services', 'multi', 'none', ['Library', 'Parks', 'Pools']),
  column('Weight', 'weight', 'weight', 'weight'),
  column('Weight with a blank', 'weight_blank', 'weight', 'weight'),
  column('Weight with a negative', 'weight_negative', 'weight', 'weight'),
];

let client: RpcClient;
let waveId: number;

beforeAll(async () => {
  const csv = path.join(dir, 'tables.csv');
  fs.writeFileSync(csv, `${[COLUMNS.map((c) => c.header), ...ROWS].map((r) => r.join(',')).join('\n')}\n`);
  const project = await ProjectFile.create(file);
  waveId = await project.write(async (tx) => {
    const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Tables', 'survey') RETURNING id");
    return importDescribedCsv(tx, { surveyId: Number(s!.id), label: '2024', year: 2024, file: csv, columns: COLUMNS });
  });
  await project.close();
  fs.writeFileSync(path.join(dir, 'onspd.csv'), 'pcd,pcds,doterm,oslaua,osward,lsoa11\nCF101AA,CF10 1AA,,W06000015,W05001000,W01001000\nCF102BB,CF10 2BB,,W06000015,W05001001,W01001001\n');
  fs.writeFileSync(path.join(dir, 'wimd.csv'), 'LSOA code,WIMD 2019 decile\nW01001000,3\nW01001001,8\n');
  const placed = await main(
    ['locality', '--project', file, '--survey', 'Tables', '--postcodes', 'postcode', '--onspd', path.join(dir, 'onspd.csv'), '--deprivation', path.join(dir, 'wimd.csv'), '--index', 'WIMD2019', '--data-dir', dir],
    { stdout: () => undefined, stderr: () => undefined },
  );
  expect(placed).toBe(0);
  const backend = await createBackend({ dataDir: path.join(dir, 'data'), project: file });
  const [server, end] = createLoopbackPair();
  serveRpc(server, backend.handlers);
  client = createClient(end);
  return () => backend.close();
});

const table = (request: Record<string, unknown>) => client.call('tables.crosstab', { waveId, ...request } as never);
const cellOf = (t: Awaited<ReturnType<typeof table>>, row: string, col: string | null = null) => t.cells.find((c) => c.row === row && c.col === col)!;

describe('tables.variables', () => {
  it('lists closed and multi-choice questions and the placed locality, saying how each can be used', async () => {
    const variables = await client.call('tables.variables', { waveId });
    expect(variables.map((v) => [v.name, v.kind, v.asRow, v.asColumn])).toEqual([
      ['sex', 'single', true, true],
      ['rating', 'likert', true, true],
      ['services', 'multi', true, false],
      ['placed:ward', 'placed', true, true],
      ['placed:decile', 'placed', true, true],
    ]);
    expect(variables.find((v) => v.name === 'rating')!.categories).toEqual(SCALE.slice(0, 5));
  });
});

describe('tables.crosstab', () => {
  it('takes column percentages among substantive answers, keeps an answer off the scale as its own row, adds the nets', async () => {
    const t = await table({ row: 'rating' });
    // Substantive: everyone but row 5 (Don't know) and row 10 (blank): 10 respondents, 4 saying Good.
    expect(t.bases).toEqual([{ col: null, letter: null, n: 10, weighted_n: 10, n_eff: 10, flag: 'hidden' }]);
    expect(t.rows.map((r) => [r.label, r.kind])).toEqual([
      ...SCALE.slice(0, 5).map((o) => [o, 'option']),
      ['Excellent', 'other'],
      ['Top 2: Very good + Good', 'top2'],
      ['Bottom 2: Poor + Very poor', 'bottom2'],
    ]);
    const p = 0.4;
    expect(cellOf(t, 'Good')).toMatchObject({ n: 4, pct: 40, flag: 'c', letters: [] });
    // Unweighted, the linearised SE is √(p(1 − p)/n · N/(N − 1)) with N the 12 rows of the wave.
    expect(cellOf(t, 'Good').se).toBeCloseTo(100 * Math.sqrt(((p * (1 - p)) / 10) * (12 / 11)), 12);
    expect(cellOf(t, 'Top 2: Very good + Good')).toMatchObject({ n: 6, pct: 60 });
    expect(t.notes.join(' ')).toMatch(/not among its stored options/);
    expect(t.test).toBeNull();
    expect(t.means![0]).toMatchObject({ col: null, n: 9 });
  });

  it('gives an exact bound and a note where nobody in a column gave an answer', async () => {
    const t = await table({ row: 'rating', col: 'sex' });
    const none = cellOf(t, 'Very poor', 'Female');
    expect(none.pct).toBe(0);
    expect(none.ci![0]).toBe(0);
    expect(t.notes.join(' ')).toMatch(/exactly 0%/);
  });

  it('treats filters as domains: every row of the wave stays in N', async () => {
    const t = await table({ row: 'rating', where: [{ column: 'sex', value: 'Female' }] });
    // Female and substantive: rows 1, 2, 7, 12.
    expect(t.bases[0]!.n).toBe(4);
    expect(t.waveRows).toBe(12);
    const p = 0.5;
    expect(cellOf(t, 'Good').se).toBeCloseTo(100 * Math.sqrt(((p * (1 - p)) / 4) * (12 / 11)), 12);
    const both = await table({ row: 'rating', where: [{ column: 'sex', value: 'Female' }, { column: 'sex', value: 'Male' }] });
    expect(both.bases[0]!.n).toBe(9);
  });

  it('weights: Σw for counts, Kish n_eff, and refuses blank or negative weights, saying how many', async () => {
    const t = await table({ row: 'rating', weight: 'weight' });
    // Substantive rows' weights: 1, 2, 1, 1, 1, 1, 2, 1, 1, 2 → Σw = 13, Σw² = 19.
    expect(t.bases[0]).toMatchObject({ n: 10, weighted_n: 13 });
    expect(t.bases[0]!.n_eff).toBeCloseTo(169 / 19, 12);
    expect(cellOf(t, 'Good').weighted_n).toBe(6);
    await expect(table({ row: 'rating', weight: 'weight_blank' })).rejects.toThrow(/blank for 2 respondents/);
    await expect(table({ row: 'rating', weight: 'weight_negative' })).rejects.toThrow(/negative or not a number for 1 respondent of/);
    await expect(table({ row: 'rating', weight: 'nope' })).rejects.toThrow(/no weight called "nope"/);
  });

  it('reads a multi-choice question option by option among those who answered, with no chi-square', async () => {
    const t = await table({ row: 'services', col: 'sex' });
    // Answered and with a sex: everyone but row 6 (no services) and row 9 (no sex): Female 6, Male 4.
    expect(t.bases.map((b) => [b.col, b.n])).toEqual([['Female', 6], ['Male', 4]]);
    expect(cellOf(t, 'Parks', 'Female')).toMatchObject({ n: 3, pct: 50 });
    expect(cellOf(t, 'Library', 'Male')).toMatchObject({ n: 3, pct: 75 });
    expect(t.test).toBeNull();
    expect(t.notes.join(' ')).toMatch(/multi-choice/);
    await expect(table({ row: 'sex', col: 'services' })).rejects.toThrow(/use it as the row variable/);
    const filtered = await table({ row: 'sex', where: [{ column: 'services', value: 'Pools' }] });
    expect(filtered.bases[0]!.n).toBe(3); // rows 4, 5, 12 (row 9 has no sex)
  });

  it('breaks down by the ward and decile placed from postcodes, leaving the unplaced out', async () => {
    const t = await table({ row: 'sex', col: 'placed:decile' });
    expect(t.bases.map((b) => [b.col, b.n])).toEqual([['3', 4], ['8', 5]]);
    const byWard = await table({ row: 'sex', col: 'placed:ward' });
    expect(byWard.bases.map((b) => b.n)).toEqual([4, 5]);
    const one = await table({ row: 'sex', where: [{ column: 'placed:decile', value: '8' }] });
    expect(one.bases[0]!.n).toBe(5);
  });

  it('refuses what it cannot do, naming what is wrong', async () => {
    await expect(table({ row: 'postcode' })).rejects.toThrow(/no question "postcode" that a table can use/);
    await expect(table({ row: 'rating', where: [{ column: 'sex', value: 'Femail' }] })).rejects.toThrow(/nobody gave that answer/);
    await expect(table({ row: 'rating', where: [{ column: 'sex', value: 'Female' }, { column: 'rating', value: 'Poor' }, { column: 'sex', value: 'Male' }], col: 'sex' })).resolves.toBeDefined();
  });
});

describe('heard table', () => {
  it('prints the JSON contract and a readable table', async () => {
    let stdout = '';
    const code = await main(['table', '--project', file, '--survey', 'Tables', '--row', 'rating', '--col', 'sex', '--where', 'rating=Good', '--json', '--data-dir', dir], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['row', 'col', 'weight', 'cells', 'bases', 'test']);
    expect(Object.keys(doc.cells[0])).toEqual(['row', 'col', 'n', 'weighted_n', 'pct', 'se', 'ci', 'letters', 'flag']);
    expect(Object.keys(doc.bases[0])).toEqual(['col', 'n', 'weighted_n', 'n_eff']);

    let text = '';
    await main(['table', '--project', file, '--survey', 'Tables', '--row', 'rating', '--data-dir', dir], { stdout: (s) => (text += s), stderr: () => undefined });
    expect(text).toContain('Rating, unweighted: column %');
    expect(text).toMatch(/Good\s+\[c\]/);

    let err = '';
    expect(await main(['table', '--project', file, '--survey', 'Tables', '--row', 'rating', '--where', 'sex', '--data-dir', dir], { stdout: () => undefined, stderr: (s) => (err += s) })).toBe(1);
    expect(err).toMatch(/VARIABLE=VALUE/);
  });
});

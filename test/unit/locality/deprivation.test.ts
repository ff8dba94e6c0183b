import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../src/engine/project-file.js';
import { loadDeprivation } from '../../../src/locality/deprivation.js';
import { IMD_FILE, expectHeardError, missingRealLookups, workspace } from './support.js';

const ws = workspace();

async function deciles(project: ProjectFile): Promise<Record<string, number>> {
  const rows = await project.read('SELECT lsoa_code, decile FROM lookup_deprivation ORDER BY lsoa_code');
  return Object.fromEntries(rows.map((r) => [String(r.lsoa_code), Number(r.decile)]));
}

describe.skipIf(missingRealLookups())('loadDeprivation on the mySociety UK IMD file', () => {
  let project: ProjectFile;
  beforeAll(async () => {
    project = await ws.project();
  });
  afterAll(() => project.close());

  it("takes each nation's own published decile, not the population-weighted or UK-expanded ones", async () => {
    const summary = await project.write((tx) => loadDeprivation(tx, IMD_FILE, { index: 'IMD2019' }));
    expect(summary).toMatchObject({ rows: 42619, skipped: 0, derivedFrom: 'decile', index: 'IMD2019', warnings: [] });
    // Its ranks and scores belong to a different (UK composite) index, so they are not stored beside these deciles.
    expect(summary.columns).toEqual({ lsoa: 'lsoa', decile: 'original_decile' });
    const d = await deciles(project);
    expect(d.E01000001).toBe(9); // City of London 001A: IMD 2019 decile 9
    expect(d.E01033768).toBe(1);
    expect(d.E01005108).toBe(1);
    expect(d.W01000001).toBe(5);
    expect(d.S01006515).toBe(10);
    const [{ n } = {}] = await project.read("SELECT count(*) AS n FROM lookup_deprivation WHERE index_name = 'IMD2019' AND rank IS NULL");
    expect(Number(n)).toBe(42619);
  });

  it("derives England's deciles from its scores almost exactly as published (scores are rounded, so a few sit on a boundary)", async () => {
    const scored = await project.read(
      `SELECT lsoa AS "LSOA code (2011)", overall_local_score AS "IMD Score", original_decile AS published
       FROM read_csv('${IMD_FILE}') WHERE nation = 'E'`,
    );
    const file = ws.file('england-scores.csv', ['LSOA code (2011),IMD Score', ...scored.map((r) => `${r['LSOA code (2011)']},${r['IMD Score']}`)].join('\n'));
    const summary = await project.write((tx) => loadDeprivation(tx, file, { index: 'IMD2019' }));
    expect(summary).toMatchObject({ derivedFrom: 'score', rows: 32844, areasRanked: 32844, warnings: [] });
    const d = await deciles(project);
    const differing = scored.filter((r) => d[String(r['LSOA code (2011)'])] !== Number(r.published));
    expect(differing.length).toBeLessThanOrEqual(10);
    expect(differing.every((r) => Math.abs(d[String(r['LSOA code (2011)'])]! - Number(r.published)) === 1)).toBe(true);
  });
});

describe('loadDeprivation on generated files', () => {
  const lsoa = (i: number) => `W0100${String(i).padStart(4, '0')}`;

  it('derives deciles from ranks: ceil(10 × rank / N), rank 1 most deprived', async () => {
    const project = await ws.project();
    // 23 areas, shuffled, so neither rounding nor file order could pass for ceil(10 × rank / N).
    const ranks = [7, 1, 23, 3, 14, 2, 19, 9, 10, 11, 5, 4, 6, 8, 12, 13, 15, 16, 17, 18, 20, 22, 21];
    const file = ws.file('ranks.csv', ['LSOA Code,LSOA Name,WIMD 2019 Overall Rank', ...ranks.map((r, i) => `${lsoa(i)},Area ${i},${r}`)].join('\n'));
    const summary = await project.write((tx) => loadDeprivation(tx, file, { index: 'WIMD2019' }));
    expect(summary).toMatchObject({ derivedFrom: 'rank', rows: 23, areasRanked: 23, columns: { lsoa: 'LSOA Code', rank: 'WIMD 2019 Overall Rank' } });
    expect(summary.warnings[0]).toContain('1909');
    const d = await deciles(project);
    ranks.forEach((rank, i) => expect(d[lsoa(i)]).toBe(Math.ceil((10 * rank) / 23)));
    expect(d[lsoa(1)]).toBe(1); // rank 1
    expect(d[lsoa(5)]).toBe(1); // rank 2: 0.87 of a tenth
    expect(d[lsoa(3)]).toBe(2); // rank 3: 1.3
    expect(d[lsoa(12)]).toBe(3); // rank 6: 2.6
    expect(d[lsoa(2)]).toBe(10); // rank 23
    const stored = await project.read(`SELECT rank, score, index_name FROM lookup_deprivation WHERE lsoa_code = '${lsoa(0)}'`);
    expect(stored).toEqual([{ rank: 7, score: null, index_name: 'WIMD2019' }]);
    await project.close();
  });

  it('uses the national number of areas for an extract of national ranks when told it', async () => {
    const project = await ws.project();
    const file = ws.file('extract-ranks.csv', `lsoa11cd,WIMD 2019\n${lsoa(1)},1\n${lsoa(2)},190\n${lsoa(3)},1909\n${lsoa(4)},955\n${lsoa(5)},191\n`);
    // Its rank column is headed only "WIMD 2019", so it has to be named.
    await expectHeardError(project.write((tx) => loadDeprivation(tx, file, { index: 'WIMD2019' })), 'invalid_file');
    // Ranks run past the areas in the file: deriving within the file would be wrong, so it is refused.
    await expectHeardError(project.write((tx) => loadDeprivation(tx, file, { index: 'WIMD2019', rankColumn: 'WIMD 2019' })), 'invalid_file');
    const summary = await project.write((tx) => loadDeprivation(tx, file, { index: 'WIMD2019', rankColumn: 'wimd 2019', totalAreas: 1909 }));
    expect(summary).toMatchObject({ derivedFrom: 'rank', areasRanked: 1909, warnings: [] });
    expect(await deciles(project)).toEqual({ [lsoa(1)]: 1, [lsoa(2)]: 1, [lsoa(3)]: 10, [lsoa(4)]: 6, [lsoa(5)]: 2 });
    await project.close();
  });

  it('derives deciles from scores, higher score = more deprived, ties sharing a decile', async () => {
    const project = await ws.project();
    // 10 areas: scores 100, 90, ... 10, with areas 3 and 4 tied.
    const scores = [100, 90, 80, 80, 60, 50, 40, 30, 20, 10];
    const order = [4, 9, 0, 7, 2, 5, 1, 8, 3, 6];
    const file = ws.file('scores.csv', ['lsoa_code;imd_score;income_score', ...order.map((i) => `${lsoa(i)};${scores[i]};${100 - scores[i]!}`)].join('\n'));
    const summary = await project.write((tx) => loadDeprivation(tx, file, { index: 'Local IMD' }));
    expect(summary).toMatchObject({ derivedFrom: 'score', columns: { lsoa: 'lsoa_code', score: 'imd_score' }, areasRanked: 10, warnings: [] });
    expect(await deciles(project)).toEqual({
      [lsoa(0)]: 1,
      [lsoa(1)]: 2,
      [lsoa(2)]: 3,
      [lsoa(3)]: 3,
      [lsoa(4)]: 5,
      [lsoa(5)]: 6,
      [lsoa(6)]: 7,
      [lsoa(7)]: 8,
      [lsoa(8)]: 9,
      [lsoa(9)]: 10,
    });
    const [row] = await project.read(`SELECT rank, score FROM lookup_deprivation WHERE lsoa_code = '${lsoa(3)}'`);
    expect(row).toEqual({ rank: 3, score: 80 });
    await project.close();
  });

  it('picks the overall index from an English IoD file with every domain, with its own rank and score', async () => {
    const project = await ws.project();
    const header = [
      'LSOA code (2011)',
      'LSOA name (2011)',
      'Index of Multiple Deprivation (IMD) Score',
      'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
      'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)',
      'Income Score (rate)',
      'Income Rank (where 1 is most deprived)',
      'Income Decile (where 1 is most deprived 10% of LSOAs)',
    ];
    const file = ws.file(
      'iod2019.csv',
      [header.map((h) => `"${h}"`).join(','), 'E01000001,City of London 001A,6.208,29199,9,0.007,32831,10', 'E01000002,City of London 001B,5.143,30379,10,0.034,29901,10', ''].join('\n'),
    );
    const summary = await project.write((tx) => loadDeprivation(tx, file, { index: 'IMD2019' }));
    expect(summary.columns).toEqual({ lsoa: header[0], decile: header[4], rank: header[3], score: header[2] });
    expect(await project.read('SELECT * FROM lookup_deprivation ORDER BY lsoa_code')).toEqual([
      { lsoa_code: 'E01000001', decile: 9, rank: 29199, score: 6.208, index_name: 'IMD2019' },
      { lsoa_code: 'E01000002', decile: 10, rank: 30379, score: 5.143, index_name: 'IMD2019' },
    ]);
    await project.close();
  });

  it('refuses files it cannot trust, naming the problem, and keeps the index already loaded', async () => {
    const project = await ws.project();
    await project.write((tx) => loadDeprivation(tx, ws.file('ok.csv', `lsoa,decile\n${lsoa(1)},3\n`), { index: 'IMD2019' }));
    const outOfRange = ws.file('bad-decile.csv', `lsoa,decile\n${lsoa(1)},3\n${lsoa(2)},11\n`);
    expect((await expectHeardError(project.write((tx) => loadDeprivation(tx, outOfRange, { index: 'IMD2019' })), 'invalid_file')).message).toContain(
      `${lsoa(2)}: "11"`,
    );
    const repeated = ws.file('repeated.csv', `lsoa,decile\n${lsoa(1)},3\n${lsoa(1)},4\n`);
    expect((await expectHeardError(project.write((tx) => loadDeprivation(tx, repeated, { index: 'IMD2019' })), 'invalid_file')).message).toContain('repeat');
    const noIndex = ws.file('no-index.csv', `lsoa,population\n${lsoa(1)},1500\n`);
    const err = await expectHeardError(project.write((tx) => loadDeprivation(tx, noIndex, { index: 'IMD2019' })), 'invalid_file');
    expect(err.message).toContain('no decile, rank or score column');
    expect(err.message).toContain('lsoa, population');
    await expectHeardError(project.write((tx) => loadDeprivation(tx, noIndex, { index: 'IMD2019', decileColumn: 'imd_decile' })), 'invalid_file');
    expect(await deciles(project)).toEqual({ [lsoa(1)]: 3 });
    await project.close();
  });
});

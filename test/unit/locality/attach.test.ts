import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../src/engine/project-file.js';
import { quoteLiteral } from '../../../src/engine/sql.js';
import { attachLocality } from '../../../src/locality/attach.js';
import { loadDeprivation } from '../../../src/locality/deprivation.js';
import { loadPostcodeDirectory } from '../../../src/locality/onspd.js';
import { IMD_FILE, ONSPD_SAMPLE, expectHeardError, missingRealLookups, workspace } from './support.js';

const ws = workspace();

/** A wave table as the importer leaves it: rows in file order (rowid is the row number), typed columns. */
async function createWave(project: ProjectFile, waveId: number, postcodes: Array<string | null>): Promise<void> {
  const values = postcodes.map((p, i) => `('R${i}', ${p === null ? 'NULL' : quoteLiteral(p)})`).join(', ');
  await project.write(async (tx) => {
    await tx.run(`CREATE TABLE wave_${waveId} (respondent VARCHAR, "Postcode" VARCHAR)`);
    await tx.run(`INSERT INTO wave_${waveId} VALUES ${values}`);
  });
}

async function locality(project: ProjectFile, waveId: number) {
  return project.read(`SELECT * FROM wave_${waveId}_locality ORDER BY _row`);
}

describe('attachLocality', () => {
  let project: ProjectFile;
  const postcodes = [
    'cf10 1aa', // 0 matched
    'CF10 2AA', // 1 terminated
    'CF10 9ZZ', // 2 unmatched: well formed, not in the directory
    'not sure', // 3 invalid
    'CF10', // 4 partial
    null, // 5 blank
    '', // 6 blank
    ' Cf10  1aa ', // 7 matched, odd spacing
    'np20-1aa', // 8 matched on its 2011 LSOA (the 2021 one is not in the index)
    'CF10 3AA', // 9 matched, LSOA not in the index at all
    'BFPO 1234', // 10 invalid
  ];

  beforeAll(async () => {
    project = await ws.project();
    const directory = ws.file(
      'onspd.csv',
      [
        'pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa11,lsoa21',
        'CF101AA,CF10 1AA,CF10 1AA,199801,,W06000015,W05001001,W01001001,W01001001',
        'CF102AA,CF10 2AA,CF10 2AA,199801,201506,W06000015,W05001002,W01001002,W01001002',
        'NP201AA,NP20 1AA,NP20 1AA,199801,,W06000022,W05001200,W01001500,W01002000',
        'CF103AA,CF10 3AA,CF10 3AA,199801,,W06000015,W05001003,W01009999,W01009999',
      ].join('\n'),
    );
    const index = ws.file('wimd.csv', 'LSOA code,WIMD 2019 decile\nW01001001,2\nW01001002,7\nW01001500,4\n');
    await project.write(async (tx) => {
      await loadPostcodeDirectory(tx, directory);
      await loadDeprivation(tx, index, { index: 'WIMD2019' });
    });
    await createWave(project, 1, postcodes);
  });
  afterAll(() => project.close());

  it('keeps every respondent, with a status saying whether and how they were placed', async () => {
    const summary = await project.write((tx) => attachLocality(tx, 1, 'Postcode'));
    expect(summary).toEqual({
      rows: 11,
      matched: 4,
      unmatched: 1,
      terminated: 1,
      invalid: 2,
      partial: 1,
      blank: 2,
      withoutDecile: 1,
      unmatchedList: [
        { _row: 1, postcode_raw: 'CF10 2AA', status: 'terminated' },
        { _row: 2, postcode_raw: 'CF10 9ZZ', status: 'unmatched' },
        { _row: 3, postcode_raw: 'not sure', status: 'invalid' },
        { _row: 4, postcode_raw: 'CF10', status: 'partial' },
        { _row: 10, postcode_raw: 'BFPO 1234', status: 'invalid' },
      ],
    });
    const rows = await locality(project, 1);
    expect(rows.map((r) => Number(r._row))).toEqual(postcodes.map((_, i) => i));
    expect(rows.map((r) => r.status)).toEqual([
      'matched',
      'terminated',
      'unmatched',
      'invalid',
      'partial',
      'blank',
      'blank',
      'matched',
      'matched',
      'matched',
      'invalid',
    ]);
    expect(rows.map((r) => r.postcode_raw)).toEqual(postcodes);
  });

  it('gives each placed respondent their ward, LSOA, authority and decile; terminated postcodes keep theirs', async () => {
    const rows = await locality(project, 1);
    const pick = (i: number) => {
      const { postcode, ward_code, lsoa_code, la_code, imd_decile } = rows[i]!;
      return { postcode, ward_code, lsoa_code, la_code, imd_decile };
    };
    expect(pick(0)).toEqual({ postcode: 'CF10 1AA', ward_code: 'W05001001', lsoa_code: 'W01001001', la_code: 'W06000015', imd_decile: 2 });
    expect(pick(7)).toEqual(pick(0));
    expect(pick(1)).toEqual({ postcode: 'CF10 2AA', ward_code: 'W05001002', lsoa_code: 'W01001002', la_code: 'W06000015', imd_decile: 7 });
    // The 2021 LSOA W01002000 is not in a 2011-based index; the 2011 one is, and is reported with its decile.
    expect(pick(8)).toEqual({ postcode: 'NP20 1AA', ward_code: 'W05001200', lsoa_code: 'W01001500', la_code: 'W06000022', imd_decile: 4 });
    expect(pick(9)).toMatchObject({ lsoa_code: 'W01009999', imd_decile: null });
    expect(pick(2)).toEqual({ postcode: 'CF10 9ZZ', ward_code: null, lsoa_code: null, la_code: null, imd_decile: null });
    for (const i of [3, 4, 5, 6, 10]) expect(pick(i)).toEqual({ postcode: null, ward_code: null, lsoa_code: null, la_code: null, imd_decile: null });
  });

  it('replaces the locality table when run again, e.g. after a new directory', async () => {
    await project.write((tx) => loadPostcodeDirectory(tx, ws.file('onspd2.csv', 'pcds,osward\nCF10 9ZZ,W05009999\n')));
    const summary = await project.write((tx) => attachLocality(tx, 1, 'postcode'));
    expect(summary).toMatchObject({ rows: 11, matched: 1, unmatched: 5, terminated: 0 });
    const rows = await locality(project, 1);
    expect(rows).toHaveLength(11);
    expect(rows[2]).toMatchObject({ status: 'matched', ward_code: 'W05009999' });
  });

  it('reads postcodes from a closed-question (ENUM) column too', async () => {
    await project.write(async (tx) => {
      await tx.run("CREATE TABLE wave_2 (_row BIGINT, area ENUM('CF10 9ZZ', 'Elsewhere'))");
      await tx.run("INSERT INTO wave_2 VALUES (0, 'CF10 9ZZ'), (1, 'Elsewhere'), (2, NULL)");
    });
    const summary = await project.write((tx) => attachLocality(tx, 2, 'area'));
    expect(summary).toMatchObject({ rows: 3, matched: 1, invalid: 1, blank: 1 });
  });

  it('says what is missing: the wave, the column, or a directory', async () => {
    const noColumn = await expectHeardError(project.write((tx) => attachLocality(tx, 1, 'post_code')), 'not_found');
    expect(noColumn.message).toContain('post_code');
    await expectHeardError(project.write((tx) => attachLocality(tx, 99, 'Postcode')), 'not_found');
    await expectHeardError(project.write((tx) => attachLocality(tx, 1, '_row')), 'not_found');

    const empty = await ws.project();
    await createWave(empty, 1, ['CF10 1AA']);
    const noDirectory = await expectHeardError(empty.write((tx) => attachLocality(tx, 1, 'Postcode')), 'not_found');
    expect(noDirectory.message).toContain('postcode directory');
    expect(await empty.read("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'wave_1_locality'")).toEqual([{ n: 0n }]);
    await empty.close();
  });
});

describe.skipIf(missingRealLookups())('attachLocality with the real ONSPD sample and IMD file', () => {
  it('places respondents across Scotland and England, including a split 2011 LSOA and a terminated postcode', async () => {
    const project = await ws.project();
    await project.write(async (tx) => {
      await loadPostcodeDirectory(tx, ONSPD_SAMPLE);
      await loadDeprivation(tx, IMD_FILE, { index: 'UK IMD (own nation deciles)' });
    });
    await createWave(project, 1, ['ab130jy', 'AB1 0AA', 'M11 1AA', 'SE1P5ZZ', 'JE2 4WD', 'ZZ99 9ZZ', 'AB1']);
    const summary = await project.write((tx) => attachLocality(tx, 1, 'Postcode'));
    expect(summary).toMatchObject({ rows: 7, matched: 4, terminated: 1, unmatched: 1, partial: 1, withoutDecile: 1 });
    const rows = await project.read('SELECT postcode, lsoa_code, la_code, imd_decile, status FROM wave_1_locality ORDER BY _row');
    expect(rows).toEqual([
      { postcode: 'AB13 0JY', lsoa_code: 'S01006515', la_code: 'S12000033', imd_decile: 10, status: 'matched' },
      { postcode: 'AB1 0AA', lsoa_code: 'S01006514', la_code: 'S12000033', imd_decile: 10, status: 'terminated' },
      { postcode: 'M11 1AA', lsoa_code: 'E01005108', la_code: 'E08000003', imd_decile: 1, status: 'matched' },
      { postcode: 'SE1P 5ZZ', lsoa_code: 'E01003979', la_code: 'E09000028', imd_decile: 3, status: 'matched' },
      { postcode: 'JE2 4WD', lsoa_code: null, la_code: null, imd_decile: null, status: 'matched' },
      { postcode: 'ZZ99 9ZZ', lsoa_code: null, la_code: null, imd_decile: null, status: 'unmatched' },
      { postcode: null, lsoa_code: null, la_code: null, imd_decile: null, status: 'partial' },
    ]);
    await project.close();
  });
});

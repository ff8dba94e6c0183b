import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../src/engine/project-file.js';
import { loadPostcodeDirectory } from '../../../src/locality/onspd.js';
import { ONSPD_SAMPLE, expectHeardError, missingRealLookups, workspace } from './support.js';

const ws = workspace();

async function lookup(project: ProjectFile, postcode: string) {
  const rows = await project.read('SELECT * EXCLUDE (source) FROM lookup_postcodes WHERE postcode = $1', [postcode]);
  return rows[0];
}

describe.skipIf(missingRealLookups())('loadPostcodeDirectory on the postcodes.io ONSPD sample', () => {
  let project: ProjectFile;
  beforeAll(async () => {
    project = await ws.project();
  });
  afterAll(() => project.close());

  it('loads every postcode with its ward, LSOAs, authority and termination date', async () => {
    const summary = await project.write((tx) => loadPostcodeDirectory(tx, ONSPD_SAMPLE));
    expect(summary).toMatchObject({
      source: 'postcodes_io_test_seed_onspd_sample.csv',
      encoding: 'utf-8',
      rows: 8048,
      skipped: 0,
      duplicates: 0,
      terminated: 3811,
      missing: [],
    });
    expect(summary.columns).toEqual({
      postcode: 'pcds',
      ward: 'osward',
      lsoa21: 'lsoa21',
      lsoa11: 'lsoa11',
      la: 'oslaua',
      terminated: 'doterm',
    });
    expect(await lookup(project, 'AB13 0JY')).toEqual({
      postcode: 'AB13 0JY',
      ward_code: 'S13002843',
      ward_name: null,
      lsoa_code: 'S01006515',
      lsoa11_code: 'S01006515',
      lsoa21_code: null,
      la_code: 'S12000033',
      la_name: null,
      terminated: null,
    });
    expect(await lookup(project, 'AB1 0AA')).toMatchObject({ terminated: '199606', lsoa_code: 'S01006514' });
  });

  it('prefers the 2021 LSOA but keeps the 2011 one beside it', async () => {
    expect(await lookup(project, 'M11 1AA')).toMatchObject({
      lsoa_code: 'E01034113',
      lsoa11_code: 'E01005108',
      lsoa21_code: 'E01034113',
      ward_code: 'E05011359',
      la_code: 'E08000003',
    });
  });

  it('turns ONS pseudo-codes (no such area) into empty values', async () => {
    expect(await lookup(project, 'JE2 4WD')).toMatchObject({ ward_code: null, lsoa_code: null, la_code: null, terminated: null });
  });

  it('replaces the previous directory rather than adding to it', async () => {
    const other = ws.file('other.csv', 'pcds,osward\nCF10 1AA,W05000001\n');
    await project.write((tx) => loadPostcodeDirectory(tx, other));
    expect(await project.read('SELECT postcode, source FROM lookup_postcodes')).toEqual([{ postcode: 'CF10 1AA', source: 'other.csv' }]);
    await project.write((tx) => loadPostcodeDirectory(tx, ONSPD_SAMPLE));
    expect(Number((await project.read('SELECT count(*) AS n FROM lookup_postcodes'))[0]!.n)).toBe(8048);
  });
});

describe('loadPostcodeDirectory on extracts with other headings', () => {
  it('finds columns case-insensitively, takes the newest ward and authority, and normalises postcodes', async () => {
    const project = await ws.project();
    const file = ws.file(
      'extract.csv',
      [
        'PCD7,WD22CD,WD23CD,WD23NM,LSOA21CD,LADCD,LADNM,DOTERM',
        'cf101aa,W05000001,W05001001,Cathays,W01001001,W06000015,Cardiff,',
        'SW1A  1AA,E05000001,E05013806,St James\'s,E01004736,E09000033,Westminster,',
        'CF10,W05000001,W05001001,Cathays,W01001001,W06000015,Cardiff,',
        ',,,,,,,',
        'CF10 2AA,W05000001,W05001002,Butetown,W01001002,W06000015,Cardiff,202001',
        'cf10 2aa,W05000001,W05001002,Butetown,W01001002,W06000015,Cardiff,',
      ].join('\r\n'),
    );
    const summary = await project.write((tx) => loadPostcodeDirectory(tx, file));
    expect(summary.columns).toEqual({
      postcode: 'PCD7',
      ward: 'WD23CD',
      wardName: 'WD23NM',
      lsoa21: 'LSOA21CD',
      la: 'LADCD',
      laName: 'LADNM',
      terminated: 'DOTERM',
    });
    expect(summary).toMatchObject({ rows: 3, skipped: 2, duplicates: 1, terminated: 0 });
    expect(await project.read('SELECT postcode, ward_code, ward_name, lsoa_code, la_name, terminated FROM lookup_postcodes ORDER BY postcode')).toEqual([
      { postcode: 'CF10 1AA', ward_code: 'W05001001', ward_name: 'Cathays', lsoa_code: 'W01001001', la_name: 'Cardiff', terminated: null },
      // Listed twice, once terminated and once live: the live row wins.
      { postcode: 'CF10 2AA', ward_code: 'W05001002', ward_name: 'Butetown', lsoa_code: 'W01001002', la_name: 'Cardiff', terminated: null },
      { postcode: 'SW1A 1AA', ward_code: 'E05013806', ward_name: "St James's", lsoa_code: 'E01004736', la_name: 'Westminster', terminated: null },
    ]);
    await project.close();
  });

  it('reads a Windows-1252 extract without mangling Welsh names', async () => {
    const project = await ws.project();
    const file = ws.file('latin1.csv', '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.from('pcds,wd23cd,wd23nm,lad23cd,lad23nm\nLL77 7AA,W05000001,Llangefni,W06000001,Ynys M\xf4n\n', 'latin1'));
    const summary = await project.write((tx) => loadPostcodeDirectory(tx, file));
    expect(summary.encoding).toBe('latin-1');
    expect(summary.missing).toEqual(['lsoa']);
    expect(await project.read('SELECT la_name FROM lookup_postcodes')).toEqual([{ la_name: 'Ynys Môn' }]);
    await project.close();
  });

  it('reads as latin-1 an extract whose first megabyte is plain ASCII and whose Welsh name comes further down', async () => {
    const project = await ws.project();
    const file = ws.file('late-latin1.csv', '');
    const { writeFileSync } = await import('node:fs');
    const filler = Array.from({ length: 30_000 }, (_, i) => `CF1 ${String(i % 10)}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26 | 0))},W05000002,Cathays,W06000015,Cardiff`);
    const text = `pcds,wd23cd,wd23nm,lad23cd,lad23nm\n${filler.join('\n')}\nLL77 7AA,W05000001,Llangefni,W06000001,Ynys M\xf4n\n`;
    expect(text.length).toBeGreaterThan(1 << 20);
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const summary = await project.write((tx) => loadPostcodeDirectory(tx, file));
    expect(summary.encoding).toBe('latin-1');
    expect(await project.read("SELECT la_name FROM lookup_postcodes WHERE la_code = 'W06000001'")).toEqual([{ la_name: 'Ynys Môn' }]);
    await project.close();
  });

  it('refuses a file without a postcode or area column, naming what it found and what it needs, and keeps the old directory', async () => {
    const project = await ws.project();
    await project.write((tx) => loadPostcodeDirectory(tx, ws.file('good.csv', 'postcode,lsoa11\nNP20 1AA,W01001500\n')));
    const noPostcode = ws.file('no-postcode.csv', 'address,ward_code\n1 High Street,W05000001\n');
    const err = await expectHeardError(project.write((tx) => loadPostcodeDirectory(tx, noPostcode)), 'invalid_file');
    expect(err.message).toContain('no postcode column');
    expect(err.message).toContain('address, ward_code');
    expect(err.message).toContain('pcds');
    const noArea = ws.file('no-area.csv', 'pcds,easting\nNP20 1AA,331000\n');
    const err2 = await expectHeardError(project.write((tx) => loadPostcodeDirectory(tx, noArea)), 'invalid_file');
    expect(err2.message).toContain('no ward, LSOA or local authority column');
    const notPostcodes = ws.file('not-postcodes.csv', 'postcode,lsoa11\nhello,W01001500\n');
    await expectHeardError(project.write((tx) => loadPostcodeDirectory(tx, notPostcodes)), 'invalid_file');
    expect(await project.read('SELECT postcode, lsoa_code FROM lookup_postcodes')).toEqual([{ postcode: 'NP20 1AA', lsoa_code: 'W01001500' }]);
    await project.close();
  });

  it('says when the file is missing or empty', async () => {
    const project = await ws.project();
    await expectHeardError(project.write((tx) => loadPostcodeDirectory(tx, `${ws.dir}/nowhere.csv`)), 'not_found');
    await expectHeardError(project.write((tx) => loadPostcodeDirectory(tx, ws.file('empty.csv', ''))), 'invalid_file');
    await project.close();
  });
});

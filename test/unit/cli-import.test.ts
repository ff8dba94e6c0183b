import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir();
const project = path.join(dir, 'council.heard');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv, '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const survey = [
  'Respondent ID,Postcode,How satisfied are you with the council?,Comments',
  'A1,cf10 1aa,Very satisfied,"=HYPERLINK(""http://x"")"',
  'A2,CF10 2BB,Fairly dissatisfied,Bins',
  'A3,not a postcode,Very dissatisfied,',
  'A4,CF99 9ZZ,Fairly satisfied,"Good, mostly"',
  'A5,,Very satisfied,',
].join('\n');

describe('heard import, locality and export, as other tools call them', () => {
  it('imports a file into a project it creates, printing the JSON contract', async () => {
    fs.writeFileSync(path.join(dir, 'residents.csv'), `${survey}\n`);
    const r = await run('import', path.join(dir, 'residents.csv'), '--project', project, '--name', 'Residents', '--wave', '2024', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ survey: 1, rows: 5, rejected: 0, layout: 'plain', encoding: 'utf-8', warnings: [] });
    expect(Object.keys(doc.columns[0]).sort()).toEqual(['label', 'name', 'options', 'role', 'type']);
    expect(doc.columns.map((c: { name: string }) => c.name)).toEqual(['respondent_id', 'postcode', 'how_satisfied_are_you_with_the_council', 'comments']);

    const again = await run('import', path.join(dir, 'residents.csv'), '--project', project, '--name', 'Residents', '--wave', '2025');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('was imported before');
  });

  it('places respondents by postcode from an ONSPD extract and an IMD table, dropping nobody', async () => {
    fs.writeFileSync(
      path.join(dir, 'onspd.csv'),
      'pcd,pcds,doterm,oslaua,osward,lsoa11\nCF101AA,CF10 1AA,,W06000015,W05001000,W01001000\nCF102BB,CF10 2BB,201901,W06000015,W05001001,W01001001\n',
    );
    fs.writeFileSync(path.join(dir, 'wimd.csv'), 'LSOA code,WIMD 2019 decile\nW01001000,3\nW01001001,8\n');
    const r = await run('locality', '--project', project, '--survey', 'Residents', '--postcodes', 'postcode', '--onspd', path.join(dir, 'onspd.csv'), '--deprivation', path.join(dir, 'wimd.csv'), '--index', 'WIMD2019', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 5, matched: 1, terminated: 1, unmatched: 1, invalid: 1, blank: 1 });
  });

  it('exports with the formula neutralised', async () => {
    const out = path.join(dir, 'out.csv');
    const r = await run('export', '--project', project, '--survey', 'Residents', '--out', out, '--columns', 'respondent_id,comments', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text.split('\n')[0]).toBe('\ufeffrespondent_id,comments');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { tempDir } from '../../support/temp-dir.js';

// R's figures for the sample 2023 wave: test/fixtures/stats (see its reference.R).
const stats = path.join(__dirname, '../../fixtures/stats');
const rows = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const rSummary = rows(path.join(stats, 'r/rake-summary.csv'))[0]!;
const rWeights = rows(path.join(stats, 'r/rake-weights.csv'));
const dir = tempDir();

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv, '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const rake = (...extra: string[]) =>
  run('rake', '--project', 'sample', '--survey', "Residents' Survey", '--wave', '2023', '--margins', path.join(stats, 'margins-age-sex.csv'),
    '--margins', path.join(stats, 'margins-ward.csv'), '--base-weight', 'weight', ...extra);

describe('heard rake and heard export of a saved weight, as other tools call them', () => {
  it('rakes the sample 2023 wave and prints the JSON contract, with R’s efficiency', async () => {
    const r = await rake('--exclude-missing', '--save', 'raked', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 5)).toEqual(['converged', 'iterations', 'n_eff', 'efficiency', 'max_error']);
    expect(doc).toMatchObject({ converged: true, name: 'raked', rows: Number(rSummary.n_raked) });
    expect(Math.abs(doc.n_eff - Number(rSummary.n_eff)) / Number(rSummary.n_eff)).toBeLessThan(1e-6);
    expect(Math.abs(doc.efficiency - Number(rSummary.efficiency)) / Number(rSummary.efficiency)).toBeLessThan(1e-6);
    expect(doc.max_error).toBeLessThanOrEqual(1e-9);
  }, 60_000);

  it('exports the saved weight as a column, equal to R’s, blank for those left out', async () => {
    const out = path.join(dir, 'weights.csv');
    const r = await run('export', '--project', 'sample', '--survey', "Residents' Survey", '--wave', '2023', '--out', out, '--columns', 'respondent_id,weight,raked', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const exported = rows(out);
    expect(Object.keys(exported[0]!)).toEqual(['respondent_id', 'weight', 'raked']);
    exported.forEach((e, i) => {
      expect(e.respondent_id).toBe(rWeights[i]!.respondent_id);
      if (rWeights[i]!.raked_weight === '') expect(e.raked).toBe('');
      else expect(Math.abs(Number(e.raked) - Number(rWeights[i]!.raked_weight)) / Number(rWeights[i]!.raked_weight)).toBeLessThan(1e-6);
    });
  });

  it('says in one line what is wrong, exiting 1', async () => {
    const blank = await rake('--save', 'strict');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toMatch(/^heard: Raking needs every respondent .*24 respondents left ward blank.*\n$/);

    const again = await rake('--exclude-missing', '--save', 'raked');
    expect([again.code, again.stderr]).toEqual([1, 'heard: This wave already has a weight called "raked". Choose another name, or replace it.\n']);
    const replaced = await rake('--exclude-missing', '--save', 'raked', '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Saved the weight "raked": 2,458 respondents raked to age_band × sex and ward from weight');

    expect((await rake('--exclude-missing')).stderr).toBe('heard: --save NAME is required.\n');
    expect((await rake('--exclude-missing', '--save', 'x', '--trim', '1')).stderr).toContain('--trim is the cap as a multiple of the mean weight');
    expect((await rake('--exclude-missing', '--save', '=bad')).stderr).toContain('--save: A weight name is 1 to 64 letters');

    const noPopulation = path.join(dir, 'bad-margin.csv');
    fs.writeFileSync(noPopulation, 'ward,count\nCastle,1\n');
    const bad = await run('rake', '--project', 'sample', '--survey', "Residents' Survey", '--margins', noPopulation, '--save', 'x');
    expect([bad.code, bad.stderr]).toEqual([1, 'heard: The margins file bad-margin.csv must have one or more variable columns and then a column called "population" (found: ward, count).\n']);
  });
});

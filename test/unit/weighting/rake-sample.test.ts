import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeardError, RakeAndSaveRequest, RakeRequest, type RakeAndSaveRequest as SaveInput, type RakeMargin } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { readMarginsCsv } from '../../../src/weighting/margins-csv.js';
import { previewRake, rakeAndSave } from '../../../src/weighting/rake-wave.js';
import { resolveWeight } from '../../../src/weighting/resolve-weight.js';
import { deleteWeight, listWeights } from '../../../src/weighting/weight-catalogue.js';
import { tempDir } from '../../support/temp-dir.js';

// R's figures: test/fixtures/stats (raking of the 2023 wave) and test/fixtures/weighting (trimming), made by R scripts
// kept beside them. Rows with a blank age band, sex or ward are left out in both.
const fixtures = path.join(__dirname, '../../fixtures');
const csv = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(fixtures, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const rWeights = csv('stats/r/rake-weights.csv');
const rSummary = csv('stats/r/rake-summary.csv')[0]!;
const rTrim = csv('weighting/trim-2023.csv');
const rTrimSummary = csv('weighting/trim-2023-summary.csv')[0]!;
const ageSex = readMarginsCsv(path.join(fixtures, 'stats/margins-age-sex.csv'));
const ward = readMarginsCsv(path.join(fixtures, 'stats/margins-ward.csv'));

const dir = tempDir();
let project: ProjectFile;
let waveId: number;

beforeAll(async () => {
  project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
  const [wave] = await project.read("SELECT w.id FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey' AND w.label = '2023'");
  waveId = Number(wave!.id);
}, 60_000);
afterAll(() => project?.close());

const request = (extra: Partial<SaveInput> = {}) =>
  RakeAndSaveRequest.parse({ waveId, margins: [ageSex, ward], baseWeight: 'weight', excludeMissing: true, name: 'raked', ...extra });
const preview = (extra: Partial<SaveInput> = {}) => {
  const { name: _name, replace: _replace, ...rest } = request(extra);
  return previewRake(project, RakeRequest.parse(rest));
};
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

async function refusal(work: Promise<unknown>): Promise<HeardError> {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HeardError);
  return err as HeardError;
}

async function storedWeights(name: string): Promise<(number | null)[]> {
  const weight = await resolveWeight(project, waveId, name);
  const rows = await project.read(`SELECT ${weight.expr} AS w FROM wave_${waveId} r ${weight.join} ORDER BY r.rowid`);
  return rows.map((r) => (r.w === null ? null : Number(r.w)));
}

async function savedState() {
  const catalogue = await project.read('SELECT name, table_name FROM weights WHERE wave_id = $1 ORDER BY name', [waveId]);
  const tables = await project.read("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE $1 ORDER BY table_name", [`wave_${waveId}_weight_%`]);
  return { catalogue, tables: tables.map((t) => t.table_name) };
}

describe('raking the sample 2023 wave, compared with R survey::rake', () => {
  it('refuses respondents with a blank age band, sex or ward unless asked to leave them out, saving nothing', async () => {
    const err = await refusal(rakeAndSave(project, request({ excludeMissing: false })));
    expect(err.message).toContain('24 respondents left ward blank');
    expect(err.message).toContain('16 respondents left age_band blank');
    expect(err.message).toContain('14 respondents left sex blank');
    expect(await savedState()).toEqual({ catalogue: [], tables: [] });
  });

  it('saves weights equal to R’s for every respondent, and none for those left out', async () => {
    const result = await rakeAndSave(project, request());
    expect(result).toMatchObject({ name: 'raked', baseWeight: 'weight', converged: true, rows: Number(rSummary.n_raked) });
    expect(result.excluded.reduce((n, e) => n + e.respondents, 0)).toBe(Number(rSummary.n_excluded));
    expect(result.maxError).toBeLessThanOrEqual(1e-9);

    const ours = await storedWeights('raked');
    expect(ours.length).toBe(rWeights.length);
    let worst = 0;
    rWeights.forEach((r, i) => {
      if (r.raked_weight === '') expect(ours[i]).toBeNull();
      else worst = Math.max(worst, relative(ours[i]!, Number(r.raked_weight)));
    });
    expect(worst).toBeLessThan(1e-6);
    console.info(`raked weights, sample 2023 wave: largest relative difference from R ${worst.toExponential(2)}`);

    for (const key of ['n_eff', 'efficiency', 'total', 'min_raked', 'max_raked', 'mean_raked'] as const) {
      const value = { n_eff: result.nEff, efficiency: result.efficiency, total: result.total, min_raked: result.distribution.min, max_raked: result.distribution.max, mean_raked: result.distribution.mean }[key];
      expect(relative(value, Number(rSummary[key]))).toBeLessThan(1e-6);
    }
    for (const margin of result.margins) for (const cell of margin.cells) expect(relative(cell.achieved, cell.target)).toBeLessThan(1e-8);
  });

  it('resolves no weight to 1 for everyone, and a design-weight column to the column', async () => {
    expect(await resolveWeight(project, waveId, null)).toEqual({ name: null, join: '', expr: '1.0', where: 'TRUE' });
    const design = await resolveWeight(project, waveId, 'weight');
    const [row] = await project.read(`SELECT sum(${design.expr}) AS s, count(*) FILTER (WHERE ${design.where}) AS n FROM wave_${waveId} r ${design.join}`);
    const rSum = rWeights.reduce((n, r) => n + Number(r.design_weight), 0);
    expect([Number(row!.n), relative(Number(row!.s), rSum)]).toEqual([rWeights.length, expect.closeTo(0, 12)]);
  });

  it('lets any analysis find the saved weight through resolveWeight, in the design only where it has a weight', async () => {
    const weight = await resolveWeight(project, waveId, 'raked');
    const byWard = await project.read(
      `SELECT r.ward, sum(${weight.expr}) AS w, count(*) AS n FROM wave_${waveId} r ${weight.join} WHERE ${weight.where} AND r.ward IS NOT NULL GROUP BY r.ward`,
    );
    for (const cell of ward.cells) expect(relative(Number(byWard.find((r) => r.ward === cell.values[0])!.w), cell.population)).toBeLessThan(1e-8);
    expect(byWard.reduce((n, r) => n + Number(r.n), 0)).toBe(Number(rSummary.n_raked));
    // The positional join and a join on _row agree, with a filter in the query.
    const [positional] = await project.read(`SELECT sum(${weight.expr}) AS s FROM wave_${waveId} r ${weight.join} WHERE r.sex = 'Female' AND ${weight.where}`);
    const [saved] = await project.read('SELECT table_name FROM weights WHERE wave_id = $1 AND name = $2', [waveId, 'raked']);
    const [keyed] = await project.read(`SELECT sum(t.weight) AS s FROM wave_${waveId} r JOIN ${String(saved!.table_name)} t ON t._row = r.rowid WHERE r.sex = 'Female'`);
    expect(Number(positional!.s)).toBe(Number(keyed!.s));
  });

  it('trims at 3 × the mean weight as R does (cap, re-rake, repeat)', async () => {
    const result = await rakeAndSave(project, request({ name: 'trimmed', trim: 3 }));
    expect(result.trimming).toMatchObject({ k: 3, rounds: Number(rTrimSummary.rounds), capped: Number(rTrimSummary.capped) });
    expect(relative(result.trimming!.cap, Number(rTrimSummary.cap))).toBeLessThan(1e-9);
    expect(result.distribution.max).toBeLessThanOrEqual(result.trimming!.cap * (1 + 1e-6));
    const ours = await storedWeights('trimmed');
    const worst = Math.max(...rTrim.map((r) => relative(ours[Number(r.row)]!, Number(r.trimmed))));
    expect(worst).toBeLessThan(1e-6);
  });
});

describe('saved weights: names, replacing, deleting, previews, and failures that change nothing', () => {
  it('lists the design-weight column and the saved weights', async () => {
    const list = await listWeights(project, waveId);
    expect(list.map((w) => [w.name, w.kind])).toEqual([['weight', 'design'], ['raked', 'raked'], ['trimmed', 'raked']]);
    expect(relative(list[0]!.nEff, Number(rSummary.n_eff_base) * 1)).toBeLessThan(0.1); // all 2,512 rows, R's is on 2,458
    expect(list[1]!.raking).toMatchObject({ baseWeight: 'weight', converged: true, trimming: null });
    expect(list[1]!.raking!.margins.map((m: RakeMargin) => m.variables)).toEqual([['age_band', 'sex'], ['ward']]);
    expect(list[2]!.raking!.trimming).toMatchObject({ k: 3 });
  });

  it('refuses a name already saved unless asked to replace it, and a name that is a column of the wave', async () => {
    const before = await storedWeights('raked');
    expect((await refusal(rakeAndSave(project, request({ name: 'RAKED', baseWeight: null })))).message).toContain('already has a weight called "raked"');
    expect(await storedWeights('raked')).toEqual(before);
    expect((await refusal(rakeAndSave(project, request({ name: 'Ward' })))).message).toContain('"Ward" is already a column of this wave (ward)');

    const replaced = await rakeAndSave(project, request({ name: 'raked', baseWeight: null, replace: true }));
    expect(replaced.baseWeight).toBeNull();
    const after = await storedWeights('raked');
    expect(after).not.toEqual(before);
    expect(after.filter((w) => w !== null).length).toBe(before.filter((w) => w !== null).length);
    expect((await savedState()).catalogue.map((r) => r.name)).toEqual(['raked', 'trimmed']);
  });

  it('previews without saving anything', async () => {
    const before = await savedState();
    const result = await preview({ trim: 4 });
    expect(result.name).toBeNull();
    expect(result.trimming).toMatchObject({ k: 4 });
    expect(await savedState()).toEqual(before);
  });

  it('leaves the project as it was when raking fails after the name was claimed', async () => {
    const before = await savedState();
    const err = await refusal(rakeAndSave(project, request({ name: 'too tight', trim: 1.01 })));
    expect(err.message).toContain('Trimming did not settle');
    expect(await savedState()).toEqual(before);
  });

  it('deletes a saved weight and its values; a weight that is not there is not found', async () => {
    const [kept] = (await savedState()).catalogue.filter((r) => r.name === 'raked');
    await deleteWeight(project, waveId, 'trimmed');
    expect(await savedState()).toEqual({ catalogue: [kept], tables: [kept!.table_name] });
    expect((await refusal(deleteWeight(project, waveId, 'trimmed'))).code).toBe('not_found');
    expect((await refusal(resolveWeight(project, waveId, 'trimmed'))).code).toBe('not_found');
  });
});

describe('raking refuses what it cannot do, in words', () => {
  it('a variable the wave does not have, or one that is not a set of categories', async () => {
    const nowhere: RakeMargin = { variables: ['shoe_size'], cells: [{ values: ['9'], population: 1 }] };
    expect((await refusal(preview({ margins: [nowhere] }))).message).toContain('This wave has no column "shoe_size" to rake to.');
    const comments: RakeMargin = { variables: ['comments'], cells: [{ values: ['x'], population: 1 }] };
    expect((await refusal(preview({ margins: [comments] }))).message).toBe('"comments" is a text column; margins are over categories (closed questions).');
  });

  it('a base weight that does not exist', async () => {
    expect((await refusal(preview({ baseWeight: 'nope' }))).code).toBe('not_found');
  });

  it('a non-substantive answer the margin does not list, with how many gave it', async () => {
    const identity: RakeMargin = {
      variables: ['gender_identity'],
      cells: [
        { values: ['Same as sex registered at birth'], population: 103_499 },
        { values: ['Different from sex registered at birth'], population: 501 },
      ],
    };
    const err = await refusal(preview({ margins: [identity], excludeMissing: false }));
    expect(err.message).toContain('70 respondents answered gender_identity "Prefer not to say".');
    expect(err.message).toContain('58 respondents left gender_identity blank.');
  });

  it('a margin category nobody in the sample is in', async () => {
    const extra: RakeMargin = { variables: ['ward'], cells: [...ward.cells, { values: ['Nowhere'], population: 500 }] };
    const err = await refusal(preview({ margins: [ageSex, extra], rescale: true }));
    expect(err.message).toContain('Margin ward has a population of 500 for "Nowhere", but nobody in the sample is in it');
  });

  it('margins whose totals disagree', async () => {
    const more: RakeMargin = { variables: ['ward'], cells: ward.cells.map((c, i) => ({ ...c, population: c.population + (i === 0 ? 10 : 0) })) };
    const err = await refusal(preview({ margins: [ageSex, more] }));
    expect(err.message).toContain("The margins' population totals disagree (age_band × sex 104,000, ward 104,010)");
  });

  it('margins that contradict each other, so raking cannot converge', async () => {
    // The same total, but a sex split that the age × sex margin contradicts.
    const sex: RakeMargin = { variables: ['sex'], cells: [{ values: ['Female'], population: 30_000 }, { values: ['Male'], population: 74_000 }] };
    const err = await refusal(preview({ margins: [ageSex, sex] }));
    expect(err.message).toContain('Raking did not converge in 100 sweeps');
  });
});

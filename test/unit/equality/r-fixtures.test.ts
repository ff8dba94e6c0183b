import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BreakdownRequest, RepresentationRequest } from '../../../src/contract/index.js';
import { breakdown } from '../../../src/equality/breakdown.js';
import { listBenchmarks } from '../../../src/equality/benchmark/benchmark-store.js';
import { representation } from '../../../src/equality/representation.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject, SAMPLE_BENCHMARK_NAME } from '../../../src/sample/build-sample-project.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Representation and outcomes by group on the sample project's 2024 wave against test/fixtures/equality/r (base R's
 * prop.test and chisq.test, and R's survey package; made by test/fixtures/equality/reference.R). A failure names the
 * figure.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'equality', 'r');
const TOL = 1e-6;
type Csv = Record<string, string>[];
const readCsv = (file: string): Csv => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

const representationRows = readCsv('representation.csv');
const gofRows = readCsv('gof.csv');
const breakdownRows = readCsv('breakdown.csv');

describe('equality figures of the sample project equal R (test/fixtures/equality/r)', () => {
  const dir = tempDir();
  let project: ProjectFile;
  let waveId: number;
  let benchmarkId: number;
  const close = (what: string, actual: number | null | undefined, expected: number | null) => {
    expect(actual, what).not.toBeNull();
    expect(expected, `${what} in the fixture`).not.toBeNull();
    expect(Math.abs(actual! - expected!), `${what}: ${actual} vs R ${expected}`).toBeLessThan(TOL);
  };

  beforeAll(async () => {
    project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
    const [w] = await project.read("SELECT w.id FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey' AND w.label = '2024'");
    waveId = Number(w!.id);
    benchmarkId = (await listBenchmarks(project)).find((b) => b.name === SAMPLE_BENCHMARK_NAME)!.id;
  }, 120_000);
  afterAll(async () => project?.close());

  it('the sample project carries its borough benchmark, figure for figure as the file', async () => {
    const [saved] = await listBenchmarks(project);
    expect(saved!.name).toBe(SAMPLE_BENCHMARK_NAME);
    const file = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(sampleDataDir(), 'population-benchmark.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(saved!.characteristics.flatMap((c) => c.cells.map((x) => [c.name, x.category, x.population]))).toEqual(file.map((r) => [r.characteristic, r.category, Number(r.population)]));
  });

  for (const characteristic of [...new Set(representationRows.map((r) => r.characteristic!))]) {
    it(`representation of ${characteristic}: shares, index, Wilson interval, goodness of fit`, async () => {
      const result = await representation(project, RepresentationRequest.parse({ waveId, variable: characteristic, source: { benchmarkId } }));
      const expected = representationRows.filter((r) => r.characteristic === characteristic);
      expect(result.categories.map((c) => c.category)).toEqual(expected.map((r) => r.category));
      for (const [i, r] of expected.entries()) {
        const c = result.categories[i]!;
        const at = `${characteristic} ${r.category}`;
        expect(c.n, `${at} n`).toBe(Number(r.n));
        close(`${at} share`, c.share, num(r.share));
        close(`${at} population share`, c.population_share, num(r.population_share));
        close(`${at} ri`, c.ri, num(r.ri));
        close(`${at} ci lo`, c.ci?.[0], num(r.ci_lo));
        close(`${at} ci hi`, c.ci?.[1], num(r.ci_hi));
      }
      const gof = gofRows.find((r) => r.characteristic === characteristic)!;
      close(`${characteristic} chi-square`, result.gof?.statistic, num(gof.statistic));
      expect(result.gof?.df).toBe(Number(gof.df));
      close(`${characteristic} p`, result.gof?.p, num(gof.p));
    });
  }

  const calls = [...new Set(breakdownRows.map((r) => [r.measure, r.by, r.weighting].join('|')))].map((k) => k.split('|') as [string, string, string]);
  for (const [measure, by, weighting] of calls) {
    it(`breakdown of overall satisfaction (${measure}) by ${by}, ${weighting}: each group against the rest`, async () => {
      const [first, second] = by.split(' × ');
      const result = await breakdown(
        project,
        BreakdownRequest.parse({ waveId, outcome: 'overall_satisfaction', measure, by: first, by2: second ?? null, weight: weighting === 'design' ? 'weight' : null }),
      );
      const expected = breakdownRows.filter((r) => r.measure === measure && r.by === by && r.weighting === weighting);
      expect(result.groups.map((g) => g.group)).toEqual(expected.map((r) => r.group));
      for (const [i, r] of expected.entries()) {
        const g = result.groups[i]!;
        const at = `${by} ${r.group} ${weighting} ${measure}`;
        expect(g.n, `${at} n`).toBe(Number(r.n));
        close(`${at} estimate`, g.estimate, num(r.estimate));
        close(`${at} se`, g.se, num(r.se));
        close(`${at} rest`, g.rest.estimate, num(r.rest));
        close(`${at} difference`, g.difference, num(r.difference));
        if (num(r.p) !== null) {
          close(`${at} p`, g.p, num(r.p));
          close(`${at} p (Holm)`, g.p_adjusted, num(r.p_holm));
        }
        // R has no logit interval with one respondent (df 0) or at 0% / 100%, where Heard gives the exact bound; for a
        // mean on one respondent R's interval is a point (SE 0), where Heard gives none.
        const atBound = measure === 'top' && (g.estimate === 0 || g.estimate === 100);
        if (g.n === 1 && measure === 'mean') expect(g.ci, `${at}: no interval on one respondent`).toBeNull();
        else if (num(r.ci_lo) !== null && !atBound) {
          close(`${at} ci lo`, g.ci?.[0], num(r.ci_lo));
          close(`${at} ci hi`, g.ci?.[1], num(r.ci_hi));
        }
      }
    });
  }
});

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { main } from '../../src/cli.js';
import { sampleDataDir } from '../../src/paths.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
import { tempDir } from '../support/temp-dir.js';

// What the Equality page and the committee report rely on: equality.* over the rpc server (which checks every response
// against the contract) on the sample project, and heard represent / heard breakdown printing the contract's keys.
// The figures are held to R in test/unit/equality; here one of each is, to tie the layers together.
const R = path.join(__dirname, '..', 'fixtures', 'equality', 'r');
const readCsv = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(R, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const BENCHMARK = path.join(sampleDataDir(), 'population-benchmark.csv');

describe('equality.* over the rpc server', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  let waveId: number;
  beforeAll(async () => {
    ({ backend, api } = await sampleOverRpc(path.join(dir, 'data')));
    const survey = (await api.call('surveys.list', {})).find((s) => s.name === "Residents' Survey")!;
    waveId = survey.waves.find((w) => w.label === '2024')!.id;
  }, 60_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  it('lists the sample benchmark, and saves, lists and deletes one entered by hand', async () => {
    const [sample] = await api.call('equality.benchmarks', {});
    expect(sample!.characteristics.map((c) => c.name)).toContain('ethnic_group');
    const saved = await api.call('equality.saveBenchmark', { name: 'By hand', manual: [{ characteristic: 'sex', category: 'Female', population: 10 }, { characteristic: 'sex', category: 'Male', population: 9 }] });
    expect(saved.characteristics).toEqual([{ name: 'sex', cells: [{ category: 'Female', population: 10 }, { category: 'Male', population: 9 }] }]);
    await expect(api.call('equality.saveBenchmark', { name: 'By hand', file: { path: BENCHMARK } })).rejects.toThrow('There is already a benchmark called "By hand"');
    await api.call('equality.deleteBenchmark', { id: saved.id });
    expect((await api.call('equality.benchmarks', {})).map((b) => b.name)).toEqual([sample!.name]);
  });

  it('offers the mapping with reasons, saves a change, and representation follows it', async () => {
    const [sample] = await api.call('equality.benchmarks', {});
    const source = { benchmarkId: sample!.id };
    const mapping = await api.call('equality.mapping', { waveId, variable: 'sex', source });
    expect(mapping.entries.map((e) => [e.answer, e.category, e.reason])).toEqual([
      ['Female', 'Female', 'same'],
      ['Male', 'Male', 'same'],
    ]);
    const rep = await api.call('equality.representation', { waveId, variable: 'sex', source });
    const female = readCsv('representation.csv').find((r) => r.characteristic === 'sex' && r.category === 'Female')!;
    expect(rep.categories[0]!.share).toBeCloseTo(Number(female.share), 9);
    await api.call('equality.saveMapping', { waveId, variable: 'sex', entries: [{ answer: 'Male', category: null }] });
    const changed = await api.call('equality.representation', { waveId, variable: 'sex', source });
    expect(changed.categories.map((c) => c.category)).toEqual(['Female']);
    expect(changed.unmapped).toEqual([{ answer: 'Male', n: rep.categories[1]!.n }]);
    await api.call('equality.saveMapping', { waveId, variable: 'sex', entries: [{ answer: 'Male', category: 'Male' }] });
  });

  it('breaks an outcome down by group and writes the impact summary', async () => {
    const b = await api.call('equality.breakdown', { waveId, outcome: 'overall_satisfaction', by: 'age_band' });
    const young = readCsv('breakdown.csv').find((r) => r.measure === 'top' && r.by === 'age_band' && r.weighting === 'unweighted' && r.group === '16-24')!;
    expect(b.groups[0]!.estimate).toBeCloseTo(Number(young.estimate), 9);
    expect(b.groups[0]!.significant).toBe(Number(young.p_holm) < 0.05);
    // The gap by group is the gaps module's, group for group (withheld groups included).
    const gap = await api.call('equality.breakdown', { waveId, outcome: 'listens_importance', measure: 'gap', by: 'ethnic_group' });
    const direct = await api.call('gaps.compute', { waveId, importance: 'listens_importance', satisfaction: 'listens_satisfaction', by: 'ethnic_group', itemChart: false });
    expect(gap.groups.map((g) => [g.group, g.estimate, g.difference, g.flag])).toEqual(direct.groups.map((g) => [g.group, g.gap, g.vsRest?.difference ?? null, g.flag]));
    expect(gap.groups.some((g) => g.flag === 'c')).toBe(true);
    // A theme's prevalence by group (the consultation's coded comments) is the crosstab's column %, group for group, and
    // "everyone else" is the table's other columns put together.
    const consultation = (await api.call('surveys.list', {})).find((s) => s.name === 'Town Centre Consultation')!.waves[0]!.id;
    const table = await api.call('tables.crosstab', { waveId: consultation, row: 'theme:comments', col: 'age_band' });
    const theme = table.rows[0]!.label;
    const byAge = await api.call('equality.breakdown', { waveId: consultation, outcome: 'theme:comments', top: [theme], by: 'age_band' });
    expect(byAge.groups.map((g) => [g.group, g.estimate])).toEqual(table.bases.map((base) => [base.col, table.cells.find((c) => c.row === theme && c.col === base.col)!.pct]));
    const first = table.bases[0]!;
    const restYes = table.cells.filter((c) => c.row === theme && c.col !== first.col).reduce((sum, c) => sum + c.n, 0);
    const restBase = table.bases.slice(1).reduce((sum, b) => sum + b.n, 0);
    expect(byAge.groups[0]!.rest.estimate).toBeCloseTo((100 * restYes) / restBase, 9);
    await expect(api.call('equality.breakdown', { waveId: consultation, outcome: 'theme:comments', by: 'age_band' })).rejects.toThrow('say which one to break down');
    const summary = await api.call('equality.impactSummary', { waveId, outcomes: ['overall_satisfaction'], by: ['age_band', 'sex'] });
    expect(summary.lines.map((l) => l.group)).toEqual(b.groups.filter((g) => g.significant).map((g) => g.group));
    expect(summary.text).toContain(b.summary[0]!);
  });
});

describe('heard represent and heard breakdown', () => {
  const dir = tempDir();
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--project', 'sample', '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  it('heard represent --json prints the documented keys, equal to R', async () => {
    const r = await run('represent', '--survey', "Residents' Survey", '--characteristic', 'age_band', '--benchmark', BENCHMARK, '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['characteristic', 'area', 'categories', 'gof']);
    expect(Object.keys(doc.categories[0])).toEqual(['category', 'n', 'share', 'population_share', 'ri', 'ci', 'flag']);
    const expected = readCsv('representation.csv').filter((x) => x.characteristic === 'age_band');
    expect(doc.categories.map((c: { category: string }) => c.category)).toEqual(expected.map((x) => x.category));
    expect(doc.categories[0].ci[0]).toBeCloseTo(Number(expected[0]!.ci_lo), 9);
    const gof = readCsv('gof.csv').find((x) => x.characteristic === 'age_band')!;
    expect(doc.gof.statistic).toBeCloseTo(Number(gof.statistic), 9);
    expect(doc.area).toBeNull();
  });

  it('heard breakdown --json prints groups with pct, se, ci, n, the difference from the rest, its p and flags', async () => {
    const r = await run('breakdown', '--survey', "Residents' Survey", '--outcome', 'overall_satisfaction', '--by', 'sex', '--weight', 'weight', '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.groups[0])).toEqual(['group', 'pct', 'se', 'ci', 'n', 'rest_pct', 'difference', 'p', 'p_adjusted', 'significant', 'flag']);
    const female = readCsv('breakdown.csv').find((x) => x.measure === 'top' && x.by === 'sex' && x.weighting === 'design' && x.group === 'Female')!;
    expect(doc.groups[0].pct).toBeCloseTo(Number(female.estimate), 9);
    expect(doc.groups[0].p).toBeCloseTo(Number(female.p), 9);
  });

  it('says what is wrong, in one line', async () => {
    const r = await run('represent', '--survey', "Residents' Survey", '--characteristic', 'overall_satisfaction', '--benchmark', BENCHMARK, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^heard: The benchmark population-benchmark.csv has nothing to compare "Overall satisfaction" with\. Choose one of its characteristics: ward, age_band/);
    const t = await run('breakdown', '--survey', "Residents' Survey", '--outcome', 'overall_satisfaction', '--top', 'Very happy', '--by', 'sex', '--json');
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('Overall satisfaction has no answer "Very happy"');
  });
});

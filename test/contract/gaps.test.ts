import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { main } from '../../src/cli.js';
import { HeardError } from '../../src/contract/index.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
import { tempDir } from '../support/temp-dir.js';

// What the Gaps and Trends pages rely on: gaps.pairs, gaps.compute and trends.series over the rpc server, which checks
// each response against the contract, on the sample project; and heard gap / heard trend printing the same figures.
// The figures themselves are held to R in test/unit/gaps; here one of each is, to tie the layers together.
const R = path.join(__dirname, '..', 'fixtures', 'gaps', 'r');
const readCsv = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(R, file), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('gaps.* and trends.series over the rpc server', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  const waves: Record<string, number> = {};
  beforeAll(async () => {
    ({ backend, api } = await sampleOverRpc(path.join(dir, 'data')));
    const survey = (await api.call('surveys.list', {})).find((s) => s.name === "Residents' Survey")!;
    for (const w of survey.waves) waves[w.label] = w.id;
  }, 60_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  it('lists the six pairs of the sample from its stored pair keys', async () => {
    const { pairs, unpaired } = await api.call('gaps.pairs', { waveId: waves['2023']! });
    expect(pairs.map((p) => [p.key, p.label, p.source])).toEqual([
      ['listens', 'Council listens', 'metadata'],
      ['influence', 'Influence decisions', 'metadata'],
      ['waste', 'Waste and recycling', 'metadata'],
      ['parks', 'Parks and green spaces', 'metadata'],
      ['roads', 'Roads and pavements', 'metadata'],
      ['libraries', 'Libraries', 'metadata'],
    ]);
    expect(pairs[0]!.importance).toMatchObject({ name: 'listens_importance', top: ['Very important', 'Fairly important'] });
    expect(unpaired).toEqual([{ name: 'overall_satisfaction', label: 'Overall satisfaction', side: 'satisfaction', unpairedByUser: false }]);
  });

  it('computes the gap by ward with each ward against the rest, the quadrant charts and a target', async () => {
    const r = await api.call('gaps.compute', {
      waveId: waves['2023']!,
      importance: 'listens_importance',
      satisfaction: 'listens_satisfaction',
      weight: 'weight',
      by: 'ward',
      target: { value: 30, year: 2026, baseline: { value: 37, year: 2016 } },
    });
    const expected = readCsv('gaps.csv').find((g) => g.wave === '2023' && g.weighting === 'design' && g.pair === 'listens' && g.method === 'own')!;
    expect(r.headline.gap).toBeCloseTo(Number(expected.gap), 9);
    expect(r.groups).toHaveLength(12);
    const castle = readCsv('groups.csv').find((g) => g.wave === '2023' && g.weighting === 'design' && g.pair === 'listens' && g.method === 'own' && g.group === 'Castle')!;
    expect(r.groups[0]!.vsRest!.p).toBeCloseTo(Number(castle.p_vs_rest), 9);
    expect(r.quadrants.items!.points.map((p) => p.key)).toEqual(['listens', 'influence', 'waste', 'parks', 'roads', 'libraries']);
    expect(r.quadrants.groups!.points).toHaveLength(12);
    // 37 → 30 over 2016–2026 puts the path at 32.1 in 2023; the gap's interval lies wholly above it.
    expect(r.target).toMatchObject({ status: 'not_met' });
    expect(r.target!.expected).toBeCloseTo(32.1, 9);
  });

  it('gives a top-box % across the two waves with the change', async () => {
    const s = await api.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'listens_satisfaction', weight: 'weight' });
    const expected = readCsv('changes.csv').find((c) => c.kind === 'top2' && c.item === 'listens_satisfaction' && c.weighting === 'design')!;
    expect(s.waves.map((w) => [w.wave, w.matchedBy])).toEqual([
      ['2023', 'first'],
      ['2024', 'name'],
    ]);
    expect(s.change!.estimate).toBeCloseTo(Number(expected.change), 9);
    expect(s.change!.p).toBeCloseTo(Number(expected.p), 9);
  });

  it('saves and unpairs pairs and saves and deletes targets, each answering with the wave’s pairs', async () => {
    const waveId = waves['2024']!;
    const names = { importance: 'roads_importance', satisfaction: 'roads_satisfaction' };
    expect((await api.call('gaps.savePair', { waveId, ...names })).pairs.find((p) => p.key === 'roads')).toMatchObject({ confirmed: true, source: 'metadata' });
    const target = { value: 25, year: 2027, direction: 'lower' as const, baseline: { value: 35, year: 2023 } };
    expect((await api.call('gaps.saveTarget', { waveId, ...names, target })).pairs.find((p) => p.key === 'roads')!.target).toEqual(target);
    expect((await api.call('gaps.pairs', { waveId: waves['2023']! })).pairs.find((p) => p.key === 'roads')!.target).toEqual(target);
    expect((await api.call('gaps.deleteTarget', { waveId, ...names })).pairs.find((p) => p.key === 'roads')!.target).toBeNull();
    const unpaired = await api.call('gaps.unpair', { waveId, ...names });
    expect(unpaired.pairs.map((p) => p.key)).not.toContain('roads');
    expect(unpaired.unpaired.filter((q) => q.unpairedByUser).map((q) => q.name)).toEqual(['roads_importance', 'roads_satisfaction']);
    // Paired by hand again, it comes back under a key of its own.
    expect((await api.call('gaps.savePair', { waveId, ...names })).pairs.find((p) => p.importance.name === 'roads_importance')).toMatchObject({ key: 'roads_importance+roads_satisfaction', confirmed: true });
  });

  it('crosses refusals as structured errors', async () => {
    const err = async (p: Promise<unknown>) => (await p.then(() => null, (e: unknown) => e)) as HeardError;
    expect(await err(api.call('gaps.compute', { waveId: waves['2023']!, importance: 'listens_importance', satisfaction: 'listens_satisfaction', crosshairs: 'centre' } as never))).toMatchObject({ code: 'bad_request' });
    expect(await err(api.call('gaps.compute', { waveId: waves['2023']!, importance: 'comments', satisfaction: 'listens_satisfaction' }))).toMatchObject({ code: 'not_found', message: expect.stringContaining('"comments"') });
    expect(await err(api.call('gaps.compute', { waveId: waves['2023']!, importance: 'listens_importance', satisfaction: 'listens_satisfaction', weight: 'nope' }))).toMatchObject({ code: 'not_found' });
    expect(await err(api.call('trends.series', { waveIds: [waves['2023']!], question: 'nope' }))).toMatchObject({ code: 'not_found' });
    expect(await err(api.call('gaps.pairs', { waveId: 9999 }))).toMatchObject({ code: 'not_found' });
    expect(await err(api.call('gaps.savePair', { waveId: 9999, importance: 'a', satisfaction: 'b' }))).toMatchObject({ code: 'not_found' });
    expect(await err(api.call('gaps.saveTarget', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_satisfaction', target: { value: 'x', year: 2030 } } as never))).toMatchObject({ code: 'bad_request' });
  });
});

describe('heard gap and heard trend on the sample equal R', () => {
  const dir = tempDir();
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--project', 'sample', '--data-dir', dir], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  it('heard gap --by sex --json', async () => {
    const r = await run('gap', '--survey', "Residents' Survey", '--wave', '2023', '--importance', 'listens_importance', '--satisfaction', 'listens_satisfaction', '--weight', 'weight', '--by', 'sex', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    const head = readCsv('gaps.csv').find((g) => g.wave === '2023' && g.weighting === 'design' && g.pair === 'listens' && g.method === 'own')!;
    expect(doc.gap).toBeCloseTo(Number(head.gap), 9);
    expect(doc.se).toBeCloseTo(Number(head.se), 9);
    expect(doc.ci[1]).toBeCloseTo(Number(head.ci_hi), 9);
    expect(doc.importance).toEqual({ pct: expect.closeTo(Number(head.imp_est), 9), base: Number(head.imp_base_n) });
    const male = readCsv('groups.csv').find((g) => g.wave === '2023' && g.weighting === 'design' && g.pair === 'listens' && g.method === 'own' && g.group === 'Male')!;
    expect(doc.groups[1]).toMatchObject({ group: 'Male', gap: expect.closeTo(Number(male.gap), 9), p_vs_rest: expect.closeTo(Number(male.p_vs_rest), 9) });
  });

  it('heard gap --paired and --mean', async () => {
    for (const [flag, method, key] of [['--paired', 'paired', 'pct'], ['--mean', 'mean', 'mean']] as const) {
      const r = await run('gap', '--survey', "Residents' Survey", '--wave', '2024', '--importance', 'roads_importance', flag, '--json');
      const doc = JSON.parse(r.stdout);
      const row = readCsv('gaps.csv').find((g) => g.wave === '2024' && g.weighting === 'unweighted' && g.pair === 'roads' && g.method === method)!;
      expect(doc.gap, method).toBeCloseTo(Number(row.gap), 9);
      expect(doc.satisfaction[key], method).toBeCloseTo(Number(row.sat_est), 9);
      expect(doc.groups).toEqual([]);
    }
  });

  it('heard trend --surveys 2023,2024 --json', async () => {
    const r = await run('trend', '--surveys', '2023,2024', '--row', 'overall_satisfaction', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    const row = readCsv('changes.csv').find((c) => c.kind === 'top2' && c.item === 'listens_satisfaction' && c.weighting === 'unweighted');
    expect(row).toBeDefined();
    expect(Object.keys(doc)).toEqual(['waves', 'change']);
    expect(doc.waves.map((w: { survey: string; wave: string }) => [w.survey, w.wave])).toEqual([
      ['2023', '2023'],
      ['2024', '2024'],
    ]);
    const listens = JSON.parse((await run('trend', '--surveys', '2023,2024', '--row', 'listens_satisfaction', '--json')).stdout);
    expect(listens.waves[0]).toEqual({ survey: '2023', wave: '2023', pct: expect.closeTo(Number(row!.est_2023), 9), se: expect.closeTo(Number(row!.se_2023), 9), ci: [expect.closeTo(Number(row!.ci_lo_2023), 9), expect.closeTo(Number(row!.ci_hi_2023), 9)], n: Number(row!.base_n_2023) });
    expect(listens.change).toEqual({ pct: expect.closeTo(Number(row!.change), 9), se: expect.closeTo(Number(row!.se), 9), p: expect.closeTo(Number(row!.p), 9) });
  });
});

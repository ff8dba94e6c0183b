import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend.js';
import { HeardError, type GapPairs } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { sampleDataDir } from '../../../src/paths.js';
import { createClient, type RpcClient } from '../../../src/rpc/client.js';
import { createLoopbackPair } from '../../../src/rpc/loopback.js';
import { serveRpc } from '../../../src/rpc/server.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Pairs and targets the user saves (migration 5): kept per survey, so they hold for every wave; surviving a reopen of
 * the project; unpaired questions left out of automatic pairing; bad requests refused with nothing written.
 * The sample's Residents' Survey has six pairs from stored keys (listens, influence, waste, parks, roads, libraries)
 * whose names also follow X_importance / X_satisfaction, and overall_satisfaction left over.
 */
describe('saved pairs and targets', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  let projectPath: string;
  const waves: Record<string, number> = {};
  const connect = async (project: string) => {
    backend = await createBackend({ dataDir: path.join(dir, 'data'), project, sampleDir: sampleDataDir() });
    const [server, end] = createLoopbackPair();
    serveRpc(server, backend.handlers);
    api = createClient(end);
  };
  beforeAll(async () => {
    await connect('sample');
    projectPath = (await api.call('projects.current', {}))!.path;
    const survey = (await api.call('surveys.list', {})).find((s) => s.name === "Residents' Survey")!;
    for (const w of survey.waves) waves[w.label] = w.id;
  }, 120_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });
  const reopen = async () => {
    api.close();
    await backend.close();
    await connect(projectPath);
  };
  const pairs = (label: string) => api.call('gaps.pairs', { waveId: waves[label]! });
  const names = (r: GapPairs) => r.pairs.map((p) => [p.importance.name, p.satisfaction.name, p.source, p.confirmed]);
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(HeardError);
    return err as HeardError;
  };

  it('confirms a found pair under its own key, for every wave of the survey', async () => {
    const before = await pairs('2023');
    expect(before.pairs.every((p) => !p.confirmed && p.target === null)).toBe(true);
    const after = await api.call('gaps.savePair', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_satisfaction' });
    const parks = after.pairs.find((p) => p.key === 'parks')!;
    expect([parks.source, parks.confirmed]).toEqual(['metadata', true]);
    expect(after.pairs.filter((p) => p.confirmed).map((p) => p.key)).toEqual(['parks']);
    expect((await pairs('2024')).pairs.find((p) => p.key === 'parks')!.confirmed).toBe(true);
  });

  it('unpairs two questions in every wave, and names alone do not pair them again', async () => {
    const after = await api.call('gaps.unpair', { waveId: waves['2024']!, importance: 'listens_importance', satisfaction: 'listens_satisfaction' });
    expect(after.pairs.map((p) => p.key)).toEqual(['influence', 'waste', 'parks', 'roads', 'libraries']);
    for (const label of ['2023', '2024']) {
      const { unpaired } = await pairs(label);
      expect(unpaired.filter((q) => q.name.startsWith('listens_'))).toEqual([
        { name: 'listens_importance', label: 'Council listens: importance', side: 'importance', unpairedByUser: true },
        { name: 'listens_satisfaction', label: 'Council listens: satisfaction', side: 'satisfaction', unpairedByUser: true },
      ]);
    }
  });

  it('pairs two questions by hand, as the sides the user gave them', async () => {
    const after = await api.call('gaps.savePair', { waveId: waves['2023']!, importance: 'listens_importance', satisfaction: 'overall_satisfaction' });
    const made = after.pairs.find((p) => p.importance.name === 'listens_importance')!;
    expect([made.satisfaction.name, made.source, made.confirmed, made.key]).toEqual(['overall_satisfaction', 'metadata', true, 'listens_importance+overall_satisfaction']);
    expect(after.unpaired.map((q) => q.name)).toEqual(['listens_satisfaction']);
    // A gap can be computed for it at once.
    const gap = await api.call('gaps.compute', { waveId: waves['2023']!, importance: 'listens_importance', satisfaction: 'overall_satisfaction', itemChart: true });
    expect(gap.quadrants.items!.points.map((p) => p.key)).toContain('listens_importance+overall_satisfaction');
  });

  it('saves a target with its baseline for every wave, replaces it, and deletes it', async () => {
    const target = { value: 30, year: 2026, direction: 'lower' as const, baseline: { value: 37, year: 2016 } };
    const saved = await api.call('gaps.saveTarget', { waveId: waves['2023']!, importance: 'waste_importance', satisfaction: 'waste_satisfaction', target });
    expect(saved.pairs.find((p) => p.key === 'waste')!.target).toEqual(target);
    expect((await pairs('2024')).pairs.find((p) => p.key === 'waste')!.target).toEqual(target);
    const replaced = await api.call('gaps.saveTarget', { waveId: waves['2024']!, importance: 'waste_importance', satisfaction: 'waste_satisfaction', target: { value: 20, year: 2030 } });
    expect(replaced.pairs.find((p) => p.key === 'waste')!.target).toEqual({ value: 20, year: 2030, direction: 'lower', baseline: null });
    await api.call('gaps.saveTarget', { waveId: waves['2024']!, importance: 'roads_importance', satisfaction: 'roads_satisfaction', target: { value: 50, year: 2030, direction: 'higher' } });
    const deleted = await api.call('gaps.deleteTarget', { waveId: waves['2023']!, importance: 'waste_importance', satisfaction: 'waste_satisfaction' });
    expect(deleted.pairs.find((p) => p.key === 'waste')!.target).toBeNull();
    expect(deleted.pairs.find((p) => p.key === 'roads')!.target).toMatchObject({ value: 50, direction: 'higher' });
  });

  it('refuses bad requests with the reason, writing nothing', async () => {
    const before = await pairs('2023');
    expect(await refusal(api.call('gaps.savePair', { waveId: waves['2023']!, importance: 'no_such_question', satisfaction: 'parks_satisfaction' }))).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"no_such_question"'),
    });
    expect(await refusal(api.call('gaps.savePair', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_importance' }))).toMatchObject({ code: 'bad_request' });
    expect(
      await refusal(api.call('gaps.saveTarget', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_satisfaction', target: { value: 30, year: 2020, baseline: { value: 37, year: 2022 } } })),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('baseline year (2022) must come before the target year (2020)') });
    // The contract refuses what zod cannot accept: a year out of range, an extra field.
    expect(await refusal(api.call('gaps.saveTarget', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_satisfaction', target: { value: 30, year: 99 } } as never))).toMatchObject({ code: 'bad_request' });
    expect(await refusal(api.call('gaps.unpair', { waveId: waves['2023']!, importance: 'a', satisfaction: 'b', extra: 1 } as never))).toMatchObject({ code: 'bad_request' });
    expect(await refusal(api.call('gaps.deleteTarget', { waveId: waves['2023']!, importance: 'parks_importance', satisfaction: 'parks_satisfaction' }))).toMatchObject({ code: 'not_found' });
    expect(await pairs('2023')).toEqual(before);
  });

  it('keeps all of it when the project is closed and opened again', async () => {
    const before = await pairs('2024');
    await reopen();
    expect(await pairs('2024')).toEqual(before);
    expect(names(before)).toContainEqual(['listens_importance', 'overall_satisfaction', 'metadata', true]);
  });

  it('writes each change with its audit entry', async () => {
    api.close();
    await backend.close();
    const project = await ProjectFile.open(projectPath);
    try {
      const actions = (await project.read("SELECT action FROM audit_log WHERE action IN ('save_pair', 'unpair', 'save_target', 'delete_target') ORDER BY logged_at")).map((r) => r.action);
      expect(actions).toEqual(['save_pair', 'unpair', 'save_pair', 'save_target', 'save_target', 'save_target', 'delete_target']);
      const rows = await project.read('SELECT name, pair, side FROM survey_pairs ORDER BY name');
      expect(rows.map((r) => [r.name, r.pair, r.side])).toEqual([
        ['listens_importance', 'listens_importance+overall_satisfaction', 'importance'],
        ['listens_satisfaction', null, 'satisfaction'],
        ['overall_satisfaction', 'listens_importance+overall_satisfaction', 'satisfaction'],
        ['parks_importance', 'parks', 'importance'],
        ['parks_satisfaction', 'parks', 'satisfaction'],
      ]);
    } finally {
      await project.close();
      await connect(projectPath);
    }
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { HeardError } from '../../src/contract/index.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
import { tempDir } from '../support/temp-dir.js';

// What the Weighting page relies on: every weights.* method through the rpc server, which checks each response
// against the contract. Figures are checked against R in test/unit/weighting; here the shapes and errors.
const stats = path.join(__dirname, '..', 'fixtures', 'stats');

describe('weights.* over the rpc server', () => {
  let backend: Backend;
  let api: RpcClient;
  let waveId: number;
  beforeAll(async () => {
    ({ backend, api } = await sampleOverRpc(path.join(tempDir(), 'data')));
    const [survey] = await api.call('surveys.list', {});
    waveId = survey!.waves.find((w) => w.label === '2023')!.id;
  }, 60_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  const margins = async () => [
    await api.call('weights.readMargins', { path: path.join(stats, 'margins-age-sex.csv') }),
    await api.call('weights.readMargins', { path: path.join(stats, 'margins-ward.csv') }),
  ];

  it('reads margins files, previews, saves, lists and deletes a raked weight', async () => {
    const [ageSex, ward] = await margins();
    expect(ageSex!.variables).toEqual(['age_band', 'sex']);
    expect(ward!.cells[0]).toEqual({ values: ['Castle'], population: 9800 });

    const preview = await api.call('weights.preview', { waveId, margins: [ageSex!, ward!], baseWeight: 'weight', excludeMissing: true });
    expect(preview).toMatchObject({ name: null, converged: true, rows: 2458, trimming: null });
    expect(preview.margins[1]!.cells[0]).toMatchObject({ values: ['Castle'], target: 9800, achieved: expect.closeTo(9800, 6) });
    expect(preview.distribution.min).toBeLessThan(preview.distribution.median);
    expect((await api.call('weights.list', { waveId })).map((w) => w.name)).toEqual(['weight']);

    const saved = await api.call('weights.rake', { waveId, margins: [ageSex!, ward!], baseWeight: 'weight', excludeMissing: true, name: 'Raked 2023' });
    expect(saved.name).toBe('Raked 2023');
    expect(saved.nEff).toBeCloseTo(preview.nEff, 9);

    const list = await api.call('weights.list', { waveId });
    expect(list.map((w) => [w.name, w.kind])).toEqual([['weight', 'design'], ['Raked 2023', 'raked']]);
    expect(list[1]!.raking!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(await api.call('weights.delete', { waveId, name: 'Raked 2023' })).toBeNull();
    expect((await api.call('weights.list', { waveId })).map((w) => w.name)).toEqual(['weight']);
  });

  it('refuses a request outside the contract, and crosses raking’s own refusals as structured errors', async () => {
    const [ageSex, ward] = await margins();
    const bad = await api.call('weights.preview', { waveId, margins: [ageSex!, ward!], trim: 0.5 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(HeardError);
    expect((bad as HeardError).code).toBe('bad_request');
    const blank = await api.call('weights.preview', { waveId, margins: [ageSex!, ward!] }).catch((e: unknown) => e);
    expect(blank).toMatchObject({ code: 'bad_request', message: expect.stringContaining('24 respondents left ward blank') });
    const missing = await api.call('weights.readMargins', { path: path.join(stats, 'nope.csv') }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('There is no margins file at') });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { sampleDataDir } from '../../src/paths.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
import { tempDir } from '../support/temp-dir.js';

// trends.series measure 'theme' over the rpc server (which checks each reply against the contract), on the sample
// residents' survey with its free-text `comments` coded by the sample codeframe's rules: each wave's prevalence is
// the Tables page's figure for the theme (tables.crosstab of theme:comments, same SE and interval), and the change is
// worked out here from the two waves' figures (independent samples: variances add; two-sided normal p).
describe('trends.series of a theme', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  const waves: Record<string, number> = {};
  let codeframeId: number;
  beforeAll(async () => {
    ({ backend, api } = await sampleOverRpc(path.join(dir, 'data')));
    const survey = (await api.call('surveys.list', {})).find((s) => s.name === "Residents' Survey")!;
    for (const w of survey.waves) waves[w.label] = w.id;
    codeframeId = (await api.call('themes.importCodeframe', { path: path.join(sampleDataDir(), 'codeframe.csv'), name: 'Trends (test)' })).id;
  }, 60_000);
  /** Codes a wave's comments by the codeframe's keyword rules alone. */
  const code = async (waveId: number) => {
    await api.call('themes.attach', { waveId, question: 'comments', codeframeId });
    await api.call('themes.apply', { waveId, question: 'comments', trainFromHuman: false });
  };
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  it('leaves out a wave whose question is not coded, saying so', async () => {
    await code(waves['2023']!);
    const s = await api.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'comments', measure: 'theme', theme: 'COST' });
    expect(s.waves.map((w) => w.wave)).toEqual(['2023']);
    expect(s.change).toBeNull();
    expect(s.notes.join(' ')).toMatch(/2024 is left out: .* is not coded into themes/);
  });

  it('gives each wave the Tables page figure for the theme, and the change between them', async () => {
    await code(waves['2024']!);
    for (const weight of [null, 'weight']) {
      // By name in any case here; the code would do as well.
      const s = await api.call('trends.series', { waveIds: [waves['2023']!, waves['2024']!], question: 'comments', measure: 'theme', theme: 'cost and value for money', weight });
      expect(s.units).toBe('percent');
      // The crosstab's notes about themes nobody mentioned are not this theme's (it was mentioned in both waves).
      expect(s.notes.join(' ')).not.toMatch(/Nobody in this group/);
      expect(s.label).toMatch(/^Cost and value for money: /);
      expect(s.waves.map((w) => [w.wave, w.matchedBy, w.theme])).toEqual([
        ['2023', 'first', 'Cost and value for money'],
        ['2024', 'name', 'Cost and value for money'],
      ]);
      for (const w of s.waves) {
        const table = await api.call('tables.crosstab', { waveId: w.waveId, row: 'theme:comments', weight });
        const cell = table.cells.find((c) => c.row === 'Cost and value for money')!;
        expect(cell.n).toBeGreaterThan(0);
        // The same sums in whatever order DuckDB adds them: equal to the last few bits.
        const ours = [w.estimate, w.se, ...w.ci!, w.n, w.weightedBase, w.nEff];
        const tables = [cell.pct, cell.se, ...cell.ci!, table.bases[0]!.n, table.bases[0]!.weighted_n, table.bases[0]!.n_eff];
        ours.forEach((x, i) => expect(x).toBeCloseTo(tables[i]!, 9));
        if (weight === null) {
          // Unweighted, by hand: k of the n who wrote something, p = k/n, SE = sqrt(N/(N-1) p(1-p)/n) with N the wave's
          // respondents (the domain is part of the wave's design, METHODS "Proportions"), logit interval aside.
          const p = cell.n / w.n;
          const N = table.waveRows;
          expect(w.n).toBeLessThan(N);
          expect(w.estimate).toBeCloseTo(100 * p, 9);
          expect(w.se).toBeCloseTo(100 * Math.sqrt(((N / (N - 1)) * p * (1 - p)) / w.n), 9);
        }
      }
      const [a, b] = s.waves;
      const se = Math.hypot(a!.se, b!.se);
      const z = (b!.estimate - a!.estimate) / se;
      expect(s.change!.estimate).toBeCloseTo(b!.estimate - a!.estimate, 9);
      expect(s.change!.se).toBeCloseTo(se, 9);
      expect(s.change!.z).toBeCloseTo(z, 9);
      // Two-sided normal p by the Abramowitz–Stegun 7.1.26 erfc (error below 1.5e-7).
      const x = Math.abs(z) / Math.SQRT2;
      const t = 1 / (1 + 0.3275911 * x);
      const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
      expect(s.change!.p).toBeCloseTo(erfc, 6);
    }
  });

  it('follows the theme into another codeframe by its code, then its name, and leaves out a wave whose codeframe lacks it', async () => {
    // 2024 recoded with a copy of the codeframe in which COST is now MONEY and ACCESS is gone.
    const lines = fs.readFileSync(path.join(sampleDataDir(), 'codeframe.csv'), 'utf8').split('\n');
    const file = path.join(dir, 'codeframe-2024.csv');
    fs.writeFileSync(file, lines.filter((l) => !l.startsWith('ACCESS,')).map((l) => l.replace(/^COST,/, 'MONEY,')).join('\n'));
    const renamed = (await api.call('themes.importCodeframe', { path: file, name: 'Trends 2024 (test)' })).id;
    await api.call('themes.attach', { waveId: waves['2024']!, question: 'comments', codeframeId: renamed });
    await api.call('themes.apply', { waveId: waves['2024']!, question: 'comments', trainFromHuman: false });
    const ids = [waves['2023']!, waves['2024']!];
    const cost = await api.call('trends.series', { waveIds: ids, question: 'comments', measure: 'theme', theme: 'COST' });
    expect(cost.waves.map((w) => [w.wave, w.theme])).toEqual([
      ['2023', 'Cost and value for money'],
      ['2024', 'Cost and value for money'],
    ]);
    expect(cost.notes).toContain('In Residents\' Survey 2024, the theme "Cost and value for money" has the code MONEY (not COST); it is matched by its name.');
    const access = await api.call('trends.series', { waveIds: ids, question: 'comments', measure: 'theme', theme: 'ACCESS' });
    expect(access.waves.map((w) => w.wave)).toEqual(['2023']);
    expect(access.notes.join(' ')).toMatch(/2024 is left out: the codeframe used for Comments there has no theme "Accessibility" \(ACCESS\)/);
  });

  it('refuses a theme measure without a theme, a closed question, and a theme no wave has', async () => {
    const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
    const ids = [waves['2023']!, waves['2024']!];
    expect(await err(api.call('trends.series', { waveIds: ids, question: 'comments', measure: 'theme' }))).toMatchObject({ code: 'bad_request' });
    expect(await err(api.call('trends.series', { waveIds: ids, question: 'listens_satisfaction', measure: 'theme', theme: 'COST' }))).toMatchObject({ code: 'not_found', message: expect.stringContaining('free-text') });
    expect(await err(api.call('trends.series', { waveIds: ids, question: 'comments', measure: 'theme', theme: 'NOPE' }))).toMatchObject({ code: 'bad_request', message: expect.stringContaining('NOPE') });
  });
});

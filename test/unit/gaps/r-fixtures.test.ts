import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GapRequest, RakeAndSaveRequest, TrendRequest, type GapItemFigure, type GapResult } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { computeGap } from '../../../src/gaps/compute-gap.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { trendSeries } from '../../../src/trends/trend-series.js';
import { readMarginsCsv } from '../../../src/weighting/margins-csv.js';
import { rakeAndSave } from '../../../src/weighting/rake-wave.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Gaps and trends of the sample project against test/fixtures/gaps/r (R survey, made by test/fixtures/gaps/reference.R):
 * every headline gap (own bases with the covariance-aware SE, paired, mean score; unweighted, design, raked), every
 * group against the rest, the quadrant means, and every year-on-year change. A failure names the figure.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'gaps');
const STATS = path.resolve(__dirname, '..', '..', 'fixtures', 'stats');
const TOL = 1e-6;

type Csv = Record<string, string>[];
const readCsv = (file: string): Csv => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FIXTURES, 'r', file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
const WEIGHT: Record<string, string | null> = { unweighted: null, design: 'weight', raked: 'raked' };

const gaps = readCsv('gaps.csv');
const groups = readCsv('groups.csv');
const quadrantMeans = readCsv('quadrant-means.csv');
const changes = readCsv('changes.csv');
const groupCalls = [...new Set(groups.map((g) => [g.wave, g.weighting, g.pair, g.method, g.by_var].join('|')))].map((k) => k.split('|'));

describe('gaps and trends of the sample project equal R survey (test/fixtures/gaps/r)', () => {
  const dir = tempDir();
  let project: ProjectFile;
  const waves = new Map<string, number>();
  const worst = new Map<string, number>();
  const close = (what: string, actual: number | null | undefined, expected: number | null, context: string) => {
    expect(expected, `${context}: ${what} in the fixture`).not.toBeNull();
    expect(actual, `${context}: ${what}`).not.toBeNull();
    const diff = Math.abs(actual! - expected!);
    // Raked weights carry the raking's own convergence (1e-9 of the total), so their differences are reported apart.
    const key = `${what}${/\braked\b/.test(context) ? ' [raked]' : ''}`;
    worst.set(key, Math.max(worst.get(key) ?? 0, diff));
    expect(diff, `${context}: ${what} ${actual} vs R ${expected}`).toBeLessThan(TOL);
  };

  beforeAll(async () => {
    project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
    const rows = await project.read("SELECT w.label, w.id FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE s.name = 'Residents'' Survey'");
    for (const r of rows) waves.set(String(r.label), Number(r.id));
    // The fixtures' raked weight, for each wave: raked from the design weight to age × sex and ward, leaving out
    // respondents with a blank margin variable (R rakes the data without them).
    for (const waveId of waves.values()) {
      await rakeAndSave(
        project,
        RakeAndSaveRequest.parse({
          waveId,
          name: 'raked',
          baseWeight: 'weight',
          excludeMissing: true,
          margins: [readMarginsCsv(path.join(STATS, 'margins-age-sex.csv')), readMarginsCsv(path.join(STATS, 'margins-ward.csv'))],
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await project?.close();
    if (process.env.HEARD_SHOW_DIFFS) console.log(Object.fromEntries(worst));
  });

  const gap = (wave: string, weighting: string, pair: string, method: string, by: string | null = null): Promise<GapResult> =>
    computeGap(
      project,
      // The chart of every pair is checked with the headlines; breakdowns leave it out.
      GapRequest.parse({ waveId: waves.get(wave)!, importance: `${pair}_importance`, satisfaction: `${pair}_satisfaction`, method, weight: WEIGHT[weighting], by, itemChart: by === null }),
    );

  it.each(gaps.map((r) => [r.wave, r.weighting, r.pair, r.method, r] as const))('headline %s %s %s (%s)', async (wave, weighting, pair, method, r) => {
    const g = await gap(wave!, weighting!, pair!, method!);
    const context = `${wave} ${weighting} ${pair} ${method}`;
    expect(g.waveRows).toBe(Number(r.wave_rows));
    expect(g.units).toBe(method === 'mean' ? 'score' : 'points');
    close('gap', g.headline.gap, num(r.gap), context);
    close('gap se', g.headline.se, num(r.se), context);
    close('gap ci', g.headline.ci![0], num(r.ci_lo), context);
    close('gap ci', g.headline.ci![1], num(r.ci_hi), context);
    const item = (figure: GapItemFigure, prefix: 'imp' | 'sat') => {
      close('item estimate', figure.estimate, num(r[`${prefix}_est`]), `${context} ${prefix}`);
      close('item se', figure.se, num(r[`${prefix}_se`]), `${context} ${prefix}`);
      expect(figure.base, `${context} ${prefix} base`).toBe(Number(r[`${prefix}_base_n`]));
      close('weighted base (relative)', figure.weightedBase / num(r[`${prefix}_weighted_base`])!, 1, context);
      close('n_eff (relative)', figure.nEff / num(r[`${prefix}_n_eff`])!, 1, context);
      if (method === 'mean') return;
      expect(figure.n, `${context} ${prefix} top count`).toBe(Number(r[`${prefix}_n`]));
      close('item logit ci', figure.ci![0], num(r[`${prefix}_ci_lo`]), `${context} ${prefix}`);
      close('item logit ci', figure.ci![1], num(r[`${prefix}_ci_hi`]), `${context} ${prefix}`);
    };
    item(g.headline.importance, 'imp');
    item(g.headline.satisfaction, 'sat');

    // The quadrant chart of every pair: each item's mean on its own base (1–5), crosshairs at the points' means.
    const expected = quadrantMeans.filter((m) => m.wave === wave && m.weighting === weighting && m.by_var === '');
    expect(g.quadrants.items!.points).toHaveLength(6);
    for (const point of g.quadrants.items!.points) {
      for (const side of ['importance', 'satisfaction'] as const) {
        const m = expected.find((x) => x.item === `${point.key}_${side}`)!;
        close('quadrant mean', point[side].mean, num(m.mean), `${context} ${point.key} ${side}`);
        close('quadrant mean se', point[side].se, num(m.se), `${context} ${point.key} ${side}`);
        expect(point[side].base).toBe(Number(m.base_n));
      }
    }
    const average = (side: string) => expected.filter((m) => m.item!.endsWith(`_${side}`)).reduce((s, m) => s + Number(m.mean), 0) / 6;
    close('crosshair', g.quadrants.items!.crosshairs.importance, average('importance'), context);
    close('crosshair', g.quadrants.items!.crosshairs.satisfaction, average('satisfaction'), context);
  });

  it.each(groupCalls)('by group %s %s %s (%s) by %s, each against the rest', async (wave, weighting, pair, method, by) => {
    const g = await gap(wave!, weighting!, pair!, method!, by!);
    const expected = groups.filter((r) => [r.wave, r.weighting, r.pair, r.method, r.by_var].join('|') === [wave, weighting, pair, method, by].join('|'));
    expect(g.groups.map((x) => x.group)).toEqual(expected.map((r) => r.group));
    for (const r of expected) {
      const x = g.groups.find((y) => y.group === r.group)!;
      const context = `${wave} ${weighting} ${pair} ${method} ${by}=${r.group}`;
      close('group gap', x.gap, num(r.gap), context);
      close('group gap se', x.se, num(r.se), context);
      close('group gap ci', x.ci![0], num(r.ci_lo), context);
      close('group gap ci', x.ci![1], num(r.ci_hi), context);
      close('group item estimate', x.importance!.estimate, num(r.imp_est), context);
      close('group item estimate', x.satisfaction!.estimate, num(r.sat_est), context);
      expect([x.importance!.base, x.satisfaction!.base], context).toEqual([Number(r.imp_base_n), Number(r.sat_base_n)]);
      close('difference vs rest', x.vsRest!.difference, num(r.diff), context);
      close('difference vs rest se', x.vsRest!.se, num(r.se_diff), context);
      close('p vs rest', x.vsRest!.p, num(r.p_vs_rest), context);
    }
    if (pair === 'listens' && by === 'age_band' && method === 'own') {
      // The quadrant chart of this pair's groups: each group's own-base means.
      for (const point of g.quadrants.groups!.points) {
        for (const side of ['importance', 'satisfaction'] as const) {
          const m = quadrantMeans.find((q) => q.wave === wave && q.weighting === weighting && q.item === `listens_${side}` && q.group === point.key)!;
          close('group quadrant mean', point[side].mean, num(m.mean), `${wave} ${weighting} ${point.key} ${side}`);
        }
      }
    }
  });

  it.each(changes.map((c) => [c.kind, c.pair || c.item, c.weighting, c] as const))('change 2023 → 2024: %s of %s (%s)', async (kind, _what, weighting, c) => {
    const gapKind = kind!.startsWith('gap_');
    const series = await trendSeries(
      project,
      TrendRequest.parse({
        waveIds: [waves.get('2023')!, waves.get('2024')!],
        question: gapKind ? `${c.pair}_importance` : c.item,
        measure: gapKind ? 'gap' : kind === 'top2' ? 'top' : 'mean',
        method: gapKind ? kind!.slice(4) : 'own',
        weight: WEIGHT[weighting!],
      }),
    );
    const context = `${kind} ${c.pair || c.item} ${weighting}`;
    for (const [i, year] of ['2023', '2024'].entries()) {
      const point = series.waves[i]!;
      close('wave estimate', point.estimate, num(c[`est_${year}`]), `${context} ${year}`);
      close('wave se', point.se, num(c[`se_${year}`]), `${context} ${year}`);
      if (kind === 'top2') {
        close('wave logit ci', point.ci![0], num(c[`ci_lo_${year}`]), `${context} ${year}`);
        close('wave logit ci', point.ci![1], num(c[`ci_hi_${year}`]), `${context} ${year}`);
      }
      if (!gapKind) expect(point.n, `${context} ${year} base`).toBe(Number(c[`base_n_${year}`]));
    }
    close('change', series.change!.estimate, num(c.change), context);
    close('change se', series.change!.se, num(c.se), context);
    close('change z', series.change!.z, num(c.z), context);
    close('change p', series.change!.p, num(c.p), context);
  });
});

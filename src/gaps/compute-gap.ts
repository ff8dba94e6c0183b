import type { z } from 'zod';
import { HeardError } from '../contract/index.js';
import type { GapRequest, GapResult, QuadrantChart } from '../contract/gaps.js';
import type { ProjectFile } from '../engine/project-file.js';
import { differenceTest } from '../stats/difference.js';
import type { TableVariableSpec } from '../tables/variables.js';
import type { WeightSql } from '../weighting/resolve-weight.js';
import { pairLabel } from './detect-pairs.js';
import { gapCells, type WaveInfo } from './gap-cells.js';
import { gapEstimate, type GapCell } from './gap-figures.js';
import { gapItem, type GapItem } from './gap-item.js';
import { discloseGroups, type ComputedGroup } from './group-disclosure.js';
import { itemMeans } from './item-means.js';
import { total } from './linearised.js';
import { meanPoint, quadrantChart } from './quadrants.js';
import { targetStatus } from './target-status.js';
import { wavePairs } from './wave-pairs.js';

export type ParsedGapRequest = z.output<typeof GapRequest>;

/**
 * gaps.compute: the gap between an importance and a satisfaction question (METHODS, "Importance versus satisfaction"),
 * overall and by the groups of a breakdown, each group tested against the rest; the quadrant chart of every pair of
 * the wave and of this pair's groups; and a target's status. One GROUP BY over the wave gives the gap's sums (answers
 * to both items × breakdown group), and one more the quadrant chart's item means; src/gaps/linearised.ts explains
 * the standard error.
 */
export async function computeGap(project: ProjectFile, request: ParsedGapRequest, signal?: AbortSignal): Promise<GapResult> {
  const { wave, variables, imp, sat, by, weight, cells, designRows: N, outsideDesign } = await gapCells(project, request.waveId, request, signal);
  const notes = new Set<string>();

  const headline = gapEstimate(cells, request.method, () => true, N, request.thresholds);
  if (headline.estimate === null) {
    const answered = (side: 'imp' | 'sat') => total(cells, (c) => c[side].base).sumW > 0;
    const nobody = [imp, sat].filter((_, i) => !answered(i === 0 ? 'imp' : 'sat')).map((x) => x.variable.label);
    throw new HeardError(
      'bad_request',
      nobody.length > 0
        ? `Nobody gave a substantive answer to ${nobody.join(' or to ')}, so there is no gap to show.`
        : `Nobody gave a substantive answer to both ${imp.variable.label} and ${sat.variable.label}, so there is no paired gap to show.`,
    );
  }

  const computed = by ? groupGaps(cells, presentGroups(by, cells), request, N) : [];
  const groups = discloseGroups(computed, request.thresholds.suppressBelow);
  // Only shown groups' notes: that a confidential group has nobody answering is itself a figure.
  for (const [i, g] of groups.entries()) if (!g.suppressed && computed[i]!.note) notes.add(computed[i]!.note!);
  const confidential = new Set(groups.filter((g) => g.suppressed).map((g) => g.group));
  if (confidential.size > 0) {
    notes.add(
      `Groups with fewer than ${request.thresholds.suppressBelow} respondents are confidential, [c], and so is any group withheld so that one cannot be worked out from the overall figure and the others.`,
    );
  }

  const items = request.itemChart ? await quadrantItems(project, wave, variables, { imp, sat, cells }, weight, N, request.crosshairs, signal) : null;
  const groupChart: QuadrantChart | null = by
    ? quadrantChart(
        presentGroups(by, cells).flatMap((group) => {
          if (confidential.has(group)) return [];
          const inGroup = cells.filter((c) => c.groups.includes(group));
          const i = meanPoint(inGroup, (c) => c.imp.score, N);
          const s = meanPoint(inGroup, (c) => c.sat.score, N);
          return i && s ? [{ key: group, label: group, importance: i, satisfaction: s }] : [];
        }),
        request.crosshairs,
      )
    : null;

  const scored = request.method === 'mean' || items !== null || groupChart !== null;
  if (scored && imp.variable.categories.length !== sat.variable.categories.length) {
    notes.add(
      `${imp.variable.label} has ${imp.variable.categories.length} points and ${sat.variable.label} ${sat.variable.categories.length}: mean scores put both on one 1–5 scale (best = 5, evenly spaced).`,
    );
  }
  if (outsideDesign > 0) {
    notes.add(`${outsideDesign} respondents have no "${weight.name}" weight (it was made without them), so they are outside this weighted analysis and its design.`);
  }

  return {
    label: pairLabel(imp.variable, sat.variable, imp.variable.name),
    importance: imp.variable.name,
    importanceLabel: imp.variable.label,
    satisfaction: sat.variable.name,
    satisfactionLabel: sat.variable.label,
    method: request.method,
    units: request.method === 'mean' ? 'score' : 'points',
    topImportance: imp.top,
    topSatisfaction: sat.top,
    weight: weight.name,
    by: by?.name ?? null,
    byLabel: by?.label ?? null,
    waveRows: N,
    headline: headline.figure,
    groups,
    quadrants: { crosshairs: request.crosshairs, items, groups: groupChart },
    target: request.target ? targetStatus(headline.figure.ci, wave.year, request.target) : null,
    notes: [...notes],
  };
}

/**
 * Each group's gap and the test of the group against the rest (respondents in the other groups: disjoint domains,
 * so the variances add), before disclosure control (group-disclosure.ts).
 */
export function groupGaps(cells: readonly GapCell[], groups: readonly string[], request: Pick<ParsedGapRequest, 'method' | 'thresholds'>, N: number): ComputedGroup[] {
  const computed: ComputedGroup[] = [];
  for (const group of groups) {
    const inGroup = (c: GapCell) => c.groups.includes(group);
    const inRest = (c: GapCell) => c.groups.length > 0 && !c.groups.includes(group);
    const g = gapEstimate(cells, request.method, inGroup, N, request.thresholds);
    const rest = gapEstimate(cells, request.method, inRest, N, request.thresholds);
    const test = g.estimate !== null && rest.estimate !== null ? differenceTest({ estimate: g.estimate, se: g.se! }, { estimate: rest.estimate, se: rest.se! }) : null;
    const note =
      g.estimate === null
        ? `Some groups have nobody who answered ${request.method === 'own' ? 'one of the items' : 'both items'}; they have no gap.`
        : g.figure.ci === null
          ? 'A gap resting on a single respondent with a positive weight has no interval.'
          : null;
    computed.push({ group, ...g.figure, note, vsRest: test && { difference: test.difference, se: test.se, z: Number.isFinite(test.z) ? test.z : null, p: test.p } });
  }
  return computed;
}

/** Groups with respondents in the wave: the stored options in order, then answers found outside them (most first). */
export function presentGroups(by: TableVariableSpec, cells: readonly GapCell[]): string[] {
  const counts = new Map<string, number>();
  for (const c of cells) for (const g of c.groups) counts.set(g, (counts.get(g) ?? 0) + c.n);
  const others = [...counts.keys()].filter((g) => !by.categories.includes(g)).sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'en-GB'));
  return [...by.categories.filter((g) => counts.has(g)), ...others];
}

/** Every pair of the wave (and the requested one, if it is not among them) as points of the quadrant chart. */
async function quadrantItems(
  project: ProjectFile,
  wave: WaveInfo,
  variables: readonly TableVariableSpec[],
  pair: { imp: GapItem; sat: GapItem; cells: readonly GapCell[] },
  weight: WeightSql,
  N: number,
  crosshairs: ParsedGapRequest['crosshairs'],
  signal: AbortSignal | undefined,
): Promise<QuadrantChart> {
  const { imp, sat } = pair;
  const { pairs } = await wavePairs(project, wave.id);
  const charted = pairs.map((p) => ({ key: p.key, label: p.label, importance: p.importance.name, satisfaction: p.satisfaction.name }));
  if (!charted.some((p) => p.importance === imp.variable.name && p.satisfaction === sat.variable.name)) {
    charted.push({ key: imp.variable.name, label: pairLabel(imp.variable, sat.variable, imp.variable.name), importance: imp.variable.name, satisfaction: sat.variable.name });
  }
  // This pair's own items are summed already (their answers are among the gap's cells); only the others are read.
  // Means do not depend on the top box, so every item is read with the whole of its scale.
  const own = new Map([
    [imp.variable.name, meanPoint(pair.cells, (c) => c.imp.score, N)],
    [sat.variable.name, meanPoint(pair.cells, (c) => c.sat.score, N)],
  ]);
  const others = [...new Set(charted.flatMap((p) => [p.importance, p.satisfaction]))].filter((name) => !own.has(name));
  const asItem = (name: string) => gapItem(variables, name, 'quadrant', variables.find((v) => v.name === name)!.categories);
  const means = new Map([...own, ...(await itemMeans(project, wave.table, others.map(asItem), weight, N, signal))]);
  return quadrantChart(
    charted.flatMap((p) => {
      const i = means.get(p.importance);
      const s = means.get(p.satisfaction);
      return i && s ? [{ key: p.key, label: p.label, importance: i, satisfaction: s }] : [];
    }),
    crosshairs,
  );
}

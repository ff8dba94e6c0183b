import type { z } from 'zod';
import { GapRequest, HeardError, type Breakdown, type BreakdownGroup, type BreakdownRequest } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { answerSums, type AnswerCombo } from '../gaps/answer-sums.js';
import { computeGap } from '../gaps/compute-gap.js';
import { waveInfo } from '../gaps/gap-cells.js';
import { total, waldInterval, type Cell } from '../gaps/linearised.js';
import { meanPoint } from '../gaps/quadrants.js';
import { wavePairs } from '../gaps/wave-pairs.js';
import { differenceTest } from '../stats/difference.js';
import { applySuppression } from '../stats/disclosure.js';
import { disclosureFlag } from '../stats/disclosure-flag.js';
import { logitInterval } from '../stats/logit-interval.js';
import { adjustPValues } from '../stats/p-adjust.js';
import { kishEffectiveSize, proportionEstimate, type Estimate } from '../stats/proportion.js';
import { findTableVariable, type TableVariableSpec } from '../tables/variables.js';
import { resolveWeight } from '../weighting/resolve-weight.js';
import { crossVariable } from './group-variable.js';
import { impactSentence } from './sentences.js';
import { equalityVariables, findEqualityVariable } from './variables.js';

export type ParsedBreakdownRequest = z.output<typeof BreakdownRequest>;

type Figure = BreakdownGroup['rest'];

/** A domain's figure from the cells in it: the estimate, its SE, its 95% interval and the unweighted base. */
type Estimator = (cells: readonly AnswerCombo[]) => { figure: Figure; estimate: Estimate | null };

/**
 * Outcomes by group (issue #5): an outcome's top-box % (or a theme's prevalence among those who wrote an answer, for a
 * coded free-text question), mean score or importance–satisfaction gap for each group of a
 * characteristic (or of two at once), each group against the rest of the sample: two disjoint domains of one wave,
 * so the variances add (src/stats/difference.ts; the same test the tables and gaps use). Significance is judged on
 * p-values Holm-adjusted over the breakdown's groups. Disclosure control as METHODS says: a group whose top-box count,
 * or count outside the top box, is under the threshold is [c] (either would let a reader count the people in it),
 * with secondary suppression so that it cannot be worked out from the others and the total; bases under 30 are not
 * shown, under 50 are cautioned. Weighted by any saved weight or weight column.
 */
export async function breakdown(project: ProjectFile, request: ParsedBreakdownRequest, signal?: AbortSignal): Promise<Breakdown> {
  const wave = await waveInfo(project, request.waveId);
  const variables = await equalityVariables(project, wave.id);
  const outcome = findTableVariable(variables, request.outcome, 'row');
  // A multi-choice outcome (a coded free-text question's themes) is read one answer (theme) at a time: its prevalence.
  if (outcome.kind === 'multi' && (request.measure !== 'top' || !request.top?.length)) {
    throw new HeardError('bad_request', `${outcome.label} can have several answers per respondent: say which one to break down (for example --top "${outcome.categories[0] ?? 'Yes'}"), as the percentage giving it.`);
  }
  const first = findEqualityVariable(variables, request.by, 'a breakdown');
  const by = request.by2 ? crossVariable(first, findEqualityVariable(variables, request.by2, 'a second breakdown')) : first;
  if (request.measure === 'gap') return gapBreakdown(project, request, outcome, by, signal);

  const top = topAnswers(outcome, request);
  const weight = await resolveWeight(project, wave.id, request.weight);
  const sums = await answerSums(project, wave, [outcome, by], weight, signal);
  const N = sums.designRows;
  const valid = (c: AnswerCombo) => outcome.categoriesOf(c.answers[0]!).length > 0;
  const groupOf = (c: AnswerCombo) => by.categoriesOf(c.answers[1]!)[0] ?? null;
  // In the top box when any category the answer counts in is a top answer (for a closed question, the answer itself).
  const isTop = (raw: string | null) => outcome.categoriesOf(raw).some((category) => top.includes(category));
  const estimator = request.measure === 'mean' ? meanEstimator(outcome, N) : topEstimator(isTop, N);

  const groups = presentGroups(by, sums.combos.filter(valid), groupOf);
  if (groups.length === 0) throw new HeardError('bad_request', `Nobody gave a substantive answer to both ${outcome.label} and ${by.label}.`);
  const overall = estimator(sums.combos.filter((c) => valid(c) && groupOf(c) !== null)).figure;
  const rows = groups.map((group) => {
    const inGroup = sums.combos.filter((c) => valid(c) && groupOf(c) === group);
    const inRest = sums.combos.filter((c) => valid(c) && groupOf(c) !== null && groupOf(c) !== group);
    const g = estimator(inGroup);
    const r = estimator(inRest);
    const test = g.estimate && r.estimate ? differenceTest(g.estimate, r.estimate) : null;
    const inTop = request.measure === 'top' ? total(inGroup, (c) => isTop(c.answers[0]!)).n : null;
    return { group, g, r, test, count: inTop };
  });
  const adjusted = adjustPValues(rows.map((x) => x.test?.p ?? NaN).filter((p) => !Number.isNaN(p)), 'holm');
  let k = 0;
  const disclosed = protect(rows.map((x) => ({ group: x.group, base: x.g.figure.n, count: x.count })), request.thresholds);

  const result: BreakdownGroup[] = rows.map((x, i) => {
    const pAdjusted = x.test ? adjusted[k++]! : null;
    const flag = disclosed[i]!;
    const difference = x.test ? scale(request.measure) * x.test.difference : null;
    return {
      group: x.group,
      ...x.g.figure,
      count: x.count,
      rest: x.r.figure,
      difference,
      p: x.test?.p ?? null,
      p_adjusted: pAdjusted,
      significant: pAdjusted !== null && pAdjusted < request.alpha && (flag === null || flag === 'low'),
      flag,
    };
  });
  const notes: string[] = ['Each group is compared with everyone else who answered; p-values are Holm-adjusted across the groups before a difference is called significant.'];
  if (sums.outsideDesign > 0) notes.push(`${sums.outsideDesign} respondents have no "${weight.name}" weight (it was made without them), so they are outside this weighted analysis.`);
  if (result.some((g) => g.flag === 'c')) notes.push('[c]: fewer than 10 respondents in or outside the top box, or withheld so that such a group cannot be worked out from the others.');
  const summary = result.filter((g) => g.significant).map((g) => impactSentence(outcome.label, request.by2 ? 'intersection' : first.name, g, request.measure));
  return {
    outcome: outcome.name,
    outcomeLabel: outcome.label,
    measure: request.measure,
    units: request.measure === 'mean' ? 'score' : 'percent',
    top: request.measure === 'top' ? top : [],
    by: by.name,
    byLabel: by.label,
    by2: request.by2 ?? null,
    weight: weight.name,
    overall,
    groups: result,
    summary,
    notes,
  };
}

function scale(measure: ParsedBreakdownRequest['measure']): number {
  return measure === 'mean' ? 1 : 100;
}

/** The top box: as asked (each must be an answer of the question), or a scale's first two points. */
function topAnswers(outcome: TableVariableSpec, request: ParsedBreakdownRequest): string[] {
  if (request.measure !== 'top') return [];
  if (request.top?.length) {
    const unknown = request.top.filter((t) => !outcome.categories.includes(t));
    if (unknown.length) throw new HeardError('bad_request', `${outcome.label} has no answer ${unknown.map((u) => `"${u}"`).join(', ')}. Its answers are: ${outcome.categories.join('; ')}.`);
    return [...request.top];
  }
  if (outcome.kind === 'likert' && outcome.categories.length >= 4) return outcome.categories.slice(0, 2);
  throw new HeardError('bad_request', `Say which answers of ${outcome.label} count as the top box (for example --top "${outcome.categories[0] ?? 'Yes'}").`);
}

/** Top-box %: the linearised proportion and logit interval of METHODS, as the tables compute them. */
function topEstimator(isTop: (raw: string | null) => boolean, N: number): Estimator {
  return (cells) => {
    const base = total(cells, () => true);
    const yes = total(cells, (c) => isTop(c.answers[0]!));
    const estimate = proportionEstimate(base, yes, N);
    if (!estimate) return { figure: { estimate: null, se: null, ci: null, n: base.n }, estimate: null };
    const ci = logitInterval(estimate.estimate, estimate.se, base.nPositive - 1, kishEffectiveSize(base));
    return { figure: { estimate: 100 * estimate.estimate, se: 100 * estimate.se, ci: ci ? [100 * ci.lo, 100 * ci.hi] : null, n: base.n }, estimate };
  };
}

/** Mean score, best answer = number of points … worst = 1 (as the tables score a scale), with a t interval. */
function meanEstimator(outcome: TableVariableSpec, N: number): Estimator {
  if (outcome.kind !== 'likert') throw new HeardError('bad_request', `${outcome.label} is not a scale, so it has no mean score.`);
  const points = outcome.categories.length;
  const score = (c: AnswerCombo) => points - outcome.categories.indexOf(outcome.categoriesOf(c.answers[0]!)[0]!);
  return (cells) => {
    const base: Cell = total(cells, () => true);
    const m = meanPoint(cells, score, N);
    const estimate = m && { estimate: m.mean, se: m.se };
    if (!estimate || base.nPositive < 2) return { figure: { estimate: estimate?.estimate ?? null, se: estimate?.se ?? null, ci: null, n: base.n }, estimate };
    return { figure: { estimate: estimate.estimate, se: estimate.se, ci: waldInterval(estimate.estimate, estimate.se), n: base.n }, estimate };
  };
}

/** Groups with respondents: the question's order, then answers found outside it (most first). */
function presentGroups(by: TableVariableSpec, cells: readonly AnswerCombo[], groupOf: (c: AnswerCombo) => string | null): string[] {
  const counts = new Map<string, number>();
  for (const c of cells) {
    const g = groupOf(c);
    if (g !== null) counts.set(g, (counts.get(g) ?? 0) + c.n);
  }
  const others = [...counts.keys()].filter((g) => !by.categories.includes(g)).sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'en-GB'));
  return [...by.categories.filter((g) => counts.has(g)), ...others];
}

/**
 * Primary and secondary suppression over the groups, with src/stats/disclosure.ts: each group is a column of two
 * cells (in the top box, outside it) that add up to its base; across groups each row adds up to the total. Without a
 * top box (means) a group's one cell is its base. (Gaps come protected by the gaps module.) A group is [c] when either of its cells is withheld.
 */
function protect(groups: readonly { group: string; base: number; count: number | null }[], t: ParsedBreakdownRequest['thresholds']): BreakdownGroup['flag'][] {
  const rows = [
    { label: 'in', kind: 'option' as const },
    { label: 'out', kind: 'option' as const },
  ];
  const cells = groups.flatMap((g) => {
    const parts = g.count === null ? [{ row: 'in', n: g.base }] : [{ row: 'in', n: g.count }, { row: 'out', n: g.base - g.count }];
    return parts.map((p) => ({ row: p.row, col: g.group, n: p.n, flag: disclosureFlag(p.n, g.base, t) }));
  });
  const shown = applySuppression({ rows: groups.some((g) => g.count !== null) ? rows : rows.slice(0, 1), cells, nets: new Map(), columnsAddUp: groups.some((g) => g.count !== null) });
  return groups.map((g) => {
    const mine = shown.filter((c) => c.col === g.group);
    if (mine.some((c) => c.shown === 'c')) return 'c';
    if (mine.some((c) => c.shown === 'x')) return 'hidden';
    return g.base < t.lowBaseBelow ? 'low' : null;
  });
}

/** The importance–satisfaction gap by group, from the gaps module (each group against the rest there too). */
async function gapBreakdown(
  project: ProjectFile,
  request: ParsedBreakdownRequest,
  outcome: TableVariableSpec,
  by: TableVariableSpec,
  signal?: AbortSignal,
): Promise<Breakdown> {
  if (request.by2) throw new HeardError('bad_request', 'A gap can be broken down by one characteristic at a time.');
  const satisfaction = request.satisfaction ?? (await wavePairs(project, request.waveId)).pairs.find((p) => p.importance.name === outcome.name)?.satisfaction.name;
  if (!satisfaction) throw new HeardError('bad_request', `${outcome.label} has no satisfaction question paired with it; choose one.`);
  const gap = await computeGap(
    project,
    GapRequest.parse({ waveId: request.waveId, importance: outcome.name, satisfaction, by: by.name, weight: request.weight, topImportance: request.top, itemChart: false, thresholds: request.thresholds }),
    signal,
  );
  // A group the gaps module withholds (its own primary and secondary suppression) comes with no figures at all.
  const baseOf = (f: { importance: { base: number } | null; satisfaction: { base: number } | null }) => Math.min(f.importance?.base ?? 0, f.satisfaction?.base ?? 0);
  const figure = (f: Pick<(typeof gap)['headline'], 'gap' | 'se' | 'ci'> & Parameters<typeof baseOf>[0]): Figure => ({ estimate: f.gap, se: f.se, ci: f.ci, n: baseOf(f) });
  const tests = gap.groups.map((g) => g.vsRest?.p ?? NaN);
  const adjusted = adjustPValues(tests.filter((p) => !Number.isNaN(p)), 'holm');
  let k = 0;
  const groups: BreakdownGroup[] = gap.groups.map((g) => {
    const pAdjusted = g.vsRest ? adjusted[k++]! : null;
    const flag = g.flag;
    const restBase = gap.groups.filter((o) => o.group !== g.group).reduce((s, o) => s + baseOf(o), 0);
    return {
      group: g.group,
      ...figure(g),
      count: null,
      rest: { estimate: g.vsRest && g.gap !== null ? g.gap - g.vsRest.difference : null, se: null, ci: null, n: restBase },
      difference: g.vsRest?.difference ?? null,
      p: g.vsRest?.p ?? null,
      p_adjusted: pAdjusted,
      significant: pAdjusted !== null && pAdjusted < request.alpha && (flag === null || flag === 'low'),
      flag,
    };
  });
  return {
    outcome: outcome.name,
    outcomeLabel: gap.label,
    measure: 'gap',
    units: 'points',
    top: gap.topImportance,
    by: by.name,
    byLabel: by.label,
    by2: null,
    weight: gap.weight,
    overall: figure(gap.headline),
    groups,
    summary: groups.filter((g) => g.significant).map((g) => impactSentence(gap.label, by.name, g, 'gap')),
    notes: [...gap.notes, 'Each group is compared with everyone else who answered; p-values are Holm-adjusted across the groups before a difference is called significant.'],
  };
}

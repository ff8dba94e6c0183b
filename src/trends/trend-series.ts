import type { z } from 'zod';
import { HeardError } from '../contract/index.js';
import type { TrendPoint, TrendRequest, TrendSeries } from '../contract/gaps.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteLiteral } from '../engine/sql.js';
import { answerSums } from '../gaps/answer-sums.js';
import { pairLabel } from '../gaps/detect-pairs.js';
import { gapCells, waveInfo } from '../gaps/gap-cells.js';
import { gapEstimate } from '../gaps/gap-figures.js';
import { total, waldInterval } from '../gaps/linearised.js';
import { wavePairs } from '../gaps/wave-pairs.js';
import { differenceTest } from '../stats/difference.js';
import { logitInterval } from '../stats/logit-interval.js';
import { meanEstimate } from '../stats/mean-score.js';
import { kishEffectiveSize, proportionEstimate } from '../stats/proportion.js';
import { tableVariables } from '../tables/variables.js';
import { resolveWeight } from '../weighting/resolve-weight.js';
import { mapTopBox, matchQuestion, type WaveQuestion } from './match-question.js';
import { themeFigure, type ThemeRef } from './theme-figure.js';

export type ParsedTrendRequest = z.output<typeof TrendRequest>;

interface WaveRef {
  id: number;
  survey: string;
  label: string;
  year: number | null;
}

type Figure = Pick<TrendPoint, 'estimate' | 'se' | 'ci' | 'n' | 'weightedBase' | 'nEff' | 'top' | 'theme'>;

/**
 * trends.series: one indicator across waves, in the order given (oldest first), each wave from its own design, and
 * the change from the wave before the last to the last with its SE (independent samples: variances add), z and
 * two-sided normal p (METHODS, "Differences and tests"). The question is named as in the first wave and found in
 * the others by name, then by wording (match-question.ts), unless the caller confirmed a match. Top-box %: logit
 * interval; mean score (best = number of points … worst = 1, as the Tables page scores) and gaps: Wald interval.
 * Theme prevalence: the theme's row of the Tables page's crosstab of `theme:<question>` (theme-figure.ts); waves
 * where the free-text question is not coded, or its codeframe has no such theme, are left out with a note.
 */
export async function trendSeries(project: ProjectFile, request: ParsedTrendRequest, signal?: AbortSignal): Promise<TrendSeries> {
  if (new Set(request.waveIds).size !== request.waveIds.length) throw new HeardError('bad_request', 'A wave is listed twice; list each wave once, oldest first.');
  const waves: WaveRef[] = [];
  for (const id of request.waveIds) waves.push(await waveRef(project, id));
  const notes = new Set<string>();
  const types = request.measure === 'theme' ? TEXT_TYPES : CLOSED_TYPES;
  const kind = request.measure === 'theme' ? 'free-text' : 'closed';
  const firstQuestions = await waveQuestions(project, waves[0]!.id, types);
  const reference = firstQuestions.find((q) => q.name === request.question);
  if (!reference) throw new HeardError('not_found', `${describe(waves[0]!)} has no ${kind} question "${request.question}" to follow across waves.`);
  let themeRef: ThemeRef | null = null;
  const satReference = request.measure === 'gap' ? await satisfactionOf(project, waves[0]!, firstQuestions, reference, request.satisfaction) : null;
  const top = request.measure === 'top' ? firstTop(reference, request.top) : [];

  const points: TrendPoint[] = [];
  for (const [i, wave] of waves.entries()) {
    const questions = i === 0 ? firstQuestions : await waveQuestions(project, wave.id, types);
    const given = request.matches.find((m) => m.waveId === wave.id);
    const found = (ref: WaveQuestion, named: string | null | undefined) => locate(wave, questions, ref, i === 0 ? ref.name : named, kind, notes);
    const q = found(reference, given?.question);
    const s = satReference ? found(satReference, given?.satisfaction) : null;
    const weight = await weightOf(project, wave, request.weight);
    let figure: Figure;
    if (request.measure === 'theme') {
      const where = describe(wave);
      const result = await themeFigure(project, { waveId: wave.id, where, question: q.question, theme: themeRef ?? request.theme!, weight }, signal);
      if (result.left !== null) {
        notes.add(result.left);
        continue;
      }
      themeRef ??= result.theme;
      for (const note of result.notes) notes.add(note);
      figure = result.figure;
    } else if (request.measure === 'gap') {
      const cells = await gapCells(project, wave.id, { importance: q.question.name, satisfaction: s!.question.name, weight }, signal);
      const gap = gapEstimate(cells.cells, request.method, () => true, cells.designRows, { lowBaseBelow: 0, hideBelow: 0 });
      if (gap.estimate === null) throw new HeardError('bad_request', `In ${describe(wave)} nobody answered ${q.question.label} and ${s!.question.label}, so there is no gap.`);
      const base = gap.figure.importance;
      figure = { estimate: gap.estimate, se: gap.se!, ci: gap.figure.ci, n: base.base, weightedBase: base.weightedBase, nEff: base.nEff, top: [], theme: null };
      if (cells.outsideDesign > 0) notes.add(outsideNote(wave, weight, cells.outsideDesign));
    } else {
      figure = await itemFigure(project, wave, q.question, request.measure, request.measure === 'top' ? carryTop(top, reference, q.question, wave, notes) : [], weight, notes, signal);
    }
    points.push({
      waveId: wave.id,
      survey: wave.survey,
      wave: wave.label,
      year: wave.year,
      question: q.question.name,
      satisfaction: s?.question.name ?? null,
      matchedBy: q.matchedBy,
      ...figure,
    });
  }

  if (points.length === 0) {
    throw new HeardError('bad_request', `${reference.label} (${reference.name}) is coded with a theme "${request.theme}" in none of these waves. Code it on the Themes page first.`);
  }
  const [previous, last] = points.slice(-2);
  const change = points.length >= 2 ? differenceTest(last!, previous!) : null;
  return {
    measure: request.measure,
    units: request.measure === 'top' || request.measure === 'theme' ? 'percent' : request.measure === 'mean' || request.method === 'mean' ? 'score' : 'points',
    label: satReference
      ? `${pairLabel(reference, satReference, reference.name)}: importance less satisfaction`
      : themeRef
        ? `${themeRef.name}: ${reference.label}`
        : reference.label,
    weight: request.weight ?? null,
    waves: points,
    change: change && { estimate: change.difference, se: change.se, z: Number.isFinite(change.z) ? change.z : null, p: change.p },
    notes: [...notes],
  };
}

async function waveRef(project: ProjectFile, waveId: number): Promise<WaveRef> {
  const [row] = await project.read('SELECT w.label, w.year, s.name FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE w.id = $1', [waveId]);
  if (!row) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  return { id: waveId, survey: String(row.name), label: String(row.label), year: row.year === null ? null : Number(row.year) };
}

const describe = (wave: WaveRef) => `${wave.survey} ${wave.label}`;

const CLOSED_TYPES = ['likert', 'single'];
const TEXT_TYPES = ['text'];

async function waveQuestions(project: ProjectFile, waveId: number, types: readonly string[]): Promise<WaveQuestion[]> {
  const rows = await project.read(
    `SELECT name, label, source_header, type, role, position, pair, options, non_substantive FROM questions
     WHERE wave_id = $1 AND type IN (${types.map(quoteLiteral).join(', ')}) ORDER BY position`,
    [waveId],
  );
  return rows.map((r) => {
    const excluded = new Set((r.non_substantive as string[]) ?? []);
    return {
      name: String(r.name),
      label: String(r.label),
      text: String(r.source_header),
      type: String(r.type),
      role: String(r.role),
      position: Number(r.position),
      pair: r.pair === null ? null : String(r.pair),
      categories: ((r.options as string[]) ?? []).filter((o) => !excluded.has(o)),
    };
  });
}

/** The question of this wave to use: named by the caller, or matched to the first wave's. */
function locate(wave: WaveRef, questions: WaveQuestion[], reference: WaveQuestion, named: string | null | undefined, kind: string, notes: Set<string>): { question: WaveQuestion; matchedBy: TrendPoint['matchedBy'] } {
  if (named) {
    const question = questions.find((q) => q.name === named);
    if (!question) throw new HeardError('not_found', `${describe(wave)} has no ${kind} question "${named}".`);
    return { question, matchedBy: named === reference.name && question === reference ? 'first' : 'given' };
  }
  const match = matchQuestion(reference, questions);
  if (!match) {
    throw new HeardError('not_found', `${describe(wave)} has no question matching "${reference.label}" (${reference.name}) by name or wording. Say which question it is.`);
  }
  if (match.matchedBy === 'text') notes.add(`In ${describe(wave)}, "${reference.label}" is matched by its wording to ${match.question.name} ("${match.question.label}").`);
  return match;
}

/** For a gap: the satisfaction question named, or the importance question's pair in the first wave. */
async function satisfactionOf(project: ProjectFile, wave: WaveRef, questions: WaveQuestion[], importance: WaveQuestion, named: string | null | undefined): Promise<WaveQuestion> {
  const name = named ?? (await wavePairs(project, wave.id)).pairs.find((p) => p.importance.name === importance.name)?.satisfaction.name;
  if (!name) throw new HeardError('bad_request', `${importance.label} (${importance.name}) has no satisfaction question paired with it in ${describe(wave)}; name one.`);
  const found = questions.find((q) => q.name === name);
  if (!found) throw new HeardError('not_found', `${describe(wave)} has no closed question "${name}".`);
  return found;
}

function firstTop(reference: WaveQuestion, top: readonly string[] | null | undefined): string[] {
  if (top && top.length > 0) {
    const unknown = top.filter((o) => !reference.categories.includes(o));
    if (unknown.length) throw new HeardError('bad_request', `"${unknown.join('", "')}" is not an answer to ${reference.label}. Its answers are: ${reference.categories.join('; ')}.`);
    return [...top];
  }
  if (reference.categories.length < 3) throw new HeardError('bad_request', `${reference.label} has only ${reference.categories.length} answers; say which count as the top box.`);
  return reference.categories.slice(0, 2);
}

function carryTop(top: string[], reference: WaveQuestion, question: WaveQuestion, wave: WaveRef, notes: Set<string>): string[] {
  const mapped = mapTopBox(top, reference.categories, question.categories);
  if (!mapped) {
    throw new HeardError('bad_request', `In ${describe(wave)}, ${question.label} has no answer matching "${top.join('", "')}" and its scale has a different number of points. Its answers are: ${question.categories.join('; ')}.`);
  }
  for (const [from, to] of mapped.renamed) notes.add(`In ${describe(wave)}, "${from}" is read as "${to}" (the same place on the scale).`);
  return mapped.top;
}

async function weightOf(project: ProjectFile, wave: WaveRef, name: string | null | undefined): Promise<string | null> {
  if (!name) return null;
  try {
    await resolveWeight(project, wave.id, name);
  } catch (err) {
    if (err instanceof HeardError && err.code === 'not_found') throw new HeardError('not_found', `${describe(wave)} has no weight called "${name}". Every wave of a trend needs it.`);
    throw err;
  }
  return name;
}

const outsideNote = (wave: WaveRef, weight: string | null, n: number) =>
  `In ${describe(wave)}, ${n} respondents have no "${weight}" weight (it was made without them), so they are outside that wave's weighted design.`;

/** A top-box % or a mean score of one question in one wave: one GROUP BY of its answers. */
async function itemFigure(
  project: ProjectFile,
  ref: WaveRef,
  question: WaveQuestion,
  measure: 'top' | 'mean',
  top: string[],
  weightName: string | null,
  notes: Set<string>,
  signal?: AbortSignal,
): Promise<Figure> {
  const wave = await waveInfo(project, ref.id);
  const variable = (await tableVariables(project, ref.id)).find((v) => v.name === question.name)!;
  const weight = await resolveWeight(project, ref.id, weightName);
  const sums = await answerSums(project, wave, [variable], weight, signal);
  if (sums.outsideDesign > 0) notes.add(outsideNote(ref, weightName, sums.outsideDesign));
  const N = sums.designRows;
  const scale = variable.categories;
  const cells = sums.combos.map((c) => ({ ...c, base: variable.categoriesOf(c.answers[0]!).length > 0, index: scale.indexOf(c.answers[0] ?? '') }));
  const empty = () => new HeardError('bad_request', `In ${describe(ref)} nobody gave a substantive answer to ${question.label}.`);
  if (measure === 'top') {
    const base = total(cells, (c) => c.base);
    if (!(base.sumW > 0)) throw empty();
    const yes = total(cells, (c) => c.base && top.includes(c.answers[0]!));
    const p = proportionEstimate(base, yes, N)!;
    const ci = logitInterval(p.estimate, p.se, base.nPositive - 1, kishEffectiveSize(base));
    if (ci?.note) notes.add(ci.note);
    return { estimate: 100 * p.estimate, se: 100 * p.se, ci: ci ? [100 * ci.lo, 100 * ci.hi] : null, n: base.n, weightedBase: base.sumW, nEff: kishEffectiveSize(base), top, theme: null };
  }
  // Scores as the Tables page gives them: best = number of points … worst = 1; answers off the scale are not scored.
  const scored = cells.filter((c) => c.index >= 0);
  const base = total(scored, () => true);
  if (!(base.sumW > 0)) throw empty();
  const sums2 = { sumW: 0, sumW2: 0, sumWX: 0, sumW2X: 0, sumW2X2: 0 };
  for (const c of scored) {
    const x = scale.length - c.index;
    sums2.sumW += c.sumW;
    sums2.sumW2 += c.sumW2;
    sums2.sumWX += x * c.sumW;
    sums2.sumW2X += x * c.sumW2;
    sums2.sumW2X2 += x * x * c.sumW2;
  }
  const m = meanEstimate(sums2, N)!;
  return { estimate: m.estimate, se: m.se, ci: base.nPositive >= 2 ? waldInterval(m.estimate, m.se) : null, n: base.n, weightedBase: base.sumW, nEff: kishEffectiveSize(base), top: [], theme: null };
}

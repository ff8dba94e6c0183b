import { HeardError } from '../contract/index.js';
import type { TableVariableSpec } from '../tables/variables.js';

/**
 * One side of a gap: a closed question with its top box and its scores. `classify` reads a raw answer: substantive
 * (in the valid base), in the top box, and its score on the common 1–5 scale (null off the scale).
 */
export interface GapItem {
  variable: TableVariableSpec;
  top: string[];
  classify(raw: string | null): { base: boolean; top: boolean; score: number | null };
}

/**
 * Mean-score gaps and quadrants put both items on one 1–5 scale, best = 5, worst = 1, evenly spaced:
 * score = 1 + 4 (k − i) / (k − 1) for the i-th of k points (i = 1 best). A 5-point satisfaction scale keeps its usual
 * 5…1; a 4-point importance scale becomes 5, 11/3, 7/3, 1, so that a mean importance and a mean satisfaction (and
 * the scale midpoint, 3) can be compared.
 */
export function commonScore(index: number, points: number): number {
  return 1 + (4 * (points - 1 - index)) / (points - 1);
}

/** A question of the wave as a gap item: closed, at least two substantive points, top box given or the first two. */
export function gapItem(variables: readonly TableVariableSpec[], name: string, side: string, top?: readonly string[] | null): GapItem {
  const variable = variables.find((v) => v.name === name);
  if (!variable) throw new HeardError('not_found', `This wave has no question "${name}" to use as the ${side} item.`);
  if (variable.kind !== 'likert' && variable.kind !== 'single') {
    throw new HeardError('bad_request', `"${variable.label}" (${name}) is not a single-answer question on a scale, so it cannot be the ${side} item of a gap.`);
  }
  const scale = variable.categories;
  if (scale.length < 2) throw new HeardError('bad_request', `"${variable.label}" (${name}) has fewer than two substantive answers, so it has no scale to score.`);
  const chosen = top && top.length > 0 ? [...top] : defaultTop(variable, side);
  const unknown = chosen.filter((o) => !scale.includes(o));
  if (unknown.length > 0) {
    throw new HeardError('bad_request', `"${unknown.join('", "')}" is not an answer to ${variable.label} (${name}). Its answers are: ${scale.join('; ')}.`);
  }
  const topSet = new Set(chosen);
  return {
    variable,
    top: scale.filter((o) => topSet.has(o)),
    classify: (raw) => {
      const base = variable.categoriesOf(raw).length > 0;
      const index = base ? scale.indexOf(raw!) : -1;
      return { base, top: base && topSet.has(raw!), score: index >= 0 ? commonScore(index, scale.length) : null };
    },
  };
}

/** The scale's top two points; a scale of fewer than three points has no obvious top box, so the user must say. */
function defaultTop(variable: TableVariableSpec, side: string): string[] {
  if (variable.categories.length < 3) {
    throw new HeardError('bad_request', `${variable.label} (${variable.name}) has only ${variable.categories.length} answers; say which count as the ${side} top box.`);
  }
  return variable.categories.slice(0, 2);
}

import type { GapFigure, GapItemFigure, GapMethod } from '../contract/gaps.js';
import { logitInterval } from '../stats/logit-interval.js';
import { meanEstimate } from '../stats/mean-score.js';
import { kishEffectiveSize, proportionEstimate } from '../stats/proportion.js';
import { linearisedSe, total, waldInterval, weightedMean, type Cell } from './linearised.js';

export interface ItemAnswer {
  base: boolean;
  top: boolean;
  score: number | null;
}

/** A cell of respondents with the same answers, read: each item's answer and the breakdown groups it is in. */
export interface GapCell extends Cell {
  imp: ItemAnswer;
  sat: ItemAnswer;
  groups: readonly string[];
}

export type Domain = (c: GapCell) => boolean;

/** A gap in the request's units with its SE (null with an empty base); what group comparisons need. */
export interface GapEstimate {
  figure: GapFigure;
  estimate: number | null;
  se: number | null;
}

const EMPTY_ITEM = (base: Cell): GapItemFigure => ({ estimate: null, se: null, ci: null, n: null, base: base.n, weightedBase: base.sumW, nEff: kishEffectiveSize(base) });

/**
 * A gap on a domain of the wave (the whole wave, a group, the rest), by METHODS' three definitions:
 * own: each top-box % on its own valid base; paired: both on the base of those who answered both; mean: mean scores
 * (1–5) on that paired base. Top-box figures are returned in percentage points, means in score points.
 */
export function gapEstimate(cells: readonly GapCell[], method: GapMethod, inDomain: Domain, designRows: number, thresholds: { lowBaseBelow: number; hideBelow: number }): GapEstimate {
  const paired: Domain =
    method === 'mean' ? (c) => inDomain(c) && c.imp.score !== null && c.sat.score !== null : (c) => inDomain(c) && c.imp.base && c.sat.base;
  const impIn: Domain = method === 'own' ? (c) => inDomain(c) && c.imp.base : paired;
  const satIn: Domain = method === 'own' ? (c) => inDomain(c) && c.sat.base : paired;
  const impBase = total(cells, impIn);
  const satBase = total(cells, satIn);
  const smaller = Math.min(impBase.n, satBase.n);
  const flag = smaller < thresholds.hideBelow ? ('hidden' as const) : smaller < thresholds.lowBaseBelow ? ('low' as const) : null;
  // Each item's figure stands on its own base, even when the other's is empty and there is no gap.
  const item = (inBase: Domain, side: 'imp' | 'sat', base: Cell) =>
    !(base.sumW > 0)
      ? EMPTY_ITEM(base)
      : method === 'mean'
        ? meanFigure(cells, inBase, (c) => c[side].score!, base, designRows)
        : percentFigure(cells, inBase, (c) => c[side].top, base, designRows);
  const importance = item(impIn, 'imp', impBase);
  const satisfaction = item(satIn, 'sat', satBase);
  if (!(impBase.sumW > 0 && satBase.sumW > 0)) return { figure: { gap: null, se: null, ci: null, importance, satisfaction, flag }, estimate: null, se: null };

  let estimate: number;
  let se: number;
  if (method === 'mean') {
    estimate = weightedMean(cells, paired, (c) => c.imp.score! - c.sat.score!)!;
    se = linearisedSe(cells, (c) => (paired(c) ? (c.imp.score! - c.sat.score! - estimate) / impBase.sumW : 0), designRows);
  } else {
    const pImp = weightedMean(cells, impIn, (c) => Number(c.imp.top))!;
    const pSat = weightedMean(cells, satIn, (c) => Number(c.sat.top))!;
    estimate = 100 * (pImp - pSat);
    // Own bases: each percentage's own linearised term, the covariance entering through respondents in both bases.
    // Paired: the two bases are one, so this is the paired difference's (d − gap) / W_P.
    se =
      100 *
      linearisedSe(
        cells,
        (c) => (impIn(c) ? (Number(c.imp.top) - pImp) / impBase.sumW : 0) - (satIn(c) ? (Number(c.sat.top) - pSat) / satBase.sumW : 0),
        designRows,
      );
  }
  // One respondent with a positive weight gives a figure but no spread to build an interval on.
  const ci = Math.min(impBase.nPositive, satBase.nPositive) >= 2 ? waldInterval(estimate, se) : null;
  return { figure: { gap: estimate, se, ci, importance, satisfaction, flag }, estimate, se };
}

function percentFigure(cells: readonly GapCell[], inBase: Domain, isTop: (c: GapCell) => boolean, base: Cell, designRows: number): GapItemFigure {
  const yes = total(cells, (c) => inBase(c) && isTop(c));
  const p = proportionEstimate(base, yes, designRows)!;
  const ci = logitInterval(p.estimate, p.se, base.nPositive - 1, kishEffectiveSize(base));
  return {
    estimate: 100 * p.estimate,
    se: 100 * p.se,
    ci: ci ? [100 * ci.lo, 100 * ci.hi] : null,
    n: yes.n,
    base: base.n,
    weightedBase: base.sumW,
    nEff: kishEffectiveSize(base),
  };
}

function meanFigure(cells: readonly GapCell[], inBase: Domain, score: (c: GapCell) => number, base: Cell, designRows: number): GapItemFigure {
  const sums = { sumW: 0, sumW2: 0, sumWX: 0, sumW2X: 0, sumW2X2: 0 };
  for (const c of cells) {
    if (!inBase(c)) continue;
    const x = score(c);
    sums.sumW += c.sumW;
    sums.sumW2 += c.sumW2;
    sums.sumWX += x * c.sumW;
    sums.sumW2X += x * c.sumW2;
    sums.sumW2X2 += x * x * c.sumW2;
  }
  const m = meanEstimate(sums, designRows)!;
  return {
    estimate: m.estimate,
    se: m.se,
    ci: base.nPositive >= 2 ? waldInterval(m.estimate, m.se) : null,
    n: null,
    base: base.n,
    weightedBase: base.sumW,
    nEff: kishEffectiveSize(base),
  };
}

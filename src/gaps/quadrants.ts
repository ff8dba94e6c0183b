import type { Quadrant, QuadrantChart, QuadrantPoint } from '../contract/gaps.js';
import { meanEstimate, type ScoreSums } from '../stats/mean-score.js';
import type { Cell } from './linearised.js';

export interface MeanPoint {
  mean: number;
  se: number;
  base: number;
}

/** Midpoint of the common 1–5 scale both axes use (gap-item.ts). */
export const SCALE_MIDPOINT = 3;

/**
 * Importance–performance analysis (Martilla & James 1977): x = mean satisfaction, y = mean importance. Crosshairs sit
 * at the means of the plotted points (the unweighted average of their coordinates: each item or group counts once) or
 * at the scale's midpoint. A point on a crosshair counts as high on that axis. Important and less satisfied:
 * "Concentrate here"; important and satisfied: "Keep up the good work"; neither: "Low priority"; satisfied but less
 * important: "Possible overkill".
 */
export function quadrantChart(
  points: readonly { key: string; label: string; importance: MeanPoint; satisfaction: MeanPoint }[],
  crosshairs: 'means' | 'midpoint',
): QuadrantChart {
  const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : SCALE_MIDPOINT);
  const at =
    crosshairs === 'means'
      ? { importance: average(points.map((p) => p.importance.mean)), satisfaction: average(points.map((p) => p.satisfaction.mean)) }
      : { importance: SCALE_MIDPOINT, satisfaction: SCALE_MIDPOINT };
  return {
    crosshairs: at,
    points: points.map((p): QuadrantPoint => ({ ...p, quadrant: quadrantOf(p.importance.mean >= at.importance, p.satisfaction.mean >= at.satisfaction) })),
  };
}

function quadrantOf(important: boolean, satisfied: boolean): Quadrant {
  if (important) return satisfied ? 'keep_up_the_good_work' : 'concentrate_here';
  return satisfied ? 'possible_overkill' : 'low_priority';
}

/** A mean score on the cells of a base (scores already on the 1–5 scale); null when the base is empty. */
export function meanPoint<C extends Cell>(cells: readonly C[], score: (c: C) => number | null, designRows: number): MeanPoint | null {
  const sums: ScoreSums = { sumW: 0, sumW2: 0, sumWX: 0, sumW2X: 0, sumW2X2: 0 };
  let base = 0;
  for (const c of cells) {
    const x = score(c);
    if (x === null) continue;
    base += c.n;
    sums.sumW += c.sumW;
    sums.sumW2 += c.sumW2;
    sums.sumWX += x * c.sumW;
    sums.sumW2X += x * c.sumW2;
    sums.sumW2X2 += x * x * c.sumW2;
  }
  const m = meanEstimate(sums, designRows);
  return m ? { mean: m.estimate, se: m.se, base } : null;
}

import type { GapTarget, TargetStatus } from '../contract/gaps.js';

type Target = Omit<GapTarget, 'direction'> & { direction: 'lower' | 'higher' };

/**
 * A KPI's status from the latest wave's 95% interval [lo, hi] ("reduce the gap from 37 points (2016) to 30 by 2022").
 * Written for a figure to bring down (direction `lower`, as for a gap); for `higher` every comparison is mirrored.
 *
 * The expected value E in the wave's year is the straight path from the baseline to the target: the baseline's value
 * up to its year, the target's value from the target year on, linear in between. Without a baseline, or when the
 * wave's year is unknown, E is the target itself. Then, in this order:
 * - met: the whole interval is at or below the target (hi ≤ target);
 * - on track: before the target year, with a baseline, the whole interval is at or below the path (hi ≤ E);
 * - not met: the whole interval is above E (lo > E): significantly short of the target, or of where the path should
 *   be by now;
 * - cannot tell: the interval contains E, or there is no interval (a figure resting on one respondent, or none).
 * The interval decides, not the point estimate, so that a status quoted to committee is one the data can bear.
 */
export function targetStatus(ci: readonly [number, number] | null, waveYear: number | null, target: Target): TargetStatus {
  const sign = target.direction === 'lower' ? 1 : -1;
  const { expected, onPath } = pathValue(waveYear, target);
  const unit = target.direction === 'lower' ? 'at or below' : 'at or above';
  if (!ci) return { status: 'cannot_tell', expected, reason: 'There is no interval for this figure, so its status cannot be read.' };
  // In "lower is better" terms: [lo, hi] with lo ≤ hi.
  const lo = Math.min(sign * ci[0], sign * ci[1]);
  const hi = Math.max(sign * ci[0], sign * ci[1]);
  const shown = (x: number) => String(Math.round(x * 10) / 10);
  if (hi <= sign * target.value) return { status: 'met', expected, reason: `The whole interval is ${unit} the target of ${shown(target.value)}.` };
  if (onPath && hi <= sign * expected) {
    return { status: 'on_track', expected, reason: `The whole interval is ${unit} ${shown(expected)}, where the path from the baseline to the target stands in ${waveYear}.` };
  }
  if (lo > sign * expected) {
    const where = onPath ? `${shown(expected)}, where the path from the baseline to the target stands in ${waveYear}` : `the target of ${shown(target.value)}`;
    return { status: 'not_met', expected, reason: `The whole interval is on the wrong side of ${where}.` };
  }
  return { status: 'cannot_tell', expected, reason: `The interval includes ${onPath ? `${shown(expected)}, the path's value in ${waveYear}` : `the target of ${shown(target.value)}`}: the data cannot tell.` };
}

/** E for the wave's year, and whether it is on the path (before the target year, with a baseline) or the target. */
function pathValue(year: number | null, target: Target): { expected: number; onPath: boolean } {
  const baseline = target.baseline;
  if (!baseline || year === null || baseline.year >= target.year || year >= target.year) return { expected: target.value, onPath: false };
  if (year <= baseline.year) return { expected: baseline.value, onPath: true };
  return { expected: baseline.value + ((target.value - baseline.value) * (year - baseline.year)) / (target.year - baseline.year), onPath: true };
}

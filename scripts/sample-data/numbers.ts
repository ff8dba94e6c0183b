/** Small numeric helpers shared by the population model and the answer model. */

/**
 * Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
 * Only used to turn target answer distributions into cut-points once per run.
 */
export function inverseNormal(p: number): number {
  if (p <= 0 || p >= 1) throw new Error(`inverseNormal needs 0 < p < 1, got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * Cut-points for an ordinal answer drawn from a standard-normal latent score:
 * with probabilities listed best answer first, a score above cuts[0] gives the best
 * answer, above cuts[1] the next, and so on. Rounded so the thresholds (and hence the
 * committed data) do not hinge on the last bits of Math.log.
 */
export function ordinalCuts(probsBestFirst: readonly number[]): number[] {
  const total = probsBestFirst.reduce((s, p) => s + p, 0);
  const cuts: number[] = [];
  let above = 0;
  for (let i = 0; i < probsBestFirst.length - 1; i++) {
    above += (probsBestFirst[i] as number) / total;
    cuts.push(Math.round(inverseNormal(1 - above) * 1e6) / 1e6);
  }
  return cuts;
}

export function ordinal(score: number, cuts: readonly number[]): number {
  for (let i = 0; i < cuts.length; i++) if (score > (cuts[i] as number)) return i;
  return cuts.length;
}

/** Integers proportional to values that add up to exactly total (Hamilton's method, ties to the earlier entry). */
export function largestRemainder(values: readonly number[], total: number): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  const exact = values.map((v) => (v / sum) * total);
  const floors = exact.map((v) => Math.floor(v));
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = exact
    .map((v, i) => ({ i, frac: v - Math.floor(v) }))
    .sort((x, y) => y.frac - x.frac || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors;
}

export function normalise(values: readonly number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  return values.map((v) => v / sum);
}

export type Adjustment = 'holm' | 'bh' | 'none';

/**
 * Adjusts a family of p-values for multiple comparisons, as R's p.adjust does: Holm (step-down, controls the
 * family-wise error) or Benjamini–Hochberg (controls the false discovery rate). Results are in the input order.
 */
export function adjustPValues(ps: readonly number[], method: Adjustment): number[] {
  const n = ps.length;
  if (method === 'none' || n === 0) return [...ps];
  const order = ps.map((_, i) => i);
  const adjusted = new Array<number>(n);
  if (method === 'holm') {
    order.sort((a, b) => ps[a]! - ps[b]!);
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, (n - rank) * ps[index]!);
      adjusted[index] = Math.min(1, running);
    });
  } else {
    order.sort((a, b) => ps[b]! - ps[a]!);
    let running = Infinity;
    order.forEach((index, rank) => {
      running = Math.min(running, (n / (n - rank)) * ps[index]!);
      adjusted[index] = Math.min(1, running);
    });
  }
  return adjusted;
}

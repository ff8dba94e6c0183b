/**
 * Which themes to give a response, from each theme's calibrated probability: the set with the highest EXPECTED
 * per-response F1 — the measure the Themes page scores agreement with (src/stats/agreement.ts) — rather than every
 * theme past a fixed threshold. A fixed threshold ignores the other themes: at p = 0.35 a theme is worth giving when
 * nothing else is likely, and not when another theme stands at 0.9.
 *
 * Themes are treated as independent. For a set S the expected F1 is approximated by the plug-in ratio
 *   E[F1(S)] ≈ 2·Σ_{k∈S} p_k / (|S| + Σ_all p_k)
 * (Jansche 2007; Nan Ye et al. 2012 show the best set under independence is one of the prefixes of the themes sorted
 * by probability, so only K + 1 sets need scoring). For the empty set the expected F1 is exact: 1 when the response
 * truly has no theme, 0 otherwise, i.e. P(no theme). Under independence that is Π(1 − p_k), but that product badly
 * overstates it when every model is unsure (nine themes at 0.1 each give 0.39, while people nearly always find some
 * theme), so the caller can pass a better estimate: the share of the human-coded responses that have no theme.
 * The approximation, not Ye et al.'s exact O(K²)-per-prefix sum, is
 * used because it costs one sort per response (100,000 responses × 30 themes inside the 5 s auto-coding budget) and
 * chose the same sets as often as matters on the real NHS comments.
 */

export interface Scored<T> {
  item: T;
  p: number;
}

/**
 * The items to assign (most probable first) and the expected F1 of that choice. `noneProbability`: the chance the
 * response truly has no item (default: Π(1 − p) as under independence). Ties go to the smaller set.
 */
export function expectedF1Set<T>(scored: readonly Scored<T>[], noneProbability?: number): { chosen: Scored<T>[]; expectedF1: number } {
  const sorted = scored.slice().sort((a, b) => b.p - a.p);
  let total = 0;
  let none = 1;
  for (const s of sorted) {
    total += s.p;
    none *= 1 - s.p;
  }
  let best = 0;
  let bestValue = noneProbability ?? none;
  let prefix = 0;
  for (let j = 1; j <= sorted.length; j++) {
    prefix += sorted[j - 1]!.p;
    const value = (2 * prefix) / (j + total);
    if (value > bestValue) [best, bestValue] = [j, value];
  }
  return { chosen: sorted.slice(0, best), expectedF1: bestValue };
}

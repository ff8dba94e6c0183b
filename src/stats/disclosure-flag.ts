/** METHODS "Disclosure control and low bases": thresholds on unweighted counts, each a setting. */
export interface DisclosureThresholds {
  /** A cell counting fewer respondents than this is confidential, shown as [c] (default 10, at least 3). */
  suppressBelow: number;
  /** A percentage on a base below this is shown with a caution (default 50). */
  lowBaseBelow: number;
  /** A percentage on a base below this is not shown (default 30). */
  hideBelow: number;
}

export const DEFAULT_THRESHOLDS: DisclosureThresholds = { suppressBelow: 10, lowBaseBelow: 50, hideBelow: 30 };

export type DisclosureFlag = 'c' | 'hidden' | 'low' | null;

/**
 * What the presentation layer must do with a cell, from unweighted counts only. Confidentiality comes first (a [c]
 * cell's count must not be shown whatever its base; a zero too, since it tells that nobody in the group answered so), then a base too small to show, then a low base to caution about.
 * The figures are still computed; showing or suppressing them is the report's job.
 */
export function disclosureFlag(count: number, base: number, t: DisclosureThresholds = DEFAULT_THRESHOLDS): DisclosureFlag {
  if (count < t.suppressBelow) return 'c';
  if (base < t.hideBelow) return 'hidden';
  if (base < t.lowBaseBelow) return 'low';
  return null;
}

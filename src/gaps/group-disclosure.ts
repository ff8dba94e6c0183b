import type { GapFigure, GapGroup } from '../contract/gaps.js';
import { applySuppression } from '../stats/disclosure.js';

/** A group's figures as computed, before disclosure control. */
export interface ComputedGroup extends GapFigure {
  group: string;
  vsRest: GapGroup['vsRest'];
  /** Why the group has no gap or no interval, if so (shown only for a group that is shown). */
  note: string | null;
}

/**
 * Disclosure control for a gap's breakdown (METHODS, "Disclosure control and low bases"), from unweighted counts.
 *
 * A group's size here is its smaller item base (for paired and mean-score gaps the one paired base): the gap, both
 * percentages and their bases all describe those respondents. Below `suppressBelow` the group is confidential.
 *
 * Secondary protection: the groups partition the respondents behind the overall figure, whose top-box counts and
 * bases are shown, so one confidential group could be worked out as the overall less the other groups. That is the
 * "options add up to the column's base" case of src/stats/disclosure.ts, with the groups as the options of one
 * column, so its applySuppression chooses the group to withhold as well (the smallest other group, in effect). We
 * apply it even when some respondents are in no group (no answer to the breakdown question), whose number is not
 * shown: we cannot count on it to hide the difference, since it may be zero or small.
 *
 * Confidential groups are returned with no figures at all (not only flagged), so no caller can show them by mistake;
 * 'hidden' (base below 30) and 'low' groups keep their figures and flags for the page to caution about or withhold.
 */
export function discloseGroups(groups: readonly ComputedGroup[], suppressBelow: number): GapGroup[] {
  const size = (g: ComputedGroup) => Math.min(g.importance.base, g.satisfaction.base);
  const decided = applySuppression({
    rows: groups.map((g) => ({ label: g.group, kind: 'option' as const })),
    cells: groups.map((g) => ({ row: g.group, col: null, n: size(g), flag: size(g) < suppressBelow ? ('c' as const) : null })),
    nets: new Map(),
    columnsAddUp: true,
  });
  return groups.map((g, i) => {
    const d = decided[i]!;
    const { note: _note, ...figures } = g;
    if (d.shown !== 'c') return { ...figures, suppressed: null };
    return { group: g.group, gap: null, se: null, ci: null, importance: null, satisfaction: null, flag: 'c', suppressed: d.secondary ? 'secondary' : 'primary', vsRest: null };
  });
}

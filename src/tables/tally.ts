import type { DomainSums } from '../stats/proportion.js';
import type { AnswerGroup } from './crosstab-sums.js';
import type { TableVariableSpec } from './variables.js';

/** Domain sums plus the respondents with a positive weight, whose count less one is a domain's degrees of freedom. */
export interface CellSums extends DomainSums {
  nPositive: number;
}

export interface Tally {
  /** Row categories: the stored options in order, then answers found outside them (most frequent first). */
  rows: { label: string; kind: 'option' | 'other' }[];
  /** Columns with respondents in the domain (stored order, then others); a single null column without a column variable. */
  cols: (string | null)[];
  bases: Map<string | null, CellSums>;
  cell(row: string, col: string | null): CellSums;
}

export function emptySums(): CellSums {
  return { n: 0, nPositive: 0, sumW: 0, sumW2: 0 };
}

export function addSums(into: CellSums, from: CellSums): void {
  into.n += from.n;
  into.nPositive += from.nPositive;
  into.sumW += from.sumW;
  into.sumW2 += from.sumW2;
}

/**
 * Sorts the wave's answer groups into the table's domain: respondents inside the filters with a substantive row answer
 * and (when there is a column variable) a substantive column answer. A column base counts each respondent once even
 * when a multi-choice answer puts them in several rows.
 */
export function tally(groups: readonly AnswerGroup[], row: TableVariableSpec, col: TableVariableSpec | null): Tally {
  const bases = new Map<string | null, CellSums>();
  const cells = new Map<string, Map<string | null, CellSums>>();
  for (const g of groups) {
    if (!g.inFilter) continue;
    const rowCategories = row.categoriesOf(g.row);
    const colCategories = col ? col.categoriesOf(g.col) : [null];
    if (rowCategories.length === 0 || colCategories.length === 0) continue;
    for (const c of colCategories) {
      addSums(getOr(bases, c, emptySums), g);
      for (const r of rowCategories) addSums(getOr(getOr(cells, r, () => new Map()), c, emptySums), g);
    }
  }
  const byCount = (counts: Map<string, number>) => (a: string, b: string) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'en-GB');

  const rowTotals = new Map([...cells].map(([label, byCol]) => [label, [...byCol.values()].reduce((s, x) => s + x.n, 0)]));
  const otherRows = [...rowTotals.keys()].filter((label) => !row.categories.includes(label)).sort(byCount(rowTotals));
  const colTotals = new Map([...bases].filter(([c]) => c !== null).map(([c, s]) => [c as string, s.n]));
  const present = (c: string | null) => (bases.get(c)?.sumW ?? 0) > 0;
  const cols = col
    ? [...col.categories.filter(present), ...[...colTotals.keys()].filter((c) => !col.categories.includes(c) && present(c)).sort(byCount(colTotals))]
    : [null].filter(present);
  return {
    rows: [...row.categories.map((label) => ({ label, kind: 'option' as const })), ...otherRows.map((label) => ({ label, kind: 'other' as const }))],
    cols,
    bases,
    cell: (r, c) => cells.get(r)?.get(c) ?? emptySums(),
  };
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

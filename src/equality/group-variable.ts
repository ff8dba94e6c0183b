import type { TableVariableSpec } from '../tables/variables.js';

/** Joins two answers into one raw value; a unit separator cannot occur in an answer typed or imported as text. */
const SEPARATOR = '\u001f';

/** How an intersectional group is written: "Female × 16-24". */
export const JOIN = ' × ';

/**
 * Two characteristics as one (intersectional breakdown): each respondent's group is the pair of their answers, a
 * blank or non-substantive answer to either leaving them out. Categories are every pair in the two questions' orders.
 */
export function crossVariable(a: TableVariableSpec, b: TableVariableSpec): TableVariableSpec {
  return {
    name: `${a.name}${JOIN}${b.name}`,
    label: `${a.label}${JOIN}${b.label}`,
    kind: 'single',
    role: a.role,
    categories: a.categories.flatMap((x) => b.categories.map((y) => `${x}${JOIN}${y}`)),
    nonSubstantive: [],
    asRow: false,
    asColumn: true,
    // DuckDB's || gives NULL when either side is NULL: a respondent missing either answer is in no group.
    sql: `(${a.sql} || '${SEPARATOR}' || ${b.sql})`,
    usesLocality: a.usesLocality || b.usesLocality,
    categoriesOf(raw) {
      if (raw === null) return [];
      const at = raw.indexOf(SEPARATOR);
      const xs = a.categoriesOf(raw.slice(0, at));
      const ys = b.categoriesOf(raw.slice(at + 1));
      return xs.flatMap((x) => ys.map((y) => `${x}${JOIN}${y}`));
    },
    rawValuesOf: () => [],
  };
}

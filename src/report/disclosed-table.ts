import type { Crosstab } from '../contract/tables.js';
import type { ReportCell } from '../contract/report.js';
import { applySuppression, netMembers, type DisclosedCell } from '../stats/disclosure.js';
import type { TableVariableSpec } from '../tables/variables.js';

export type DisclosedCrosstabCell = DisclosedCell<Crosstab['cells'][number]>;

/**
 * A crosstab after disclosure control, exactly as the Tables page's export applies it (src/export/table-export.ts):
 * primary suppression from unweighted counts, then secondary suppression within rows, columns and nets.
 */
export function discloseCrosstab(table: Crosstab, rowVariable: TableVariableSpec | undefined): Map<string, DisclosedCrosstabCell> {
  const disclosed = applySuppression({
    rows: table.rows,
    cells: table.cells,
    nets: netMembers(table.rows, rowVariable?.categories ?? []),
    columnsAddUp: rowVariable?.kind !== 'multi',
  });
  return new Map(disclosed.map((c) => [cellKey(c.row, c.col), c]));
}

export const cellKey = (row: string, col: string | null) => `${col ?? ''}\u0001${row}`;

/** The printed figure: [c] confidential, [x] base too small to show, a percentage with [low] on a low base. */
export function percentCell(cell: DisclosedCrosstabCell | undefined, pct: (v: number) => string, letters = true): ReportCell {
  if (!cell) return { text: '[z]', value: null };
  if (cell.shown === 'c') return { text: '[c]', value: null };
  if (cell.shown === 'x') return { text: '[x]', value: null };
  const marks = [cell.low ? '[low]' : '', letters ? cell.letters.join('') : ''].filter(Boolean).join(' ');
  return { text: marks ? `${pct(cell.pct)} ${marks}` : pct(cell.pct), value: cell.pct };
}

/** A base's caution mark, as on the Tables page. */
export function baseMark(flag: Crosstab['bases'][number]['flag']): string {
  return flag === 'low' ? ' [low]' : flag === 'hidden' ? ' [x]' : '';
}

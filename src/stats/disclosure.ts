/*
 * METHODS "Disclosure control and low bases", as the report and export layer applies it: after every other step, from
 * unweighted counts only. The crosstab engine flags each cell on its own (src/stats/disclosure-flag.ts); this adds
 * secondary suppression, so that a confidential count cannot be worked out from the figures that are shown.
 *
 * Pure and free of Node: the Tables page uses it too, so the screen and the exported file suppress the same cells.
 */

export type CellFlag = 'c' | 'low' | 'hidden' | null;
export type RowKind = 'option' | 'other' | 'top2' | 'bottom2';

export interface DisclosureInputCell {
  row: string;
  col: string | null;
  /** Unweighted count of respondents in the cell. */
  n: number;
  flag: CellFlag;
}

export interface DisclosureInput<C extends DisclosureInputCell> {
  rows: readonly { label: string; kind: RowKind }[];
  cells: readonly C[];
  /** The options each net row adds up (from the variable's categories, see netMembers). */
  nets: ReadonlyMap<string, readonly string[]>;
  /**
   * Whether the option rows of a column add up to its base (shown at the foot). False for a multi-choice question,
   * where one respondent can tick several options.
   */
  columnsAddUp: boolean;
}

/**
 * How a cell is shown: its figure ('value', with a caution when `low`), `[c]` ('c': confidential, first or second
 * suppression) or `[x]` ('x': its column's base is too small to show any figure).
 */
export type Shown = 'value' | 'c' | 'x';

export type DisclosedCell<C extends DisclosureInputCell> = C & {
  shown: Shown;
  /** Suppressed only so that another confidential cell cannot be worked out (secondary suppression). */
  secondary: boolean;
  /** Shown, on a base low enough to treat with caution. */
  low: boolean;
};

type Status = 'shown' | 'primary' | 'secondary' | 'hidden';

/**
 * Primary and secondary suppression. A cell flagged 'c' is suppressed; a cell flagged 'hidden' is not shown either.
 * Then, wherever a set of cells adds up to a figure that is shown (a net adds up its options; the nets and the options
 * outside them add up to the column's base, as do the options alone; a row's cells add up to the row's total across
 * columns), and exactly one cell of the set is unpublished and that cell is confidential, another published cell of
 * the set is suppressed as well: the one that leaves the fewest other sets needing protection in turn (preferring one
 * that protects another set at the same time), then the smallest by unweighted count, then the first in table order.
 * This repeats until nothing changes, since each new suppression can leave another set with a single confidential
 * cell. (Choosing only the smallest cell, the textbook rule, can cascade across a whole table.)
 */
export function applySuppression<C extends DisclosureInputCell>(input: DisclosureInput<C>): DisclosedCell<C>[] {
  const key = (row: string, col: string | null) => `${col ?? '\u0000all'}\u0001${row}`;
  const index = new Map<string, number>();
  input.cells.forEach((cell, i) => index.set(key(cell.row, cell.col), i));
  const status: Status[] = input.cells.map((cell) => (cell.flag === 'c' ? 'primary' : cell.flag === 'hidden' ? 'hidden' : 'shown'));

  const columns = [...new Set(input.cells.map((c) => c.col))];
  const options = input.rows.filter((r) => r.kind === 'option' || r.kind === 'other').map((r) => r.label);
  const lookup = (row: string, col: string | null) => index.get(key(row, col));
  const present = (ids: (number | undefined)[]) => ids.filter((i): i is number => i !== undefined);

  // Nets first: they are the tightest sums, and protecting them first usually protects the column as well.
  const groups: number[][] = [];
  for (const [net, members] of input.nets) {
    for (const col of columns) groups.push(present([lookup(net, col), ...members.map((row) => lookup(row, col))]));
  }
  // The nets and the options in neither of them add up to the base too (top 2 + the middle + bottom 2).
  const inNets = new Set([...input.nets.values()].flat());
  if (input.columnsAddUp && input.nets.size > 0 && inNets.size === [...input.nets.values()].reduce((k, m) => k + m.length, 0)) {
    const partition = [...input.nets.keys(), ...options.filter((row) => !inNets.has(row))];
    for (const col of columns) groups.push(present(partition.map((row) => lookup(row, col))));
  }
  if (columns.length > 1) for (const row of input.rows) groups.push(present(columns.map((col) => lookup(row.label, col))));
  if (input.columnsAddUp) for (const col of columns) groups.push(present(options.map((row) => lookup(row, col))));

  const confidential = (i: number) => status[i] === 'primary' || status[i] === 'secondary';
  const unpublished = (group: number[]) => group.filter((i) => status[i] !== 'shown');
  const exposed = (group: number[]) => {
    const hidden = unpublished(group);
    return group.length >= 2 && hidden.length === 1 && confidential(hidden[0]!);
  };
  const groupsOf = input.cells.map(() => [] as number[][]);
  for (const group of groups) for (const i of group) groupsOf[i]!.push(group);
  /**
   * What withholding cell i costs: each other set it is in that withholds nothing yet would then need protecting in
   * turn, less each set it is in that already needs protecting (withholding i protects that one too).
   */
  const cost = (i: number, within: number[]) =>
    groupsOf[i]!.reduce((k, g) => (g === within || g.length < 2 ? k : unpublished(g).length === 0 ? k + 1 : exposed(g) ? k - 1 : k), 0);

  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (!exposed(group)) continue;
      // The published cell whose withholding starts the fewest new chains (then the smallest, then the first).
      let best: number | undefined;
      let bestCost = Infinity;
      for (const i of group) {
        if (status[i] !== 'shown') continue;
        const c = cost(i, group);
        if (c < bestCost || (c === bestCost && input.cells[i]!.n < input.cells[best!]!.n)) {
          best = i;
          bestCost = c;
        }
      }
      if (best === undefined) continue;
      status[best] = 'secondary';
      changed = true;
    }
  }

  return input.cells.map((cell, i) => {
    const s = status[i]!;
    const shown: Shown = s === 'primary' || s === 'secondary' ? 'c' : s === 'hidden' ? 'x' : 'value';
    return { ...cell, shown, secondary: s === 'secondary', low: shown === 'value' && cell.flag === 'low' };
  });
}

/**
 * The options each net row adds up: the crosstab engine's top 2 are the first two substantive options of the scale
 * (best first) and its bottom 2 the last two (src/tables/crosstab.ts).
 */
export function netMembers(rows: readonly { label: string; kind: RowKind }[], categories: readonly string[]): Map<string, string[]> {
  const nets = new Map<string, string[]>();
  for (const row of rows) {
    if (row.kind === 'top2') nets.set(row.label, categories.slice(0, 2));
    if (row.kind === 'bottom2') nets.set(row.label, categories.slice(-2));
  }
  return nets;
}

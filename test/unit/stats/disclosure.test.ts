import { describe, expect, it } from 'vitest';
import { applySuppression, netMembers, type CellFlag, type RowKind } from '../../../src/stats/disclosure.js';

interface Cell {
  row: string;
  col: string | null;
  n: number;
  flag: CellFlag;
}

/** A table from a grid of counts: rows × columns, flagged as the engine flags them (fewer than 10 → 'c'). */
function grid(counts: number[][], options: { rows?: string[]; cols?: (string | null)[]; kinds?: RowKind[] } = {}) {
  const rows = (options.rows ?? counts.map((_, i) => `r${i + 1}`)).map((label, i) => ({ label, kind: options.kinds?.[i] ?? ('option' as RowKind) }));
  const cols = options.cols ?? counts[0]!.map((_, j) => `c${j + 1}`);
  const cells: Cell[] = counts.flatMap((line, i) => line.map((n, j) => ({ row: rows[i]!.label, col: cols[j]!, n, flag: (n < 10 ? 'c' : null) as CellFlag })));
  return { rows, cells };
}

/** The table as shown: each cell's count, or [c] / [x]. */
function shown(cells: ReturnType<typeof applySuppression<Cell>>, rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const cell = cells[i * cols + j]!;
      return cell.shown === 'value' ? String(cell.n) : `[${cell.shown}]`;
    }),
  );
}

describe('primary and secondary suppression (METHODS "Disclosure control and low bases")', () => {
  it('suppresses nothing more when no cell is confidential', () => {
    const { rows, cells } = grid([
      [20, 30],
      [40, 50],
    ]);
    const out = applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true });
    expect(out.every((c) => c.shown === 'value' && !c.secondary)).toBe(true);
  });

  it('suppresses a second cell in the row and in the column of a lone confidential cell, then repeats until stable', () => {
    // r1c1 = 4 is confidential. Its row (4, 12, 30) and its column (4, 15, 60) would each give it away from their
    // totals, so the smallest other cell of each is suppressed too: 12 in the row, 15 in the column. The 12 leaves
    // column 2 (12, 20, 25) with a single confidential cell, so its smallest other, 20, goes as well; that also gives
    // row 2 its second withheld cell, and then every row and column withholds none or at least two.
    const { rows, cells } = grid([
      [4, 12, 30],
      [15, 20, 40],
      [60, 25, 50],
    ]);
    const out = applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true });
    expect(shown(out, 3, 3)).toEqual([
      ['[c]', '[c]', '30'],
      ['[c]', '[c]', '40'],
      ['60', '25', '50'],
    ]);
    expect(out.filter((c) => c.secondary).map((c) => `${c.row}/${c.col}`)).toEqual(['r1/c2', 'r2/c1', 'r2/c2']);
    // Every row and column now withholds none or at least two cells, so no suppressed count can be worked out.
    for (let i = 0; i < 3; i++) {
      const inRow = out.slice(i * 3, i * 3 + 3).filter((c) => c.shown !== 'value').length;
      const inCol = [0, 1, 2].map((r) => out[r * 3 + i]!).filter((c) => c.shown !== 'value').length;
      expect(inRow === 0 || inRow >= 2).toBe(true);
      expect(inCol === 0 || inCol >= 2).toBe(true);
    }
  });

  it('prefers a cell that protects two sets at once to a smaller one that would start a new chain', () => {
    // 5 and 8 are confidential. Row 1 could give up 11 (the smallest) or 15; 15 also protects column 2, where 8 is
    // alone, while 11 would leave column 3 to protect next. With 15 and then 14, two more cells close the square.
    const { rows, cells } = grid([
      [5, 15, 11],
      [14, 8, 40],
      [50, 60, 70],
    ]);
    const out = applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true });
    expect(shown(out, 3, 3)).toEqual([
      ['[c]', '[c]', '11'],
      ['[c]', '[c]', '40'],
      ['50', '60', '70'],
    ]);
    expect(out.filter((c) => c.secondary).map((c) => c.n)).toEqual([15, 14]);
  });

  it('needs no secondary suppression where two confidential cells already share the row and the column', () => {
    const { rows, cells } = grid([
      [3, 5, 40],
      [6, 8, 50],
      [30, 35, 60],
    ]);
    const out = applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true });
    expect(out.filter((c) => c.secondary)).toEqual([]);
    expect(out.filter((c) => c.shown === 'c')).toHaveLength(4);
  });

  it('protects a confidential option from its net: top 2 = very + fairly, so one of the others goes too', () => {
    // One column: Very satisfied 6 [c], Fairly 40, Neither 30, Fairly dis. 20, Very dis. 15; Top 2 = 46, Bottom 2 = 35.
    // The column already withholds two cells after the first pass (Very satisfied and Very dissatisfied, the smallest
    // other), but Top 2 − Fairly satisfied would still give Very satisfied: Fairly satisfied goes as well.
    const labels = ['Very satisfied', 'Fairly satisfied', 'Neither', 'Fairly dissatisfied', 'Very dissatisfied', 'Top 2', 'Bottom 2'];
    const kinds: RowKind[] = ['option', 'option', 'option', 'option', 'option', 'top2', 'bottom2'];
    const { rows, cells } = grid([[6], [40], [30], [20], [15], [46], [35]], { rows: labels, cols: [null], kinds });
    const nets = netMembers(rows, labels.slice(0, 5));
    expect(nets.get('Top 2')).toEqual(['Very satisfied', 'Fairly satisfied']);
    expect(nets.get('Bottom 2')).toEqual(['Fairly dissatisfied', 'Very dissatisfied']);
    const out = applySuppression({ rows, cells, nets, columnsAddUp: true });
    const byRow = Object.fromEntries(out.map((c) => [c.row, c.shown === 'value' ? c.n : c.secondary ? 'secondary' : 'primary']));
    expect(byRow['Very satisfied']).toBe('primary');
    expect(byRow['Fairly satisfied']).toBe('secondary');
    // Bottom 2 (35) shows, and with it Fairly dissatisfied (20) and Very dissatisfied (15) both show: nothing to protect there.
    expect(byRow['Bottom 2']).toBe(35);
    expect(byRow['Top 2']).toBe(46);
    // The column withholds two answers (Very and Fairly satisfied), whose sum Top 2 shows but not how it splits.
    expect(out.filter((c) => c.shown === 'c').map((c) => c.row)).toEqual(['Very satisfied', 'Fairly satisfied']);
  });

  it('protects a confidential net from the base: on a 4-point scale top 2 + bottom 2 is everyone who answered', () => {
    const labels = ['A', 'B', 'C', 'D', 'Top 2', 'Bottom 2'];
    const kinds: RowKind[] = ['option', 'option', 'option', 'option', 'top2', 'bottom2'];
    // Top 2 = 3 + 4 = 7 is confidential, as are A and B. Shown beside the base (97), Bottom 2 = 90 would give Top 2
    // away, so it goes; then Bottom 2 = C + D with D shown would give it away, so C (the smaller) goes too.
    const { rows, cells } = grid([[3], [4], [40], [50], [7], [90]], { rows: labels, cols: [null], kinds });
    const out = applySuppression({ rows, cells, nets: netMembers(rows, ['A', 'B', 'C', 'D']), columnsAddUp: true });
    expect(out.map((c) => c.shown)).toEqual(['c', 'c', 'c', 'value', 'c', 'c']);
    expect(out.filter((c) => c.secondary).map((c) => c.row)).toEqual(['C', 'Bottom 2']);
  });

  it('does not use the column sum for a multi-choice question, whose options can add up to more than the base', () => {
    const { rows, cells } = grid([[5], [40], [30]], { cols: [null] });
    expect(applySuppression({ rows, cells, nets: new Map(), columnsAddUp: false }).filter((c) => c.secondary)).toEqual([]);
    expect(applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true }).filter((c) => c.secondary).map((c) => c.n)).toEqual([30]);
  });

  it('shows a column whose base is too small as [x], keeps a low base as a value with its caution, and lets [x] protect', () => {
    const cells: Cell[] = [
      { row: 'r1', col: 'a', n: 5, flag: 'c' },
      { row: 'r1', col: 'b', n: 12, flag: 'hidden' },
      { row: 'r1', col: 'c', n: 40, flag: 'low' },
      { row: 'r2', col: 'a', n: 50, flag: null },
      { row: 'r2', col: 'b', n: 14, flag: 'hidden' },
      { row: 'r2', col: 'c', n: 8, flag: 'c' },
    ];
    const rows = [
      { label: 'r1', kind: 'option' as const },
      { label: 'r2', kind: 'option' as const },
    ];
    const out = applySuppression({ rows, cells, nets: new Map(), columnsAddUp: true });
    // Rows 1 and 2 each withhold two cells already ([x] counts as withheld), but columns a and c withhold one
    // confidential cell each: their other cells go too, including the low-base 40, which then carries no caution.
    expect(out.map((c) => c.shown)).toEqual(['c', 'x', 'c', 'c', 'x', 'c']);
    expect(out.filter((c) => c.secondary).map((c) => `${c.row}/${c.col}`)).toEqual(['r1/c', 'r2/a']);
    expect(out.find((c) => c.row === 'r1' && c.col === 'c')!.low).toBe(false);
  });
});

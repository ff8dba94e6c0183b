export interface CellPosition {
  row: number;
  column: number;
}

export interface GridSize {
  rows: number;
  columns: number;
  /** Rows that fit on one screen, for Page Up and Page Down. */
  pageRows: number;
}

/**
 * Where the active cell goes for a key, or null if the grid does not handle the key (so Tab still leaves the grid).
 * Home and End go to the first and last response, the journey people make most; with Ctrl they also go to the
 * first or last column.
 */
export function moveActiveCell(key: string, ctrl: boolean, at: CellPosition, size: GridSize): CellPosition | null {
  const lastRow = Math.max(0, size.rows - 1);
  const lastColumn = Math.max(0, size.columns - 1);
  const clampRow = (row: number) => Math.min(lastRow, Math.max(0, row));
  const clampColumn = (column: number) => Math.min(lastColumn, Math.max(0, column));
  const step = Math.max(1, size.pageRows);
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), column: at.column };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), column: at.column };
    case 'ArrowRight':
      return { row: at.row, column: clampColumn(at.column + 1) };
    case 'ArrowLeft':
      return { row: at.row, column: clampColumn(at.column - 1) };
    case 'PageDown':
      return { row: clampRow(at.row + step), column: at.column };
    case 'PageUp':
      return { row: clampRow(at.row - step), column: at.column };
    case 'Home':
      return { row: 0, column: ctrl ? 0 : at.column };
    case 'End':
      return { row: lastRow, column: ctrl ? lastColumn : at.column };
    default:
      return null;
  }
}

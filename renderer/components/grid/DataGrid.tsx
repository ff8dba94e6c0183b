import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';
import type { ColumnInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { CellDetail } from './CellDetail';
import { columnWidth, rowNumberWidth } from './columnWidths';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { moveActiveCell, type CellPosition } from './gridKeys';
import { scaledOffsetOptions } from './scaledOffsetObserver';
import { scrollScale, scrollTopToReveal } from './scrollScale';
import { useRowPages } from './useRowPages';

/** Fixed so positions are arithmetic, not measured; 28px keeps text at a comfortable size and targets above 24px. */
export const ROW_HEIGHT = 28;
/** Room for three lines of a question label. */
const HEADER_HEIGHT = 68;
/** Further than any screen from the rows in view, yet far inside every browser's layout limits. */
const FAR_AWAY_PX = 100_000;

export interface DataGridProps {
  waveId: number;
  columns: readonly ColumnInfo[];
  totalRows: number;
  /** Id of the heading that names the grid. */
  labelledBy: string;
}

/** Keeps one index rendered even when it is scrolled away, so aria-activedescendant always points at an element. */
function keeping(index: number | undefined) {
  return (range: Range) => {
    const indexes = defaultRangeExtractor(range);
    if (index === undefined || index >= range.count || indexes.includes(index)) return indexes;
    return [...indexes, index].sort((a, b) => a - b);
  };
}

/**
 * A wave's responses: virtualised in both directions, paged from the backend as Arrow, keyboard-operable as an
 * ARIA grid. DOM focus stays on the grid; the active cell is announced through aria-activedescendant.
 */
export function DataGrid({ waveId, columns, totalRows, labelledBy }: DataGridProps) {
  const { t, i18n } = useTranslation();
  const idPrefix = useId();
  const helpId = `${idPrefix}-help`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef(0);
  const [active, setActive] = useState<CellPosition | null>(null);

  const widths = useMemo(() => columns.map(columnWidth), [columns]);
  const numberWidth = rowNumberWidth(totalRows);
  const totalHeight = totalRows * ROW_HEIGHT;
  const scaleOf = useCallback(
    (element: HTMLElement) => scrollScale(totalHeight, element.clientHeight - HEADER_HEIGHT),
    [totalHeight],
  );

  // Rows sit in a window positioned near the current offset, so no element needs a top beyond the browser's limit.
  const placeWindow = useCallback(() => {
    const element = scrollRef.current;
    const win = windowRef.current;
    if (!element || !win) return;
    const shift = element.scrollTop - scaleOf(element).toVirtual(element.scrollTop);
    win.style.transform = `translateY(${shift + baseRef.current}px)`;
  }, [scaleOf]);

  // The virtualizer subscribes to scrolling once, at mount; refs let that subscription see the current functions.
  const scaleOfRef = useRef(scaleOf);
  const placeWindowRef = useRef(placeWindow);
  scaleOfRef.current = scaleOf;
  placeWindowRef.current = placeWindow;
  const scaledOffset = useMemo(
    () => scaledOffsetOptions((element) => scaleOfRef.current(element), () => placeWindowRef.current()),
    [],
  );

  const rowVirtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    rangeExtractor: keeping(active?.row),
    ...scaledOffset,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widths[index] ?? 160,
    paddingStart: numberWidth,
    overscan: 2,
    rangeExtractor: keeping(active?.column),
  });

  const visibleRows = rowVirtualizer.getVirtualItems();
  const visibleColumns = columnVirtualizer.getVirtualItems();
  const range = rowVirtualizer.range;
  const store = useRowPages(
    waveId,
    useMemo(() => columns.map((column) => column.name), [columns]),
    totalRows,
    range?.startIndex ?? 0,
    range?.endIndex ?? 0,
  );

  // Rows are placed relative to the first row in view. The active row, kept rendered when scrolled far away,
  // is parked out of sight instead of at a distance no browser can lay out.
  const base = (range?.startIndex ?? 0) * ROW_HEIGHT;
  baseRef.current = base;
  const topOf = (start: number) => (Math.abs(start - base) > FAR_AWAY_PX ? -2 * ROW_HEIGHT : start - base);
  useLayoutEffect(placeWindow);

  const numberFormat = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);
  const totalWidth = columnVirtualizer.getTotalSize();
  const bodyHeight = scrollScale(totalHeight, 0).bodyHeight;
  const cellId = useCallback((row: number, column: number) => `${idPrefix}-r${row}-c${column}`, [idPrefix]);

  const reveal = (cell: CellPosition) => {
    const element = scrollRef.current;
    if (!element) return;
    const rowsHeight = element.clientHeight - HEADER_HEIGHT;
    const top = cell.row * ROW_HEIGHT;
    const scrollTop = scrollTopToReveal(scaleOf(element), element.scrollTop, top, top + ROW_HEIGHT, rowsHeight);
    if (scrollTop !== null) element.scrollTop = scrollTop;
    const left = numberWidth + widths.slice(0, cell.column).reduce((sum, w) => sum + w, 0);
    const right = left + (widths[cell.column] ?? 0);
    if (left - numberWidth < element.scrollLeft) element.scrollLeft = left - numberWidth;
    else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
  };

  const firstRowInView = (): CellPosition => {
    const offset = rowVirtualizer.scrollOffset ?? 0;
    return { row: Math.min(totalRows - 1, Math.ceil(offset / ROW_HEIGHT)), column: 0 };
  };

  const onFocus = () => {
    if (!active && totalRows > 0 && columns.length > 0) setActive(firstRowInView());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (totalRows === 0 || columns.length === 0 || event.altKey) return;
    const element = scrollRef.current;
    const pageRows = element ? Math.floor((element.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1 : 10;
    const size = { rows: totalRows, columns: columns.length, pageRows };
    const next = moveActiveCell(event.key, event.ctrlKey || event.metaKey, active ?? firstRowInView(), size);
    if (!next) return;
    event.preventDefault();
    setActive(next);
    reveal(next);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    setActive({ row: Number(cell.dataset.row), column: Number(cell.dataset.column) });
  };

  const activeColumn = active ? columns[active.column] : undefined;
  return (
    <div className="grid">
      <p id={helpId} className="hint">
        {t('grid.keyboardHelp')}
      </p>
      {store.error !== undefined && (
        <ErrorAlert error={store.error} retryLabel={t('grid.retry')} onRetry={() => store.retry()} />
      )}
      <div
        ref={scrollRef}
        role="grid"
        tabIndex={0}
        aria-labelledby={labelledBy}
        aria-describedby={helpId}
        aria-rowcount={totalRows + 1}
        aria-colcount={columns.length + 1}
        aria-activedescendant={active ? cellId(active.row, active.column) : undefined}
        className="grid-scroller"
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <GridHeader
          columns={columns}
          visibleColumns={visibleColumns}
          rowNumberWidth={numberWidth}
          totalWidth={totalWidth}
          height={HEADER_HEIGHT}
        />
        <div role="rowgroup" className="grid-body" style={{ height: bodyHeight, width: totalWidth }}>
          <div ref={windowRef} role="presentation" className="grid-window">
            {visibleRows.map((item) => (
              <GridRow
                key={item.index}
                row={item.index}
                top={topOf(item.start)}
                height={ROW_HEIGHT}
                store={store}
                visibleColumns={visibleColumns}
                rowNumberWidth={numberWidth}
                totalWidth={totalWidth}
                rowLabel={numberFormat.format(item.index + 1)}
                activeColumn={active?.row === item.index ? active.column : null}
                cellId={cellId}
              />
            ))}
          </div>
        </div>
      </div>
      <CellDetail
        rowLabel={active ? numberFormat.format(active.row + 1) : null}
        columnLabel={activeColumn ? activeColumn.label || activeColumn.name : ''}
        text={active ? store.cell(active.row, active.column) : undefined}
      />
    </div>
  );
}

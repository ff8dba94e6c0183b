import type { VirtualItem } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { PageStore } from './pageStore';

interface GridRowProps {
  row: number;
  top: number;
  height: number;
  store: PageStore;
  visibleColumns: readonly VirtualItem[];
  rowNumberWidth: number;
  totalWidth: number;
  rowLabel: string;
  activeColumn: number | null;
  cellId: (row: number, column: number) => string;
}

/** One response. Cell text is rendered as text (React escapes it): respondents' answers are never markup. */
export function GridRow(props: GridRowProps) {
  const { row, top, height, store, visibleColumns, rowNumberWidth, totalWidth, rowLabel, activeColumn, cellId } = props;
  const { t } = useTranslation();
  const loaded = store.isLoaded(row);
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      aria-busy={loaded ? undefined : true}
      className={row % 2 === 1 ? 'grid-row grid-row-alt' : 'grid-row'}
      style={{ top, height, width: totalWidth }}
    >
      <div role="rowheader" aria-colindex={1} className="grid-rownum" style={{ width: rowNumberWidth }}>
        {rowLabel}
      </div>
      {visibleColumns.map((item) => {
        const text = store.cell(row, item.index);
        const active = activeColumn === item.index;
        return (
          <div
            key={item.index}
            id={cellId(row, item.index)}
            role="gridcell"
            aria-colindex={item.index + 2}
            data-row={row}
            data-column={item.index}
            className={`grid-cell${active ? ' is-active' : ''}${text === undefined ? ' is-loading' : ''}`}
            style={{ left: item.start, width: item.size, height }}
          >
            {text ?? t('grid.loadingCell')}
          </div>
        );
      })}
    </div>
  );
}

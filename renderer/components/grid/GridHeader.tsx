import type { VirtualItem } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../src/contract/index.js';

interface GridHeaderProps {
  columns: readonly ColumnInfo[];
  visibleColumns: readonly VirtualItem[];
  rowNumberWidth: number;
  totalWidth: number;
  height: number;
}

/** The sticky header row: question labels, with the column's short name as a tooltip for people who know it. */
export function GridHeader({ columns, visibleColumns, rowNumberWidth, totalWidth, height }: GridHeaderProps) {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="grid-head" style={{ height, width: totalWidth }}>
      <div role="row" aria-rowindex={1} className="grid-row grid-head-row" style={{ height, width: totalWidth }}>
        <div role="columnheader" aria-colindex={1} className="grid-rownum grid-corner" style={{ width: rowNumberWidth }}>
          {t('grid.rowNumber')}
        </div>
        {visibleColumns.map((item) => {
          const column = columns[item.index];
          if (!column) return null;
          return (
            <div
              key={column.name}
              role="columnheader"
              aria-colindex={item.index + 2}
              className="grid-cell grid-head-cell"
              title={column.name}
              style={{ left: item.start, width: item.size, height }}
            >
              <span className="grid-head-label">{column.label || column.name}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';

interface CellDetailProps {
  /** The row number as shown in the grid, or null when no cell is active. */
  rowLabel: string | null;
  columnLabel: string;
  text: string | undefined;
}

/** The whole of the active cell's answer: free-text comments are often longer than a grid cell can show. */
export function CellDetail({ rowLabel, columnLabel, text }: CellDetailProps) {
  const { t } = useTranslation();
  if (rowLabel === null) {
    return (
      <div className="grid-detail">
        <p className="grid-detail-hint">{t('grid.detailHint')}</p>
      </div>
    );
  }
  return (
    <div className="grid-detail">
      <p className="grid-detail-where">{t('grid.detailWhere', { row: rowLabel, column: columnLabel })}</p>
      <p className="grid-detail-text">
        {text === undefined ? t('grid.loadingCell') : text === '' ? t('grid.noAnswer') : text}
      </p>
    </div>
  );
}

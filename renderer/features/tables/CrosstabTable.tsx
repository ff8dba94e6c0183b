import { useTranslation } from 'react-i18next';
import type { Crosstab } from '../../../src/contract/index.js';
import type { DisclosedCell } from '../../../src/stats/disclosure.js';
import { adjustmentWords, type Numbers } from './words';

export type ShownCell = DisclosedCell<Crosstab['cells'][number]>;

interface CrosstabTableProps {
  table: Crosstab;
  cells: readonly ShownCell[];
  title: string;
  numbers: Numbers;
  showCi: boolean;
  showCounts: boolean;
  /** The notes under the table, which explain its markers. */
  notesId: string;
}

const keyOf = (row: string, col: string | null) => `${col ?? ''}\u0001${row}`;

/**
 * The crosstab as a real table: answers down the side (row headers), columns lettered A, B, C… across (column
 * headers), bases at the foot. Each cell shows its column percentage, the letters of the columns it is significantly
 * higher than, and on request its 95% interval and respondent count; suppressed cells show [c] or [x] only.
 */
export function CrosstabTable({ table, cells, title, numbers, showCi, showCounts, notesId }: CrosstabTableProps) {
  const { t } = useTranslation();
  const byKey = new Map(cells.map((c) => [keyOf(c.row, c.col), c]));
  const weighted = table.weight !== null;

  return (
    <div className="crosstab-wrap" role="region" aria-label={title} tabIndex={0}>
      <table className="crosstab" aria-describedby={notesId}>
        <caption className="crosstab-caption">
          {/* The section's heading shows the title; the caption still names the table for screen readers. */}
          <span className="visually-hidden">{title}. </span>
          <span className="crosstab-explain">
            {weighted ? t('tables.result.captionWeighted') : t('tables.result.captionUnweighted')}
            {table.colLabel && ` ${t('tables.result.captionLetters', { adjustment: adjustmentWords(t, table.comparison) })}`}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="crosstab-answer-head">
              {table.rowLabel}
            </th>
            {table.bases.map((base) => (
              <th key={base.col ?? ''} scope="col" className="numeric crosstab-col-head">
                {base.letter ? (
                  <>
                    <span className="col-letter">{base.letter}</span>{' '}
                    <span className={(base.col ?? '').length > 16 ? 'col-name col-name-long' : 'col-name'}>{base.col}</span>
                  </>
                ) : (
                  t('tables.result.allRespondents')
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => {
            const net = row.kind === 'top2' || row.kind === 'bottom2';
            return (
              <tr key={row.label} className={net ? 'net-row' : undefined} data-kind={row.kind}>
                <th scope="row">{row.label}</th>
                {table.bases.map((base) => (
                  <Cell key={base.col ?? ''} cell={byKey.get(keyOf(row.label, base.col))} numbers={numbers} showCi={showCi} showCounts={showCounts} />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {table.means && (
            <tr className="mean-row" data-kind="mean">
              <th scope="row">{t('tables.result.meanScore', { points: table.rows.filter((r) => r.kind === 'option').length })}</th>
              {table.bases.map((base) => (
                <MeanCell key={base.col ?? ''} mean={table.means!.find((m) => m.col === base.col)} flag={base.flag} numbers={numbers} showCi={showCi} />
              ))}
            </tr>
          )}
          <tr className="base-row" data-base="n">
            <th scope="row">{t('tables.result.baseUnweighted')}</th>
            {table.bases.map((base) => (
              <td key={base.col ?? ''} className="numeric">
                {numbers.whole.format(base.n)}
                {base.flag === 'low' && (
                  <span className="cell-line cell-line-base">
                    <span className="flag-low">{t('tables.result.lowMarker')}</span>
                  </span>
                )}
              </td>
            ))}
          </tr>
          {weighted && (
            <>
              <tr className="base-row" data-base="weighted">
                <th scope="row">{t('tables.result.baseWeighted')}</th>
                {table.bases.map((base) => (
                  <td key={base.col ?? ''} className="numeric">
                    {numbers.one.format(base.weighted_n)}
                  </td>
                ))}
              </tr>
              <tr className="base-row" data-base="effective">
                <th scope="row">{t('tables.result.baseEffective')}</th>
                {table.bases.map((base) => (
                  <td key={base.col ?? ''} className="numeric">
                    {numbers.one.format(base.n_eff)}
                  </td>
                ))}
              </tr>
            </>
          )}
        </tfoot>
      </table>
    </div>
  );
}

/**
 * A scale's mean score in one column, withheld or marked on the same unweighted base as the column's percentages.
 * The interval is mean ± 1.96 SE (Wald, as R's confint on svymean).
 */
function MeanCell({ mean, flag, numbers, showCi }: { mean: NonNullable<Crosstab['means']>[number] | undefined; flag: 'low' | 'hidden' | null; numbers: Numbers; showCi: boolean }) {
  const { t } = useTranslation();
  if (!mean) return <td className="numeric" />;
  if (flag === 'hidden') {
    return (
      <td className="numeric cell-withheld" data-shown="x">
        {t('tables.result.hiddenMarker')}
      </td>
    );
  }
  return (
    <td className="numeric" data-shown="value">
      {numbers.two.format(mean.mean)}
      {flag === 'low' && (
        <span className="cell-line">
          <span className="flag-low">{t('tables.result.lowMarker')}</span>
        </span>
      )}
      {showCi && (
        <span className="cell-line cell-ci">
          <span className="visually-hidden">{t('tables.result.ciLabel')} </span>
          {t('tables.result.ciRange', { lo: numbers.two.format(mean.mean - 1.96 * mean.se), hi: numbers.two.format(mean.mean + 1.96 * mean.se) })}
        </span>
      )}
    </td>
  );
}

function Cell({ cell, numbers, showCi, showCounts }: { cell: ShownCell | undefined; numbers: Numbers; showCi: boolean; showCounts: boolean }) {
  const { t } = useTranslation();
  if (!cell) return <td className="numeric" />;
  if (cell.shown !== 'value') {
    return (
      <td className="numeric cell-withheld" data-shown={cell.shown}>
        <span className="cell-figure">
          <span className="cell-pct">{cell.shown === 'c' ? t('tables.result.confidentialMarker') : t('tables.result.hiddenMarker')}</span>
          <span className="cell-letters" />
        </span>
      </td>
    );
  }
  return (
    <td className="numeric" data-shown="value">
      <span className="cell-figure">
        <span className="cell-pct">{t('tables.result.percent', { value: numbers.one.format(cell.pct) })}</span>
        {/* Always there, empty or not, so the percentages of a column line up. */}
        <span className="cell-letters">
          {cell.letters.length > 0 && <span className="visually-hidden">{t('tables.result.higherThan')} </span>}
          {cell.letters.join('')}
        </span>
      </span>
      {cell.low && (
        <span className="cell-line">
          <span className="flag-low">{t('tables.result.lowMarker')}</span>
        </span>
      )}
      {showCi && cell.ci && (
        <span className="cell-line cell-ci">
          <span className="visually-hidden">{t('tables.result.ciLabel')} </span>
          {t('tables.result.ciRange', { lo: numbers.one.format(cell.ci[0]), hi: numbers.one.format(cell.ci[1]) })}
        </span>
      )}
      {showCounts && <span className="cell-line cell-count">{t('tables.result.count', { n: numbers.whole.format(cell.n) })}</span>}
    </td>
  );
}

import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPlan, PlannedColumn } from '../../../src/contract/index.js';
import { formatLocales } from '../../i18n';
import { ColumnHelp } from './ColumnHelp';
import { ColumnRow } from './ColumnRow';

interface ColumnTableProps {
  plan: ImportPlan;
  columns: readonly PlannedColumn[];
  onChange(index: number, patch: Partial<PlannedColumn>): void;
}

/** Below this many columns a search box is only clutter. */
const FILTER_FROM = 12;
/** How many of the first rows to show for each column. */
const SAMPLE_VALUES = 3;

/**
 * One row per column of the file: its label (editable), type and role (selects), answers and first values.
 * Surveys have 30 to 200 columns, so the table scrolls in its own box under a sticky heading row, rows are
 * memoised (typing in one label re-renders one row), and a search box narrows the list.
 */
export function ColumnTable({ plan, columns, onChange }: ColumnTableProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);

  const samples = useMemo(
    () =>
      plan.columns.map((_, i) =>
        plan.sample
          .map((row) => row[i])
          .filter((value): value is string => value !== null && value !== undefined && value.trim() !== '')
          .slice(0, SAMPLE_VALUES),
      ),
    [plan],
  );
  const shown = columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => query === '' || `${column.label}\n${column.header}\n${column.name}`.toLowerCase().includes(query));

  return (
    <section className="review-columns" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('import.columns.title')}</h2>
      <p>{t('import.columns.intro')}</p>
      <ColumnHelp />
      {columns.length >= FILTER_FROM && (
        <div className="form-group column-filter">
          <label htmlFor={filterId} className="label">
            {t('import.columns.filter')}
          </label>
          <input
            id={filterId}
            type="search"
            className="input input-medium"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <p role="status" className="hint column-filter-status">
            {query === ''
              ? ''
              : t('import.columns.showing', { shown: number.format(shown.length), total: number.format(columns.length) })}
          </p>
        </div>
      )}
      <div className="table-scroll" role="region" aria-label={t('import.columns.caption', { file: plan.fileName })}>
        <table className="table columns-table">
          <caption className="visually-hidden">{t('import.columns.caption', { file: plan.fileName })}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-position numeric">
                <span aria-hidden="true">#</span>
                <span className="visually-hidden">{t('import.columns.position')}</span>
              </th>
              <th scope="col" className="col-label">
                {t('import.columns.label')}
              </th>
              <th scope="col" className="col-type">
                {t('import.columns.type')}
              </th>
              <th scope="col" className="col-role">
                {t('import.columns.role')}
              </th>
              <th scope="col" className="col-options">
                {t('import.columns.options')}
              </th>
              <th scope="col" className="col-sample">
                {t('import.columns.sample')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ column, index }) => (
              <ColumnRow
                key={column.name}
                index={index}
                column={column}
                original={plan.columns[index]}
                sample={samples[index] ?? []}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>{t('import.columns.noMatch')}</p>}
    </section>
  );
}

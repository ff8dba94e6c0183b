import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crosstab, CrosstabRequest, TableVariable } from '../../../src/contract/index.js';
import { applySuppression, netMembers } from '../../../src/stats/disclosure.js';
import { formatLocales } from '../../i18n';
import { CrosstabTable } from './CrosstabTable';
import { ExportPanel } from './ExportPanel';
import { TableChart } from './TableChart';
import { numbersFor, testSentence } from './words';

/** A table as it was asked for, with what is needed to describe it (the form may have moved on since). */
export interface ShownTable {
  request: CrosstabRequest & { where: { column: string; value: string }[] };
  table: Crosstab;
  rowVariable: TableVariable | undefined;
  variables: readonly TableVariable[];
  surveyName: string;
  waveLabel: string;
  weightLabel: string | null;
}

/**
 * The table with its context (which wave, weight and respondents), the test in words, the display options, the notes
 * that explain its markers, the chart and the export. Disclosure control happens here, before anything is shown:
 * the same primary and secondary suppression as the exported file (src/stats/disclosure.ts).
 */
export function TableResult({ shown }: { shown: ShownTable }) {
  const { t, i18n } = useTranslation();
  const numbers = useMemo(() => numbersFor(formatLocales(i18n.language)), [i18n.language]);
  const [showCi, setShowCi] = useState(false);
  const [showCounts, setShowCounts] = useState(false);
  const headingId = useId();
  const notesId = useId();
  const optionIds = useId();
  const { table, request, rowVariable } = shown;

  const cells = useMemo(
    () =>
      applySuppression({
        rows: table.rows,
        cells: table.cells,
        nets: netMembers(table.rows, rowVariable?.categories ?? []),
        columnsAddUp: rowVariable?.kind !== 'multi',
      }),
    [table, rowVariable],
  );

  const title = table.colLabel ? t('tables.result.title', { row: table.rowLabel, col: table.colLabel }) : table.rowLabel;
  const sentence = testSentence(t, table, numbers);
  const withheld = cells.filter((c) => c.shown === 'c').length;
  const secondary = cells.filter((c) => c.secondary).length;
  const hidden = cells.some((c) => c.shown === 'x');
  const low = cells.some((c) => c.low) || table.bases.some((b) => b.flag === 'low');
  const nets = table.rows.some((r) => r.kind === 'top2' || r.kind === 'bottom2');

  return (
    <section className="table-result" aria-labelledby={headingId}>
      <h2 id={headingId} className="table-result-title" tabIndex={-1}>
        {title}
      </h2>
      <ul className="table-context">
        <li>{t('tables.result.wave', { survey: shown.surveyName, wave: shown.waveLabel })}</li>
        <li>{shown.weightLabel ? t('tables.result.weighted', { weight: shown.weightLabel }) : t('tables.result.unweighted')}</li>
        <li>{filterWords(t, request.where, shown.variables)}</li>
      </ul>
      {sentence && <p className="table-test">{sentence}</p>}
      {!sentence && table.colLabel && <p className="table-test">{t('tables.test.none')}</p>}

      <fieldset className="fieldset table-options">
        <legend className="visually-hidden">{t('tables.result.options')}</legend>
        <div className="checkboxes">
          <div className="checkbox">
            <input id={`${optionIds}-ci`} type="checkbox" className="checkbox-input" checked={showCi} onChange={(e) => setShowCi(e.target.checked)} />
            <label htmlFor={`${optionIds}-ci`} className="checkbox-label">
              {t('tables.result.showCi')}
            </label>
          </div>
          <div className="checkbox">
            <input id={`${optionIds}-n`} type="checkbox" className="checkbox-input" checked={showCounts} onChange={(e) => setShowCounts(e.target.checked)} />
            <label htmlFor={`${optionIds}-n`} className="checkbox-label">
              {t('tables.result.showCounts')}
            </label>
          </div>
        </div>
      </fieldset>

      <CrosstabTable table={table} cells={cells} title={title} numbers={numbers} showCi={showCi} showCounts={showCounts} notesId={notesId} />

      <div id={notesId} className="table-notes">
        <h3 className="table-notes-title">{t('tables.notes.title')}</h3>
        <ul>
          {withheld > 0 && (
            <li data-note="c">
              {t('tables.notes.confidential', { count: withheld })}
              {secondary > 0 && ` ${t('tables.notes.secondary', { count: secondary })}`}
            </li>
          )}
          {hidden && <li data-note="x">{t('tables.notes.hidden')}</li>}
          {low && <li data-note="low">{t('tables.notes.low')}</li>}
          {nets && <li>{t('tables.notes.nets')}</li>}
          {showCi && <li>{t('tables.notes.ci')}</li>}
          {showCounts && <li>{t('tables.notes.counts')}</li>}
          {table.weight && <li>{t('tables.notes.weighted')}</li>}
          {table.notes.map((note) => (
            <li key={note} lang="en-GB">
              {note}
            </li>
          ))}
        </ul>
      </div>

      <TableChart table={table} cells={cells} title={title} numbers={numbers} />

      <ExportPanel request={request} title={title} waveLabel={shown.waveLabel} />
    </section>
  );
}

/** The filters in words: "All respondents", or "Only respondents whose Sex is Female and whose Ward is Castle". */
function filterWords(t: TFunction, where: readonly { column: string; value: string }[], variables: readonly TableVariable[]): string {
  if (where.length === 0) return t('tables.result.allFiltered');
  const byColumn = new Map<string, string[]>();
  for (const f of where) byColumn.set(f.column, [...(byColumn.get(f.column) ?? []), f.value]);
  const clauses = [...byColumn].map(([column, values]) =>
    t('tables.result.filterClause', { question: variables.find((v) => v.name === column)?.label ?? column, answers: values.join(t('tables.result.orJoin')) }),
  );
  return t('tables.result.filtered', { clauses: clauses.join(t('tables.result.andJoin')) });
}

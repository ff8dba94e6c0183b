import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Benchmark, ColumnInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import type { Loadable } from '../data/useLoad';
import { benchmarkFor, cellKey, gridCells, marginTotal, parseFigure, PERCENT_SLACK, type MarginCounts, type MarginDraft, type MarginUnit } from './draft';
import { marginLabel, useFormats, type Formats } from './words';

interface MarginEditorProps {
  number: number;
  draft: MarginDraft;
  columns: readonly ColumnInfo[];
  /** Per variable, the grid's categories. */
  categories: string[][];
  counts: Loadable<MarginCounts> | undefined;
  benchmark: Benchmark | null;
  /** Problems found when Preview was last pressed, in words, and the cells they are about. */
  errors: string[];
  invalidCells: ReadonlySet<string>;
  /** When this margin is in percentages: what they are percentages of, for the hint. */
  percentOf: { margin: string; total: number } | null;
  onUnit(unit: MarginUnit): void;
  onFigure(key: string, typed: string): void;
  onFillFromBenchmark(): void;
  onRemove(): void;
}

/** The id of a figure's field, so the error summary can take the user to it. */
export function figureId(draft: MarginDraft, values: readonly string[], categories: readonly string[][]): string {
  const index = categories.map((c, i) => c.indexOf(values[i]!)).join('-');
  return `${draft.id}-figure-${index}`;
}

/** One margin: where its figures came from, counts or percentages, and a grid of categories to fill in. */
export function MarginEditor(props: MarginEditorProps) {
  const { number, draft, columns, counts, benchmark, errors, percentOf, onUnit, onFillFromBenchmark, onRemove } = props;
  const { t } = useTranslation();
  const format = useFormats();
  const base = useId();
  const name = marginLabel(columns, draft.variables);
  const errorId = `${base}-errors`;
  const column = columns.find((c) => c.name === draft.variables[0]);
  const fromBenchmark = draft.variables.length === 1 ? benchmarkFor(benchmark, column) : undefined;
  const percentSum = draft.unit === 'percent' ? marginTotal(draft, gridCells(props.categories)) : 0;

  return (
    <fieldset className={errors.length > 0 ? 'card margin-card form-group-error' : 'card margin-card'} aria-describedby={errors.length > 0 ? errorId : undefined}>
      <legend className="legend margin-legend">{t('weighting.margin.legend', { number, name })}</legend>
      <Source draft={draft} />
      {errors.length > 0 && (
        <div id={errorId}>
          {errors.map((message) => (
            <p key={message} className="error-message">
              <span className="visually-hidden">{t('errors.prefix')}</span> {message}
            </p>
          ))}
        </div>
      )}
      <fieldset className="fieldset fieldset-inline">
        <legend className="label">{t('weighting.margin.unit')}</legend>
        <div className="radios radios-inline">
          <Radio name={`${base}-unit`} checked={draft.unit === 'count'} label={t('weighting.margin.counts')} onChange={() => onUnit('count')} />
          <Radio name={`${base}-unit`} checked={draft.unit === 'percent'} label={t('weighting.margin.percentages')} onChange={() => onUnit('percent')} />
        </div>
      </fieldset>
      {draft.unit === 'percent' && (
        <p className="hint">
          {percentOf
            ? t('weighting.margin.percentOfMargin', { margin: percentOf.margin, total: format.whole(percentOf.total) })
            : t('weighting.margin.percentOfTotal')}
        </p>
      )}
      {counts?.state === 'loading' && <p role="status">{t('weighting.margin.counting')}</p>}
      {counts?.state === 'failed' && <ErrorAlert error={counts.error} />}
      {draft.variables.length === 1 ? <ListGrid {...props} format={format} /> : <MatrixGrid {...props} format={format} />}
      {draft.unit === 'percent' && Math.abs(percentSum - 100) > 1e-9 && Math.abs(percentSum - 100) <= PERCENT_SLACK && (
        <p className="hint">{t('weighting.margin.percentScaled', { sum: format.total(percentSum) })}</p>
      )}
      {draft.variables.length === 2 && benchmark && <p className="hint">{t('weighting.margin.benchmarkOneWay', { file: benchmark.file })}</p>}
      {draft.variables.length === 1 && benchmark && !fromBenchmark && (
        <p className="hint">{t('weighting.margin.benchmarkLacks', { file: benchmark.file, name })}</p>
      )}
      <div className="button-group button-group-tight">
        {fromBenchmark && benchmark && (
          <button type="button" className="button button-secondary" onClick={onFillFromBenchmark}>
            {t('weighting.margin.fill', { file: benchmark.file })}
            <span className="visually-hidden"> {t('weighting.margin.forMargin', { name })}</span>
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onRemove}>
          {t('weighting.margin.remove')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </fieldset>
  );
}

function Source({ draft }: { draft: MarginDraft }) {
  const { t } = useTranslation();
  const source = draft.source;
  if (!source) return null;
  const edited = source.edited ? ` ${t('weighting.margin.edited')}` : '';
  if (source.kind === 'file') return <p className="hint">{t('weighting.margin.fromFile', { file: source.file }) + edited}</p>;
  return <p className="hint">{t('weighting.margin.fromBenchmark', { file: source.file, filled: source.filled, count: source.of }) + edited}</p>;
}

type GridProps = MarginEditorProps & { format: Formats };

function respondents(counts: Loadable<MarginCounts> | undefined, values: readonly string[]): number | null {
  return counts?.state === 'ready' ? (counts.value.n.get(cellKey(values)) ?? 0) : null;
}

function FigureInput({ id, labelledBy, describedBy, invalid, value, onChange }: {
  id: string;
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="input input-figure"
      value={value}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** One variable: a row per category with its respondents and its figure, and the totals. */
function ListGrid({ draft, columns, categories, counts, invalidCells, onFigure, format }: GridProps) {
  const { t } = useTranslation();
  const base = useId();
  const cats = categories[0]!;
  const figureHeading = `${base}-figure`;
  const total = marginTotal(draft, cats.map((c) => [c]));
  const totalRespondents = cats.reduce((n, c) => n + (respondents(counts, [c]) ?? 0), 0);
  return (
    <div className="table-wrap">
      <table className="table margin-table">
        <caption className="visually-hidden">{t('weighting.margin.caption', { name: marginLabel(columns, draft.variables) })}</caption>
        <thead>
          <tr>
            <th scope="col">{marginLabel(columns, draft.variables)}</th>
            <th scope="col" className="numeric">
              {t('weighting.margin.respondents')}
            </th>
            <th scope="col" id={figureHeading} className="numeric">
              {draft.unit === 'percent' ? t('weighting.margin.percentage') : t('weighting.margin.population')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cats.map((category, i) => {
            const key = cellKey([category]);
            const n = respondents(counts, [category]);
            const rowId = `${base}-row-${i}`;
            const nId = `${base}-n-${i}`;
            return (
              <tr key={key} className={n === 0 ? 'margin-empty-row' : undefined}>
                <th scope="row" id={rowId} className="respondent-text">
                  {category}
                </th>
                <td className="numeric" id={nId}>
                  {n === null ? '' : format.whole(n)}
                </td>
                <td className="numeric">
                  <FigureInput
                    id={figureId(draft, [category], categories)}
                    labelledBy={`${rowId} ${figureHeading}`}
                    invalid={invalidCells.has(key)}
                    value={draft.figures[key] ?? ''}
                    onChange={(typed) => onFigure(key, typed)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('weighting.margin.total')}</th>
            <td className="numeric">{counts?.state === 'ready' ? format.whole(totalRespondents) : ''}</td>
            <td className="numeric margin-total">{draft.unit === 'percent' ? `${format.total(total)}%` : format.total(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Two variables interlocked: the first down the side, the second across, with row and column totals. */
function MatrixGrid({ draft, columns, categories, counts, invalidCells, onFigure, format }: GridProps) {
  const { t } = useTranslation();
  const base = useId();
  const [rows, cols] = categories as [string[], string[]];
  const figure = (r: string, c: string) => {
    const value = parseFigure(draft.figures[cellKey([r, c])]);
    return value !== null && Number.isFinite(value) ? value : 0;
  };
  const show = (value: number) => (draft.unit === 'percent' ? `${format.total(value)}%` : format.total(value));
  const grand = rows.reduce((sum, r) => sum + cols.reduce((s, c) => s + figure(r, c), 0), 0);
  return (
    <div className="table-wrap">
      <table className="table margin-table margin-matrix">
        <caption className="visually-hidden">{t('weighting.margin.caption', { name: marginLabel(columns, draft.variables) })}</caption>
        <thead>
          <tr>
            <th scope="col">
              {marginLabel(columns, [draft.variables[0]!])} <span aria-hidden="true">↓</span> {marginLabel(columns, [draft.variables[1]!])}{' '}
              <span aria-hidden="true">→</span>
            </th>
            {cols.map((c, j) => (
              <th key={c} scope="col" id={`${base}-col-${j}`} className="numeric respondent-text">
                {c}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('weighting.margin.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r}>
              <th scope="row" id={`${base}-row-${i}`} className="respondent-text">
                {r}
              </th>
              {cols.map((c, j) => {
                const key = cellKey([r, c]);
                const n = respondents(counts, [r, c]);
                const nId = `${base}-n-${i}-${j}`;
                return (
                  <td key={c} className={n === 0 ? 'numeric margin-empty-cell' : 'numeric'}>
                    <FigureInput
                      id={figureId(draft, [r, c], categories)}
                      labelledBy={`${base}-row-${i} ${base}-col-${j}`}
                      describedBy={n === null ? undefined : nId}
                      invalid={invalidCells.has(key)}
                      value={draft.figures[key] ?? ''}
                      onChange={(typed) => onFigure(key, typed)}
                    />
                    {n !== null && (
                      <span id={nId} className="cell-respondents">
                        {t('weighting.margin.cellRespondents', { count: n, n: format.whole(n) })}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="numeric margin-total">{show(cols.reduce((s, c) => s + figure(r, c), 0))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('weighting.margin.total')}</th>
            {cols.map((c) => (
              <td key={c} className="numeric margin-total">
                {show(rows.reduce((s, r) => s + figure(r, c), 0))}
              </td>
            ))}
            <td className="numeric margin-total">{show(grand)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Radio({ name, checked, label, onChange }: { name: string; checked: boolean; label: string; onChange(): void }) {
  const id = useId();
  return (
    <div className="radio">
      <input id={id} type="radio" className="radio-input" name={name} checked={checked} onChange={onChange} />
      <label htmlFor={id} className="radio-label">
        {label}
      </label>
    </div>
  );
}

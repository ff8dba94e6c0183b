import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCancelled, type ColumnInfo, type RakeRequest, type RakeResult, type WeightInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useApi } from '../../api';
import { FormGroup } from '../../components/form/FormGroup';
import { TextField } from '../../components/form/TextField';
import { ErrorSummary } from '../import/ErrorSummary';
import { AddMargin } from './AddMargin';
import { BenchmarkPicker } from './BenchmarkPicker';
import {
  benchmarkFor,
  canBeMargin,
  categoriesOf,
  cellKey,
  fillFromBenchmark,
  gridCells,
  marginTotal,
  NO_BASE_WEIGHT,
  parseFigure,
  problemsOf,
  toRakeRequest,
  type DraftProblem,
  type MarginDraft,
} from './draft';
import { figureId, MarginEditor } from './MarginEditor';
import { PreviewResult } from './PreviewResult';
import { SaveWeight } from './SaveWeight';
import { countsKey, useMarginCounts } from './useMarginCounts';
import type { WeightingDraft } from './useWeightingDraft';
import { marginLabel, problemWords, useFormats } from './words';

interface NewWeightProps {
  waveId: number;
  columns: readonly ColumnInfo[];
  weights: readonly WeightInfo[];
  draft: WeightingDraft;
  onSaved(): void;
}

type Preview =
  | { state: 'idle' }
  | { state: 'running'; stopping: boolean }
  | { state: 'done'; result: RakeResult; request: RakeRequest; key: string }
  | { state: 'failed'; error: unknown }
  | { state: 'cancelled' };

/** Building a new weight: starting weight, margins and their figures, options; Preview, then Save as. */
export function NewWeight({ waveId, columns, weights, draft, onSaved }: NewWeightProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormats();
  const ids = useFieldIds();
  const { drafts, options } = draft;
  const closed = useMemo(() => columns.filter(canBeMargin), [columns]);
  const counts = useMarginCounts(waveId, drafts.map((d) => d.variables));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const lastCount = useRef(drafts.length);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);
  // A margin just added: take the user to its first figure.
  useEffect(() => {
    if (drafts.length > lastCount.current) {
      const added = drafts[drafts.length - 1]!;
      document.getElementById(figureId(added, gridCells(categoriesFor(added))[0] ?? [], categoriesFor(added)))?.focus();
    }
    lastCount.current = drafts.length;
  });
  // A starting weight that is not one of this wave's (another wave's, or just deleted) means none.
  useEffect(() => {
    if (options.baseWeight !== NO_BASE_WEIGHT && !weights.some((w) => w.name === options.baseWeight)) draft.setOptions({ baseWeight: NO_BASE_WEIGHT });
  }, [weights, options.baseWeight]);

  function countsFor(d: MarginDraft) {
    return counts.get(countsKey(d.variables));
  }
  function categoriesFor(d: MarginDraft): string[][] {
    const found = countsFor(d);
    return d.variables.map((v, i) =>
      categoriesOf(
        columns.find((c) => c.name === v),
        found?.state === 'ready' ? found.value.found[i] : [],
        d.extra[i],
      ),
    );
  }
  const cellsOf = (d: MarginDraft) => gridCells(categoriesFor(d));
  const readyCounts = (d: MarginDraft) => {
    const found = countsFor(d);
    return found?.state === 'ready' ? found.value : undefined;
  };
  /** What the preview was made from: when it changes, the preview no longer describes the form. */
  const formKey = JSON.stringify({ waveId, drafts: drafts.map(({ variables, unit, figures, extra }) => ({ variables, unit, figures, extra })), options });
  const benchmark = draft.benchmark.state === 'read' ? draft.benchmark.benchmark : null;
  const counted = drafts.find((d) => d.unit === 'count');

  const targetOf = (problem: DraftProblem): string => {
    switch (problem.kind) {
      case 'noMargins':
        return ids.addVariable;
      case 'percentTotal':
        return ids.percentTotal;
      case 'trim':
        return ids.trimK;
      default: {
        const d = drafts.find((x) => x.id === problem.margin)!;
        const cats = categoriesFor(d);
        const cell = 'cell' in problem ? problem.cell : (gridCells(cats)[0] ?? []);
        return figureId(d, cell, cats);
      }
    }
  };

  async function runPreview(event: FormEvent) {
    event.preventDefault();
    const found = problemsOf(drafts, options, cellsOf, readyCounts);
    setProblems(found);
    if (found.length > 0) return;
    controller.current?.abort();
    const call = new AbortController();
    controller.current = call;
    const request = toRakeRequest(waveId, drafts, options, cellsOf);
    const key = formKey;
    setPreview({ state: 'running', stopping: false });
    try {
      const result = await api.call('weights.preview', request, { signal: call.signal });
      if (controller.current === call) setPreview({ state: 'done', result, request, key });
    } catch (error) {
      if (controller.current !== call) return;
      setPreview(isCancelled(error) || call.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error });
    }
  }

  const cancel = () => {
    setPreview({ state: 'running', stopping: true });
    controller.current?.abort();
  };

  const invalid = (d: MarginDraft): Set<string> => {
    const cells = new Set<string>();
    for (const p of problems) {
      if (!('margin' in p) || p.margin !== d.id) continue;
      if (p.kind === 'empty') for (const values of cellsOf(d)) if (parseFigure(d.figures[cellKey(values)]) === null) cells.add(cellKey(values));
      if (p.kind === 'notNumber' || p.kind === 'noRespondents') cells.add(cellKey(p.cell));
    }
    return cells;
  };

  const addDraft = (added: MarginDraft) => {
    const column = columns.find((c) => c.name === added.variables[0]);
    const figures = added.variables.length === 1 && Object.keys(added.figures).length === 0 ? benchmarkFor(benchmark, column) : undefined;
    draft.add(figures && benchmark ? fillFromBenchmark(added, figures, categoriesFor(added)[0]!, benchmark.file) : added);
  };

  const running = preview.state === 'running';
  const stale = preview.state === 'done' && preview.key !== formKey;

  return (
    <section className="weighting-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('weighting.new.title')}</h2>
      <p>{t('weighting.new.intro')}</p>
      {problems.length > 0 && (
        <ErrorSummary ref={summaryRef} errors={problems.map((p) => ({ target: targetOf(p), message: problemWords(t, p, drafts, columns) }))} />
      )}

      <FormGroup id={ids.baseWeight} label={t('weighting.new.baseWeight')} hint={t('weighting.new.baseWeightHint')}>
        {(aria) => (
          <select
            id={ids.baseWeight}
            className="select"
            value={options.baseWeight}
            {...aria}
            onChange={(event) => draft.setOptions({ baseWeight: event.target.value })}
          >
            <option value={NO_BASE_WEIGHT}>{t('weighting.new.noBaseWeight')}</option>
            {weights.map((w) => (
              <option key={w.name} value={w.name}>
                {w.kind === 'design'
                  ? t('weighting.new.designOption', { name: w.name, label: columns.find((c) => c.name === w.name)?.label || w.name })
                  : t('weighting.new.rakedOption', { name: w.name })}
              </option>
            ))}
          </select>
        )}
      </FormGroup>

      <BenchmarkPicker draft={draft} />

      <h3>{t('weighting.new.margins')}</h3>
      <p className="hint">{t('weighting.new.marginsHint')}</p>
      {drafts.length === 0 && <p className="inset">{t('weighting.new.noMargins')}</p>}
      <div className="card-stack margin-stack">
        {drafts.map((d, i) => {
          const cats = categoriesFor(d);
          return (
            <MarginEditor
              key={d.id}
              number={i + 1}
              draft={d}
              columns={columns}
              categories={cats}
              counts={countsFor(d)}
              benchmark={benchmark}
              errors={problems.filter((p) => 'margin' in p && p.margin === d.id).map((p) => problemWords(t, p, drafts, columns))}
              invalidCells={invalid(d)}
              percentOf={counted && counted !== d ? { margin: marginLabel(columns, counted.variables), total: marginTotal(counted, cellsOf(counted)) } : null}
              onUnit={(unit) => draft.setUnit(d.id, unit)}
              onFigure={(key, typed) => draft.setFigure(d.id, key, typed)}
              onFillFromBenchmark={() => {
                const figures = benchmarkFor(benchmark, columns.find((c) => c.name === d.variables[0]));
                if (figures && benchmark) draft.replace(d.id, fillFromBenchmark(d, figures, categoriesOf(columns.find((c) => c.name === d.variables[0]), readyCounts(d)?.found[0]), benchmark.file));
              }}
              onRemove={() => draft.remove(d.id)}
            />
          );
        })}
      </div>
      <AddMargin variableId={ids.addVariable} closed={closed} columns={columns} drafts={drafts} draft={draft} onAdd={addDraft} />

      <form onSubmit={(event) => void runPreview(event)} noValidate className="weighting-options">
        <h3>{t('weighting.options.title')}</h3>
        {drafts.length > 0 && drafts.every((d) => d.unit === 'percent') && (
          <TextField
            id={ids.percentTotal}
            label={t('weighting.options.percentTotal')}
            hint={t('weighting.options.percentTotalHint')}
            value={options.percentTotal}
            error={problems.some((p) => p.kind === 'percentTotal') ? t('weighting.problems.percentTotal') : undefined}
            onChange={(percentTotal) => draft.setOptions({ percentTotal })}
            width="medium"
            inputMode="decimal"
          />
        )}
        <Checkbox
          checked={options.excludeMissing}
          label={t('weighting.options.excludeMissing')}
          hint={t('weighting.options.excludeMissingHint')}
          onChange={(excludeMissing) => draft.setOptions({ excludeMissing })}
        />
        <Checkbox
          checked={options.rescale}
          label={t('weighting.options.rescale')}
          hint={t('weighting.options.rescaleHint')}
          onChange={(rescale) => draft.setOptions({ rescale })}
        />
        <Checkbox checked={options.trim} label={t('weighting.options.trim')} hint={t('weighting.options.trimHint')} onChange={(trim) => draft.setOptions({ trim })} />
        {options.trim && (
          <div className="radio-conditional">
            <TextField
              id={ids.trimK}
              label={t('weighting.options.trimK')}
              hint={t('weighting.options.trimKHint')}
              value={options.trimK}
              error={problems.some((p) => p.kind === 'trim') ? t('weighting.problems.trim') : undefined}
              onChange={(trimK) => draft.setOptions({ trimK })}
              width="year"
              inputMode="decimal"
            />
          </div>
        )}
        <p className="secondary">{t('weighting.new.previewHint')}</p>
        <div className="button-group">
          <button type="submit" className="button" disabled={running}>
            {running ? t('weighting.new.previewing') : t('weighting.new.preview')}
          </button>
          {running && (
            <button type="button" className="button button-secondary" onClick={cancel} disabled={preview.stopping}>
              {preview.stopping ? t('import.stopping') : t('import.cancel')}
            </button>
          )}
        </div>
        <p role="status" className={running || preview.state === 'cancelled' ? 'inset' : 'visually-hidden'}>
          {running ? t('weighting.new.working') : preview.state === 'cancelled' ? t('weighting.new.cancelled') : ''}
        </p>
      </form>

      {preview.state === 'failed' && <ErrorAlert error={preview.error} about="weighting" />}
      {preview.state === 'done' && (
        <>
          {stale && (
            <p className="warning-panel" role="status">
              {t('weighting.new.stale')}
            </p>
          )}
          <PreviewResult result={preview.result} columns={columns} format={format} />
          {!stale && (
            <SaveWeight key={preview.key} waveId={waveId} request={preview.request} columns={columns} weights={weights} onSaved={onSaved} />
          )}
        </>
      )}
    </section>
  );
}

function useFieldIds() {
  const base = useId();
  return {
    heading: `${base}-heading`,
    baseWeight: `${base}-base`,
    addVariable: `${base}-add-variable`,
    percentTotal: `${base}-percent-total`,
    trimK: `${base}-trim-k`,
  };
}

function Checkbox({ checked, label, hint, onChange }: { checked: boolean; label: string; hint: string; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="radio checkbox">
      <input
        id={id}
        type="checkbox"
        className="radio-input"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="radio-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="hint radio-hint">
        {hint}
      </p>
    </div>
  );
}

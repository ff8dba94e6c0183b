import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { FormGroup } from '../../components/form/FormGroup';
import { LookupFilePicker } from '../locality/LookupFilePicker';
import { draftFromMarginsFile, type MarginDraft } from './draft';
import type { WeightingDraft } from './useWeightingDraft';
import { marginLabel } from './words';

interface AddMarginProps {
  /** The first select's id, for the error summary's "add a margin" link. */
  variableId: string;
  closed: readonly ColumnInfo[];
  columns: readonly ColumnInfo[];
  drafts: readonly MarginDraft[];
  draft: WeightingDraft;
  onAdd(draft: MarginDraft): void;
}

const NONE = '';

/** A new margin: one variable, or two interlocked; or a margin read from a margins file. */
export function AddMargin({ variableId, closed, columns, drafts, draft, onAdd }: AddMarginProps) {
  const { t } = useTranslation();
  const base = useId();
  const [first, setFirst] = useState(NONE);
  const [second, setSecond] = useState(NONE);
  const [error, setError] = useState<{ field: 'first' | 'second'; message: string } | null>(null);
  const [filePath, setFilePath] = useState('');
  const [fileState, setFileState] = useState<{ state: 'idle' | 'reading' } | { state: 'failed'; error: unknown } | { state: 'problem'; message: string }>({
    state: 'idle',
  });
  const call = useRef<AbortController | null>(null);
  useEffect(() => () => call.current?.abort(), []);

  const exists = (variables: string[]) =>
    drafts.some((d) => d.variables.length === variables.length && d.variables.every((v) => variables.includes(v)));

  const add = (event: FormEvent) => {
    event.preventDefault();
    const variables = [first, second].filter((v) => v !== NONE);
    if (first === NONE) return setError({ field: 'first', message: t('weighting.add.chooseVariable') });
    if (first === second) return setError({ field: 'second', message: t('weighting.add.different') });
    if (exists(variables)) return setError({ field: 'first', message: t('weighting.add.exists', { name: marginLabel(columns, variables) }) });
    setError(null);
    onAdd({ id: draft.newId(), variables, unit: 'count', figures: {}, extra: variables.map(() => []), source: null });
    setFirst(NONE);
    setSecond(NONE);
  };

  const addFromFile = async () => {
    const path = filePath.trim();
    if (path === '') return setFileState({ state: 'problem', message: t('weighting.add.fileRequired') });
    call.current?.abort();
    const controller = new AbortController();
    call.current = controller;
    setFileState({ state: 'reading' });
    try {
      const { margin, file } = await draft.readMarginsFile(path, controller.signal);
      const made = draftFromMarginsFile(draft.newId(), margin, columns, file);
      if ('unknown' in made) {
        return setFileState({ state: 'problem', message: t('weighting.add.fileUnknown', { file, names: made.unknown.join(', ') }) });
      }
      if (exists(made.draft.variables)) {
        return setFileState({ state: 'problem', message: t('weighting.add.exists', { name: marginLabel(columns, made.draft.variables) }) });
      }
      setFileState({ state: 'idle' });
      setFilePath('');
      onAdd(made.draft);
    } catch (err) {
      if (!controller.signal.aborted) setFileState({ state: 'failed', error: err });
    }
  };

  return (
    <div className="add-margin">
      <form onSubmit={add} noValidate className="card">
        <h4 className="add-margin-title">{t('weighting.add.title')}</h4>
        <div className="add-margin-fields">
          <FormGroup id={variableId} label={t('weighting.add.variable')} error={error?.field === 'first' ? error.message : undefined}>
            {(aria) => (
              <select id={variableId} className="select" value={first} {...aria} onChange={(event) => setFirst(event.target.value)}>
                <option value={NONE}>{t('weighting.add.choose')}</option>
                {closed.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.label || c.name}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <FormGroup
            id={`${base}-second`}
            label={t('weighting.add.second')}
            hint={t('weighting.add.secondHint')}
            error={error?.field === 'second' ? error.message : undefined}
          >
            {(aria) => (
              <select id={`${base}-second`} className="select" value={second} {...aria} onChange={(event) => setSecond(event.target.value)}>
                <option value={NONE}>{t('weighting.add.noSecond')}</option>
                {closed.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.label || c.name}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
        </div>
        <button type="submit" className="button button-secondary">
          {t('weighting.add.submit')}
        </button>
      </form>
      <details className="details add-margin-file">
        <summary className="details-summary">{t('weighting.add.fromFile')}</summary>
        <div className="card">
          <p className="hint">{t('weighting.add.fromFileIntro')}</p>
          {fileState.state === 'failed' && <ErrorAlert error={fileState.error} about="weighting" />}
          {fileState.state === 'problem' && (
            <p className="error-message" role="alert">
              <span className="visually-hidden">{t('errors.prefix')}</span> {fileState.message}
            </p>
          )}
          <LookupFilePicker
            id={`${base}-file`}
            label={t('weighting.add.file')}
            hint={t('weighting.add.fileHint')}
            shellHint={t('weighting.add.fileShellHint')}
            dialogTitle={t('weighting.add.fileDialog')}
            filterName={t('locality.form.filterCsv')}
            path={filePath}
            onChange={setFilePath}
          />
          <button type="button" className="button button-secondary" onClick={() => void addFromFile()} disabled={fileState.state === 'reading'}>
            {fileState.state === 'reading' ? t('weighting.add.reading') : t('weighting.add.fileSubmit')}
          </button>
        </div>
      </details>
    </div>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo, RakeRequest, RakeResult, WeightInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { TextField } from '../../components/form/TextField';
import { nameProblem } from './draft';
import { nameWords, useFormats } from './words';

interface SaveWeightProps {
  waveId: number;
  /** Exactly what was previewed: the saved weights are those figures. */
  request: RakeRequest;
  columns: readonly ColumnInfo[];
  weights: readonly WeightInfo[];
  onSaved(): void;
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; result: RakeResult } | { state: 'failed'; error: unknown };

/** Save as: a name no other weight or column of the wave has, then the same raking again, saved. */
export function SaveWeight({ waveId, request, columns, weights, onSaved }: SaveWeightProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormats();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const doneRef = useRef<HTMLDivElement>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (saving.state === 'saved') doneRef.current?.focus();
  }, [saving.state]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problem = nameProblem(
      name,
      weights.map((w) => w.name),
      columns,
    );
    setError(problem ? nameWords(t, problem, name) : undefined);
    if (problem) {
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    const call = new AbortController();
    controller.current = call;
    setSaving({ state: 'saving' });
    try {
      const result = await api.call('weights.rake', { ...request, waveId, name: name.trim() }, { signal: call.signal });
      if (call.signal.aborted) return;
      setSaving({ state: 'saved', result });
      onSaved();
    } catch (err) {
      if (!call.signal.aborted) setSaving({ state: 'failed', error: err });
    }
  };

  if (saving.state === 'saved') {
    return (
      <div className="panel-confirmation weighting-saved" role="status" tabIndex={-1} ref={doneRef}>
        <h2 className="panel-title">{t('weighting.save.savedTitle', { name: saving.result.name })}</h2>
        <p className="panel-body-text">
          {t('weighting.save.savedBody', { efficiency: format.percent(saving.result.efficiency), nEff: format.whole(saving.result.nEff) })}
        </p>
        <p className="panel-body-text">
          <a className="panel-link" href={hrefFor({ page: 'tables' })}>
            {t('weighting.save.useInTables')}
          </a>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="card weighting-save">
      <h3>{t('weighting.save.title')}</h3>
      <TextField
        id={`${id}-name`}
        label={t('weighting.save.name')}
        hint={t('weighting.save.nameHint')}
        value={name}
        error={error}
        onChange={setName}
        width="medium"
      />
      {saving.state === 'failed' && <ErrorAlert error={saving.error} about="weighting" />}
      <button type="submit" className="button" disabled={saving.state === 'saving'}>
        {saving.state === 'saving' ? t('weighting.save.saving') : t('weighting.save.submit')}
      </button>
    </form>
  );
}

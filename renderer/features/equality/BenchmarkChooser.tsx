import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedBenchmark } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { FormGroup } from '../../components/form/FormGroup';
import { TextField } from '../../components/form/TextField';
import { LookupFilePicker } from '../locality/LookupFilePicker';
import { EqualityError } from './EqualityError';

interface BenchmarkChooserProps {
  benchmarks: readonly SavedBenchmark[];
  benchmarkId: number | null;
  onChoose(id: number): void;
  /** After a benchmark is saved: read the list again and choose it. */
  onSaved(benchmark: SavedBenchmark): void;
}

/**
 * Which population the respondents are compared with: a benchmark saved in the project, or one read from a file now
 * (an ONS Census 2021 custom dataset for the council's area, a `category,population` file, or one like the sample's)
 * and saved, so the report uses the same figures.
 */
export function BenchmarkChooser({ benchmarks, benchmarkId, onChoose, onSaved }: BenchmarkChooserProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [area, setArea] = useState('');
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState<{ state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: unknown }>({ state: 'idle' });
  const chosen = benchmarks.find((b) => b.id === benchmarkId);

  const save = async () => {
    if (path.trim() === '' || name.trim() === '') return setMissing(true);
    setMissing(false);
    setSaving({ state: 'saving' });
    try {
      const saved = await api.call('equality.saveBenchmark', { name: name.trim(), file: { path: path.trim(), ...(area.trim() ? { area: area.trim() } : {}) } });
      setSaving({ state: 'idle' });
      setPath('');
      setName('');
      setArea('');
      onSaved(saved);
    } catch (error) {
      setSaving({ state: 'failed', error });
    }
  };

  return (
    <section className="equality-benchmark" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('equality.benchmark.title')}</h2>
      {benchmarks.length > 0 ? (
        <FormGroup id={`${id}-choose`} label={t('equality.benchmark.choose')} hint={t('equality.benchmark.chooseHint')}>
          {(aria) => (
            <select id={`${id}-choose`} className="select" {...aria} value={benchmarkId ?? ''} onChange={(e) => onChoose(Number(e.target.value))}>
              {benchmarks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.area ? t('equality.benchmark.optionArea', { name: b.name, area: b.area.name }) : b.name}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
      ) : (
        <p className="inset">{t('equality.benchmark.none')}</p>
      )}
      {chosen && (
        <p className="hint">
          {t('equality.benchmark.about', { file: chosen.file, names: chosen.characteristics.map((c) => c.label ?? c.name).join(', ') })}
        </p>
      )}
      <details className="details">
        <summary className="details-summary">{t('equality.benchmark.add')}</summary>
        <div className="details-text">
          <p className="hint">{t('equality.benchmark.addHint')}</p>
          <LookupFilePicker
            id={`${id}-file`}
            label={t('equality.benchmark.file')}
            hint={t('equality.benchmark.fileHint')}
            shellHint={t('equality.benchmark.fileShellHint')}
            dialogTitle={t('equality.benchmark.dialog')}
            filterName={t('locality.form.filterCsv')}
            path={path}
            onChange={setPath}
          />
          <TextField id={`${id}-area`} label={t('equality.benchmark.area')} hint={t('equality.benchmark.areaHint')} value={area} onChange={setArea} />
          <TextField id={`${id}-name`} label={t('equality.benchmark.name')} hint={t('equality.benchmark.nameHint')} value={name} onChange={setName} />
          {missing && (
            <p className="error-message" role="alert">
              <span className="visually-hidden">{t('errors.prefix')}</span> {t('equality.benchmark.required')}
            </p>
          )}
          <button type="button" className="button button-secondary" onClick={() => void save()} disabled={saving.state === 'saving'}>
            {saving.state === 'saving' ? t('equality.benchmark.saving') : t('equality.benchmark.save')}
          </button>
          {saving.state === 'failed' && <EqualityError error={saving.error} />}
        </div>
      </details>
    </section>
  );
}

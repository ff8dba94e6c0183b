import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { LookupFilePicker } from '../locality/LookupFilePicker';
import type { WeightingDraft } from './useWeightingDraft';

/**
 * The population benchmark (characteristic, category, population), read once; its figures then fill any margin
 * over a characteristic it has. Optional: figures can be typed instead.
 */
export function BenchmarkPicker({ draft }: { draft: WeightingDraft }) {
  const { t } = useTranslation();
  const id = useId();
  const [required, setRequired] = useState(false);
  const { benchmark, benchmarkPath } = draft;

  const read = (path: string) => {
    if (path.trim() === '') return setRequired(true);
    setRequired(false);
    void draft.readBenchmark(path.trim());
  };

  return (
    <section className="benchmark" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('weighting.benchmark.title')}</h3>
      <p className="hint">{t('weighting.benchmark.intro')}</p>
      <LookupFilePicker
        id={`${id}-file`}
        label={t('weighting.benchmark.file')}
        hint={t('weighting.benchmark.fileHint')}
        shellHint={t('weighting.benchmark.fileShellHint')}
        dialogTitle={t('weighting.benchmark.dialog')}
        filterName={t('locality.form.filterCsv')}
        path={benchmarkPath}
        onChange={(path) => {
          draft.setBenchmarkPath(path);
          // In the desktop app the dialog gives a file: read it straight away.
          if (window.heardShell && path) read(path);
        }}
      />
      {required && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t('errors.prefix')}</span> {t('weighting.benchmark.required')}
        </p>
      )}
      {!window.heardShell && (
        <button type="button" className="button button-secondary" onClick={() => read(benchmarkPath)} disabled={benchmark.state === 'reading'}>
          {benchmark.state === 'reading' ? t('weighting.benchmark.reading') : t('weighting.benchmark.read')}
        </button>
      )}
      <div role="status">
        {benchmark.state === 'read' && (
          <p className="inset">
            {t('weighting.benchmark.readDone', {
              file: benchmark.benchmark.file,
              count: benchmark.benchmark.characteristics.length,
              names: benchmark.benchmark.characteristics.map((c) => c.name).join(', '),
            })}
          </p>
        )}
      </div>
      {benchmark.state === 'failed' && <ErrorAlert error={benchmark.error} about="weighting" />}
    </section>
  );
}

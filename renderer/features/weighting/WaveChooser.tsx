import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { useFormats } from './words';

interface WaveChooserProps {
  surveys: readonly SurveySummary[];
  waveId: number;
  onChange(waveId: number): void;
  /** What the pair is for, read by screen readers (default: the wave to weight). */
  legend?: string;
}

/** Which survey and wave to weight. Choosing another survey goes to its latest wave. */
export function WaveChooser({ surveys, waveId, onChange, legend }: WaveChooserProps) {
  const { t } = useTranslation();
  const format = useFormats();
  const base = useId();
  const withWaves = surveys.filter((s) => s.waves.length > 0);
  const survey = withWaves.find((s) => s.waves.some((w) => w.id === waveId)) ?? withWaves[0]!;
  return (
    <fieldset className="fieldset weighting-chooser">
      <legend className="visually-hidden">{legend ?? t('weighting.chooser.legend')}</legend>
      <FormGroup id={`${base}-survey`} label={t('weighting.chooser.survey')}>
        {(aria) => (
          <select
            id={`${base}-survey`}
            className="select"
            value={survey.id}
            {...aria}
            onChange={(event) => {
              const next = withWaves.find((s) => s.id === Number(event.target.value));
              if (next) onChange(next.waves[next.waves.length - 1]!.id);
            }}
          >
            {withWaves.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
      <FormGroup id={`${base}-wave`} label={t('weighting.chooser.wave')}>
        {(aria) => (
          <select id={`${base}-wave`} className="select" value={waveId} {...aria} onChange={(event) => onChange(Number(event.target.value))}>
            {survey.waves.map((w) => (
              <option key={w.id} value={w.id}>
                {t('weighting.chooser.waveOption', { wave: w.label, count: w.rowCount, rows: format.whole(w.rowCount) })}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
    </fieldset>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapMethod, SurveySummary } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { latestWave } from '../tables/choice';
import type { WeightOption } from '../tables/useWaveOptions';
import type { GapChoice } from './choice';
import { methodWords } from './words';

interface GapFormProps {
  surveys: readonly SurveySummary[];
  choice: GapChoice;
  weights: readonly WeightOption[] | null;
  onChange(choice: GapChoice): void;
}

const METHODS: GapMethod[] = ['own', 'paired', 'mean'];

/** Which wave, which weight, and which of the three gaps: every change shows its figures at once. */
export function GapForm({ surveys, choice, weights, onChange }: GapFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const survey = surveys.find((s) => s.id === choice.surveyId);
  const update = (patch: Partial<GapChoice>) => onChange({ ...choice, ...patch });
  return (
    <form className="gaps-form" aria-label={t('gaps.form.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="tables-form-pair">
        <FormGroup id={`${base}-survey`} label={t('gaps.form.survey')}>
          {(aria) => (
            <select
              id={`${base}-survey`}
              className="select"
              {...aria}
              value={choice.surveyId}
              onChange={(event) => {
                const next = surveys.find((s) => s.id === Number(event.target.value));
                const wave = next && latestWave(next);
                if (next && wave) update({ surveyId: next.id, waveId: wave.id, weight: '' });
              }}
            >
              {surveys
                .filter((s) => s.waves.length > 0)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          )}
        </FormGroup>
        <FormGroup id={`${base}-wave`} label={t('gaps.form.wave')}>
          {(aria) => (
            <select id={`${base}-wave`} className="select" {...aria} value={choice.waveId} onChange={(event) => update({ waveId: Number(event.target.value) })}>
              {(survey?.waves ?? []).map((w) => (
                <option key={w.id} value={w.id}>
                  {w.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <FormGroup id={`${base}-weight`} label={t('gaps.form.weight')} hint={t('gaps.form.weightHint')}>
          {(aria) => (
            <select id={`${base}-weight`} className="select" {...aria} value={choice.weight} disabled={weights === null} onChange={(event) => update({ weight: event.target.value })}>
              <option value="">{t('gaps.form.weightNone')}</option>
              {(weights ?? []).map((w) => (
                <option key={w.name} value={w.name}>
                  {w.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
      </div>

      <fieldset className="fieldset gaps-method" aria-describedby={`${base}-method-hint`}>
        <legend className="legend">{t('gaps.form.method')}</legend>
        <p id={`${base}-method-hint`} className="hint">
          {t('gaps.form.methodHint')}
        </p>
        <div className="radios">
          {METHODS.map((method) => (
            <div className="radio" key={method}>
              <input
                id={`${base}-method-${method}`}
                type="radio"
                name={`${base}-method`}
                className="radio-input"
                checked={choice.method === method}
                aria-describedby={`${base}-method-${method}-hint`}
                onChange={() => update({ method })}
              />
              <label htmlFor={`${base}-method-${method}`} className="radio-label">
                {methodWords(t, method).name}
              </label>
              <p id={`${base}-method-${method}-hint`} className="hint radio-hint">
                {methodWords(t, method).hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

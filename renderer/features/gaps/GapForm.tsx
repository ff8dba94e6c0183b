import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapMethod, SurveySummary } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { SurveyWaveFields } from '../tables/SurveyWaveFields';
import { WeightField } from '../tables/WeightField';
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
  const update = (patch: Partial<GapChoice>) => onChange({ ...choice, ...patch });
  return (
    <form className="gaps-form" aria-label={t('gaps.form.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="gaps-form-row">
        <SurveyWaveFields
          ids={{ survey: `${base}-survey`, wave: `${base}-wave` }}
          surveys={surveys}
          surveyId={choice.surveyId}
          waveId={choice.waveId}
          onChange={({ surveyId, waveId }) => update(surveyId === choice.surveyId ? { waveId } : { surveyId, waveId, weight: '' })}
        />
        <FormGroup id={`${base}-method`} label={t('gaps.form.method')} hint={methodWords(t, choice.method).hint}>
          {(aria) => (
            <select id={`${base}-method`} className="select" {...aria} value={choice.method} onChange={(event) => update({ method: event.target.value as GapMethod })}>
              {METHODS.map((method) => (
                <option key={method} value={method}>
                  {methodWords(t, method).name}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <WeightField id={`${base}-weight`} value={choice.weight} weights={weights ?? []} hint={t('gaps.form.weightHint')} disabled={weights === null} onChange={(weight) => update({ weight })} />
      </div>

    </form>
  );
}

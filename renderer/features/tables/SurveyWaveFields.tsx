import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { latestWave } from './choice';

interface SurveyWaveFieldsProps {
  /** Ids for the two selects. */
  ids: { survey: string; wave: string };
  surveys: readonly SurveySummary[];
  surveyId: number;
  waveId: number;
  /** A new survey comes with its latest wave. */
  onChange(choice: { surveyId: number; waveId: number }): void;
}

/** Which survey, and which of its waves: the first two fields of every analysis page. */
export function SurveyWaveFields({ ids, surveys, surveyId, waveId, onChange }: SurveyWaveFieldsProps) {
  const { t } = useTranslation();
  const survey = surveys.find((s) => s.id === surveyId);
  return (
    <>
      <FormGroup id={ids.survey} label={t('tables.form.survey')}>
        {(aria) => (
          <select
            id={ids.survey}
            className="select"
            {...aria}
            value={surveyId}
            onChange={(event) => {
              const next = surveys.find((s) => s.id === Number(event.target.value));
              const wave = next && latestWave(next);
              if (next && wave) onChange({ surveyId: next.id, waveId: wave.id });
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
      <FormGroup id={ids.wave} label={t('tables.form.wave')}>
        {(aria) => (
          <select id={ids.wave} className="select" {...aria} value={waveId} onChange={(event) => onChange({ surveyId, waveId: Number(event.target.value) })}>
            {(survey?.waves ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
    </>
  );
}

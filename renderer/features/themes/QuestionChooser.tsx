import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { WaveChooser } from '../weighting/WaveChooser';

export interface QuestionChoice {
  waveId: number;
  question: string;
}

export interface TextQuestionOption {
  question: string;
  label: string;
  responses: number;
}

interface QuestionChooserProps {
  surveys: readonly SurveySummary[];
  choice: QuestionChoice;
  /** Null while the wave's free-text questions load. */
  questions: readonly TextQuestionOption[] | null;
  onChange(choice: QuestionChoice): void;
}

/** Which free-text question to code: survey and wave (as on the Weighting page), then the question. */
export function QuestionChooser({ surveys, choice, questions, onChange }: QuestionChooserProps) {
  const { t } = useTranslation();
  const id = `${useId()}-question`;
  return (
    <div className="themes-chooser">
      <WaveChooser surveys={surveys} waveId={choice.waveId} legend={t('themes.choose.legend')} onChange={(waveId) => onChange({ waveId, question: '' })} />
      <FormGroup id={id} label={t('themes.choose.question')} hint={questions?.length === 0 ? t('themes.choose.noText') : undefined}>
        {(aria) => (
          <select id={id} className="select" {...aria} value={choice.question} disabled={!questions || questions.length === 0} onChange={(event) => onChange({ ...choice, question: event.target.value })}>
            <option value="">{t('themes.choose.questionPlaceholder')}</option>
            {(questions ?? []).map((q) => (
              <option key={q.question} value={q.question}>
                {t('themes.choose.questionOption', { label: q.label, n: q.responses.toLocaleString('en-GB') })}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
    </div>
  );
}

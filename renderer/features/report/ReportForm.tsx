import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage, SurveySummary } from '../../../src/contract/index.js';
import { SurveyWaveFields } from '../tables/SurveyWaveFields';
import { earlierWaves, previousWave, type ReportChoice } from './choice';
import { SectionOrder } from './SectionOrder';

interface ReportFormProps {
  surveys: readonly SurveySummary[];
  choice: ReportChoice;
  onChange(choice: ReportChoice): void;
  onSubmit(choice: ReportChoice): void;
}

/** What the report is of: survey and wave, earlier waves to compare with, sections and their order, language. */
export function ReportForm({ surveys, choice, onChange, onSubmit }: ReportFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const survey = surveys.find((s) => s.id === choice.surveyId);
  const earlier = earlierWaves(survey, choice.waveId);
  const update = (patch: Partial<ReportChoice>) => onChange({ ...choice, ...patch });
  const none = choice.sections.every((s) => !s.included);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!none) onSubmit(choice);
  };

  return (
    <form className="report-form" onSubmit={submit} noValidate aria-label={t('report.page.formLabel')}>
      <div className="report-form-pair">
        <SurveyWaveFields
          ids={{ survey: `${base}-survey`, wave: `${base}-wave` }}
          surveys={surveys}
          surveyId={choice.surveyId}
          waveId={choice.waveId}
          onChange={({ surveyId, waveId }) => {
            // A new wave is compared with the one just before it, as at the start.
            const next = surveys.find((s) => s.id === surveyId);
            update({ surveyId, waveId, compare: next ? previousWave(next, waveId) : [] });
          }}
        />
      </div>

      <fieldset className="fieldset">
        <legend className="label">{t('report.page.compare')}</legend>
        {earlier.length === 0 ? (
          <p className="hint">{t('report.page.noEarlier')}</p>
        ) : (
          <>
            <p className="hint">{t('report.page.compareHint')}</p>
            <div className="radios">
              {earlier.map((w) => (
                <div className="radio checkbox" key={w.id}>
                  <input
                    id={`${base}-compare-${w.id}`}
                    type="checkbox"
                    className="radio-input"
                    checked={choice.compare.includes(w.id)}
                    onChange={(event) => update({ compare: event.target.checked ? [...choice.compare, w.id] : choice.compare.filter((id) => id !== w.id) })}
                  />
                  <label htmlFor={`${base}-compare-${w.id}`} className="radio-label">
                    {w.label}
                  </label>
                </div>
              ))}
            </div>
          </>
        )}
      </fieldset>

      <SectionOrder sections={choice.sections} onChange={(sections) => update({ sections })} />

      <fieldset className="fieldset">
        <legend className="label">{t('report.page.language')}</legend>
        <div className="radios radios-inline">
          {(['en', 'cy'] as ReportLanguage[]).map((lang) => (
            <div className="radio" key={lang}>
              <input id={`${base}-lang-${lang}`} type="radio" className="radio-input" name={`${base}-lang`} checked={choice.lang === lang} onChange={() => update({ lang })} />
              <label htmlFor={`${base}-lang-${lang}`} className="radio-label" lang={lang === 'cy' ? 'cy' : 'en-GB'}>
                {lang === 'cy' ? t('language.welsh') : t('language.english')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {none && (
        <p className="error-message" role="alert">
          {t('report.page.noSections')}
        </p>
      )}
      <div className="button-group">
        <button type="submit" className="button" disabled={none}>
          {t('report.page.show')}
        </button>
      </div>
    </form>
  );
}

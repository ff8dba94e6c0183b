import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableVariable } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { useFieldErrors, type FieldError } from '../../components/form/useFieldErrors';
import { ErrorSummary } from '../import/ErrorSummary';
import type { WeightOption } from '../tables/useWaveOptions';
import { WeightField } from '../tables/WeightField';
import { trendQuestions, trendThemes, type TrendChoice, type TrendMeasure, type WaveOption } from './choice';

interface TrendFormProps {
  waves: readonly WaveOption[];
  choice: TrendChoice;
  /** The first chosen wave's questions; null while they load. */
  questions: readonly TableVariable[] | null;
  weights: readonly WeightOption[];
  onChange(choice: TrendChoice): void;
  onSubmit(choice: TrendChoice): void;
}

/** Which waves (of one survey or several), which question, what measure, which weight. */
export function TrendForm({ waves, choice, questions, weights, onChange, onSubmit }: TrendFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const ids = { waves: `${base}-waves`, question: `${base}-question`, measure: `${base}-measure`, theme: `${base}-theme`, weight: `${base}-weight` };
  const { errors, setErrors, summaryRef, errorFor } = useFieldErrors();
  const update = (patch: Partial<TrendChoice>) => onChange({ ...choice, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (choice.waveIds.length === 0) found.push({ target: `${ids.waves}-${waves[0]?.id}`, message: t('trends.form.wavesRequired') });
    if (!choice.question) found.push({ target: ids.question, message: t('trends.form.questionRequired') });
    if (choice.measure === 'theme' && choice.question && !choice.theme) found.push({ target: ids.theme, message: t('trends.form.themeRequired') });
    setErrors(found);
    if (found.length === 0) onSubmit(choice);
  };
  const surveys = [...new Set(waves.map((w) => w.surveyName))];
  const measures: { value: TrendMeasure; label: string }[] = [
    { value: 'top', label: t('trends.measure.top') },
    { value: 'mean', label: t('trends.measure.mean') },
    { value: 'gap', label: t('trends.measure.gap') },
    { value: 'theme', label: t('trends.measure.theme') },
  ];
  const isTheme = choice.measure === 'theme';
  const themes = isTheme && choice.question ? trendThemes(questions ?? [], choice.question) : [];
  // The questions on offer differ between theme prevalence (coded free text) and the rest (closed questions).
  const changeMeasure = (measure: TrendMeasure) =>
    update((measure === 'theme') === isTheme ? { measure } : { measure, question: '', theme: '', matches: {} });

  return (
    <>
      {errors.length > 0 && <ErrorSummary ref={summaryRef} errors={errors} />}
      <form className="tables-form" onSubmit={submit} noValidate aria-label={t('trends.form.label')}>
        <fieldset className={errorFor(`${ids.waves}-${waves[0]?.id}`) ? 'fieldset form-group form-group-error' : 'fieldset'} aria-describedby={`${ids.waves}-hint`}>
          <legend className="legend">{t('trends.form.waves')}</legend>
          <p id={`${ids.waves}-hint`} className="hint">
            {t('trends.form.wavesHint')}
          </p>
          {errorFor(`${ids.waves}-${waves[0]?.id}`) && <p className="error-message">{errorFor(`${ids.waves}-${waves[0]?.id}`)}</p>}
          <div className="trends-waves">
            {surveys.map((survey) => (
              <div key={survey} className="checkboxes">
                <p className="trends-survey-name">{survey}</p>
                {waves
                  .filter((w) => w.surveyName === survey)
                  .map((w) => (
                    <div className="checkbox" key={w.id}>
                      <input
                        id={`${ids.waves}-${w.id}`}
                        type="checkbox"
                        className="checkbox-input"
                        checked={choice.waveIds.includes(w.id)}
                        onChange={(event) =>
                          update({ waveIds: event.target.checked ? [...choice.waveIds, w.id] : choice.waveIds.filter((id) => id !== w.id), matches: {} })
                        }
                      />
                      <label htmlFor={`${ids.waves}-${w.id}`} className="checkbox-label">
                        {t('trends.form.waveLabel', { survey, wave: w.label })}
                      </label>
                    </div>
                  ))}
              </div>
            ))}
          </div>
        </fieldset>

        <div className="tables-form-pair">
          <FormGroup id={ids.measure} label={t('trends.form.measure')} hint={t('trends.form.measureHint')}>
            {(aria) => (
              <select id={ids.measure} className="select" {...aria} value={choice.measure} onChange={(event) => changeMeasure(event.target.value as TrendMeasure)}>
                {measures.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <FormGroup id={ids.question} label={t('trends.form.question')} hint={isTheme ? t('trends.form.questionHintTheme') : t('trends.form.questionHint')} error={errorFor(ids.question)}>
            {(aria) => (
              <select id={ids.question} className="select" {...aria} value={choice.question} disabled={questions === null} onChange={(event) => update({ question: event.target.value, theme: '', matches: {} })}>
                <option value="">{t('trends.form.questionPlaceholder')}</option>
                {trendQuestions(questions ?? [], choice.measure).map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.label}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          {isTheme && (
            <FormGroup id={ids.theme} label={t('trends.form.theme')} hint={t('trends.form.themeHint')} error={errorFor(ids.theme)}>
              {(aria) => (
                <select id={ids.theme} className="select" {...aria} value={choice.theme} disabled={!choice.question} onChange={(event) => update({ theme: event.target.value })}>
                  <option value="">{t('trends.form.themePlaceholder')}</option>
                  {themes.map((theme) => (
                    <option key={theme} value={theme}>
                      {theme}
                    </option>
                  ))}
                </select>
              )}
            </FormGroup>
          )}
          <WeightField id={ids.weight} value={choice.weight} weights={weights} hint={t('trends.form.weightHint')} onChange={(weight) => update({ weight })} />
        </div>
        <button type="submit" className="button">
          {t('trends.form.show')}
        </button>
      </form>
    </>
  );
}

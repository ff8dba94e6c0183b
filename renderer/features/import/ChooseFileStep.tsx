import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import type { Loadable } from '../data/useLoad';
import { nameFromFile, validateChoice, type ChoiceField, type FieldError, type ImportChoice } from './choice';
import { ErrorSummary } from './ErrorSummary';
import { FilePicker } from './FilePicker';
import { FormGroup } from '../../components/form/FormGroup';
import { TextField } from '../../components/form/TextField';
import type { ImportWizard } from './useImportWizard';

/** Step 1: the file, and where its responses go (a new survey, or a new wave of one already here). */
export function ChooseFileStep({ wizard, surveys }: { wizard: ImportWizard; surveys: Loadable<SurveySummary[]> }) {
  const { t } = useTranslation();
  const ids = useFieldIds();
  const [choice, setChoice] = useState<ImportChoice>(wizard.choice);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const existing = surveys.state === 'ready' ? surveys.value : [];
  const inShell = window.heardShell !== undefined;

  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);

  const errorFor = (field: ChoiceField) => errors.find((e) => e.field === field)?.message;
  const update = (patch: Partial<ImportChoice>) => setChoice((current) => ({ ...current, ...patch }));
  const setPath = (path: string) =>
    setChoice((current) => ({ ...current, path, surveyName: current.nameEdited ? current.surveyName : nameFromFile(path) }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateChoice(t, choice, existing, inShell);
    setErrors(found);
    if (found.length === 0) wizard.continueFromChoice(choice);
  };

  return (
    <>
      {errors.length > 0 && <ErrorSummary ref={summaryRef} errors={errors.map((e) => ({ target: ids[e.field], message: e.message }))} />}
      <p className="caption">{t('import.title')}</p>
      <PageHeading title={t('import.choose.title')} />
      <p className="lead">{t('import.choose.intro')}</p>
      {wizard.error !== undefined && <ErrorAlert error={wizard.error} about="importFile" />}
      {wizard.notice === 'readCancelled' && (
        <p role="status" className="inset">
          {t('import.choose.readCancelled')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="import-form">
        <FilePicker id={ids.path} path={choice.path} error={errorFor('path')} onChange={setPath} />

        <fieldset className="fieldset">
          <legend className="legend">{t('import.choose.destination')}</legend>
          <div className="radios">
            <Radio
              name="destination"
              checked={choice.destination === 'new'}
              onChange={() => update({ destination: 'new' })}
              label={t('import.choose.newSurvey')}
            />
            {choice.destination === 'new' && (
              <div className="radio-conditional">
                <TextField
                  id={ids.surveyName}
                  label={t('import.choose.name')}
                  hint={t('import.choose.nameHint')}
                  value={choice.surveyName}
                  error={errorFor('surveyName')}
                  onChange={(surveyName) => update({ surveyName, nameEdited: true })}
                />
                <fieldset className="fieldset fieldset-inline">
                  <legend className="label">{t('import.choose.kind')}</legend>
                  <div className="radios radios-inline">
                    <Radio name="kind" checked={choice.kind === 'survey'} onChange={() => update({ kind: 'survey' })} label={t('data.kind.survey')} />
                    <Radio
                      name="kind"
                      checked={choice.kind === 'consultation'}
                      onChange={() => update({ kind: 'consultation' })}
                      label={t('data.kind.consultation')}
                    />
                  </div>
                </fieldset>
              </div>
            )}
            <Radio
              name="destination"
              checked={choice.destination === 'existing'}
              onChange={() => update({ destination: 'existing' })}
              label={t('import.choose.existingSurvey')}
              hint={surveys.state === 'ready' && existing.length === 0 ? t('import.choose.noSurveys') : undefined}
              disabled={existing.length === 0}
            />
            {choice.destination === 'existing' && existing.length > 0 && (
              <div className="radio-conditional">
                <SurveySelect
                  id={ids.surveyId}
                  surveys={existing}
                  value={choice.surveyId}
                  error={errorFor('surveyId')}
                  onChange={(surveyId) => update({ surveyId })}
                />
              </div>
            )}
          </div>
        </fieldset>

        <TextField
          id={ids.waveLabel}
          label={t('import.choose.waveLabel')}
          hint={t('import.choose.waveLabelHint')}
          value={choice.waveLabel}
          error={errorFor('waveLabel')}
          onChange={(waveLabel) => update({ waveLabel })}
          width="medium"
        />
        <TextField
          id={ids.year}
          label={t('import.choose.year')}
          hint={t('import.choose.yearHint')}
          value={choice.year}
          error={errorFor('year')}
          onChange={(year) => update({ year })}
          width="year"
          inputMode="numeric"
        />

        <div className="button-group">
          <button type="submit" className="button">
            {t('import.choose.continue')}
          </button>
          <a href={hrefFor({ page: 'data' })}>{t('import.cancel')}</a>
        </div>
      </form>
    </>
  );
}

function useFieldIds(): Record<ChoiceField, string> {
  const base = useId();
  return {
    path: `${base}-path`,
    surveyName: `${base}-name`,
    surveyId: `${base}-survey`,
    waveLabel: `${base}-wave`,
    year: `${base}-year`,
  };
}

interface RadioProps {
  name: string;
  checked: boolean;
  label: string;
  hint?: string;
  disabled?: boolean;
  onChange(): void;
}

function Radio({ name, checked, label, hint, disabled, onChange }: RadioProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="radio">
      <input
        id={id}
        type="radio"
        className="radio-input"
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        aria-describedby={hint ? hintId : undefined}
      />
      <label htmlFor={id} className="radio-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint radio-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SurveySelectProps {
  id: string;
  surveys: readonly SurveySummary[];
  value: number | null;
  error?: string;
  onChange(surveyId: number | null): void;
}

function SurveySelect({ id, surveys, value, error, onChange }: SurveySelectProps) {
  const { t } = useTranslation();
  return (
    <FormGroup id={id} label={t('import.choose.survey')} error={error}>
      {(aria) => (
        <select
          id={id}
          className="select"
          value={value ?? ''}
          {...aria}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">{t('import.choose.surveyPlaceholder')}</option>
          {surveys.map((survey) => (
            <option key={survey.id} value={survey.id}>
              {survey.name}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

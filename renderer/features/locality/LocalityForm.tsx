import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../import/ErrorSummary';
import { FormGroup } from '../../components/form/FormGroup';
import { TextField } from '../../components/form/TextField';
import { emptyChoice, validateChoice, type IndexChoice, type LocalityChoice, type LocalityField, type LocalityFieldError } from './choice';
import { LookupFilePicker } from './LookupFilePicker';
import type { Locality } from './useLocality';

interface LocalityFormProps {
  waveId: number;
  waveTitle: string | null;
  columns: readonly ColumnInfo[];
  locality: Locality;
}

/** The postcode column and the lookup files, then Run. Nothing changes in the project until the run has finished. */
export function LocalityForm({ waveId, waveTitle, columns, locality }: LocalityFormProps) {
  const { t } = useTranslation();
  const ids = useFieldIds();
  const [choice, setChoice] = useState<LocalityChoice>(() => locality.choice ?? emptyChoice(columns));
  const [errors, setErrors] = useState<LocalityFieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);

  const errorFor = (field: LocalityField) => errors.find((e) => e.field === field)?.message;
  const update = (patch: Partial<LocalityChoice>) => setChoice((current) => ({ ...current, ...patch }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateChoice(t, choice, columns);
    setErrors(found);
    if (found.length === 0) locality.run(choice);
  };

  return (
    <>
      {errors.length > 0 && <ErrorSummary ref={summaryRef} errors={errors.map((e) => ({ target: ids[e.field], message: e.message }))} />}
      {waveTitle && <p className="caption">{waveTitle}</p>}
      <PageHeading title={t('locality.title')} />
      <p className="lead">{t('locality.form.intro')}</p>
      <p>{t('locality.form.nobodyDropped')}</p>
      {locality.error !== undefined && <ErrorAlert error={locality.error} about="lookupFile" />}
      {locality.cancelled && (
        <p role="status" className="inset">
          {t('locality.form.cancelled')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="import-form locality-form">
        <ColumnSelect
          id={ids.postcodeColumn}
          columns={columns}
          value={choice.postcodeColumn}
          error={errorFor('postcodeColumn')}
          onChange={(postcodeColumn) => update({ postcodeColumn })}
        />

        <LookupFilePicker
          id={ids.directoryPath}
          label={t('locality.form.directory')}
          hint={t('locality.form.directoryHint')}
          shellHint={t('locality.form.directoryShellHint')}
          dialogTitle={t('locality.form.directoryDialog')}
          filterName={t('locality.form.filterCsv')}
          path={choice.directoryPath}
          onChange={(directoryPath) => update({ directoryPath })}
        />

        <fieldset className="fieldset">
          <legend className="legend">{t('locality.form.deprivation')}</legend>
          <p className="hint">{t('locality.form.deprivationIntro')}</p>
          <LookupFilePicker
            id={ids.deprivationPath}
            label={t('locality.form.deprivationFile')}
            hint={t('locality.form.deprivationHint')}
            shellHint={t('locality.form.deprivationShellHint')}
            dialogTitle={t('locality.form.deprivationDialog')}
            filterName={t('locality.form.filterCsv')}
            path={choice.deprivationPath}
            onChange={(deprivationPath) => update({ deprivationPath })}
          />
          <IndexSelect id={ids.index} value={choice.index} onChange={(index) => update({ index })} />
          {choice.index === 'other' && (
            <div className="radio-conditional">
              <TextField
                id={ids.otherIndex}
                label={t('locality.form.indexName')}
                hint={t('locality.form.indexNameHint')}
                value={choice.otherIndex}
                error={errorFor('otherIndex')}
                onChange={(otherIndex) => update({ otherIndex })}
                width="medium"
              />
            </div>
          )}
        </fieldset>

        <p className="secondary">{t('locality.form.nothingChanged')}</p>
        <div className="button-group">
          <button type="submit" className="button">
            {t('locality.form.run')}
          </button>
          <a href={hrefFor({ page: 'wave', waveId })}>{t('locality.form.back')}</a>
        </div>
      </form>
    </>
  );
}

function useFieldIds(): Record<LocalityField | 'index', string> {
  const base = useId();
  return {
    postcodeColumn: `${base}-column`,
    directoryPath: `${base}-directory`,
    deprivationPath: `${base}-deprivation`,
    index: `${base}-index`,
    otherIndex: `${base}-index-name`,
  };
}

interface ColumnSelectProps {
  id: string;
  columns: readonly ColumnInfo[];
  value: string;
  error?: string;
  onChange(name: string): void;
}

function ColumnSelect({ id, columns, value, error, onChange }: ColumnSelectProps) {
  const { t } = useTranslation();
  return (
    <FormGroup id={id} label={t('locality.form.column')} hint={t('locality.form.columnHint')} error={error}>
      {(aria) => (
        <select id={id} className="select" value={value} {...aria} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('locality.form.columnPlaceholder')}</option>
          {columns.map((column) => (
            <option key={column.name} value={column.name}>
              {column.label || column.name}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

function IndexSelect({ id, value, onChange }: { id: string; value: IndexChoice; onChange(index: IndexChoice): void }) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  return (
    <div className="form-group">
      <label htmlFor={id} className="label">
        {t('locality.form.index')}
      </label>
      <p id={hintId} className="hint">
        {t('locality.form.indexHint')}
      </p>
      <select id={id} className="select" value={value} aria-describedby={hintId} onChange={(event) => onChange(event.target.value as IndexChoice)}>
        <option value="IMD2019">{t('locality.index.imd2019')}</option>
        <option value="WIMD2019">{t('locality.index.wimd2019')}</option>
        <option value="other">{t('locality.index.other')}</option>
      </select>
    </div>
  );
}

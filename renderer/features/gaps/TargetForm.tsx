import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapPair, GapTarget } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { FormGroup } from '../../components/form/FormGroup';

interface TargetFormProps {
  pair: GapPair;
  onSave(target: GapTarget): Promise<void>;
  onDelete: (() => Promise<void>) | null;
  onCancel(): void;
}

type Field = 'value' | 'year' | 'baselineValue' | 'baselineYear';

/** A KPI's target, in percentage points: where the gap should be by a year, and optionally where it started. */
export function TargetForm({ pair, onSave, onDelete, onCancel }: TargetFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const saved = pair.target;
  const [direction, setDirection] = useState<'lower' | 'higher'>(saved?.direction ?? 'lower');
  const [fields, setFields] = useState<Record<Field, string>>({
    value: saved ? String(saved.value) : '',
    year: saved ? String(saved.year) : '',
    baselineValue: saved?.baseline ? String(saved.baseline.value) : '',
    baselineYear: saved?.baseline ? String(saved.baseline.year) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const number = (f: Field) => (fields[f].trim() === '' ? null : Number(fields[f].replace(',', '.')));
    const year = (f: Field) => (/^\d{4}$/.test(fields[f].trim()) ? Number(fields[f]) : null);
    if (number('value') === null || !Number.isFinite(number('value'))) found.value = t('gaps.target.valueRequired');
    if (year('year') === null) found.year = t('gaps.target.yearRequired');
    const hasBaseline = fields.baselineValue.trim() !== '' || fields.baselineYear.trim() !== '';
    if (hasBaseline) {
      if (number('baselineValue') === null || !Number.isFinite(number('baselineValue'))) found.baselineValue = t('gaps.target.baselineValueRequired');
      if (year('baselineYear') === null) found.baselineYear = t('gaps.target.yearRequired');
      else if (year('year') !== null && year('baselineYear')! >= year('year')!) found.baselineYear = t('gaps.target.baselineBefore');
    }
    setErrors(found);
    const firstProblem = (Object.keys(found) as Field[])[0];
    if (firstProblem) {
      document.getElementById(`${id}-${firstProblem}`)?.focus();
      return;
    }
    setFailure(null);
    try {
      await onSave({
        value: number('value')!,
        year: year('year')!,
        direction,
        baseline: hasBaseline ? { value: number('baselineValue')!, year: year('baselineYear')! } : null,
      });
    } catch (e) {
      setFailure(e);
    }
  };

  const input = (field: Field, label: string, hint?: string) => (
    <FormGroup id={`${id}-${field}`} label={label} hint={hint} error={errors[field]}>
      {(aria) => (
        <input
          id={`${id}-${field}`}
          ref={field === 'value' ? first : undefined}
          className={field.endsWith('ear') ? 'input input-year' : 'input input-figure'}
          inputMode={field.endsWith('ear') ? 'numeric' : 'decimal'}
          {...aria}
          value={fields[field]}
          onChange={(event) => setFields({ ...fields, [field]: event.target.value })}
        />
      )}
    </FormGroup>
  );

  return (
    <form className="gap-target-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('gaps.target.formLabel', { pair: pair.label })}>
      {failure !== null && <ErrorAlert error={failure} about="analysis" />}
      <fieldset className="fieldset">
        <legend className="legend">{t('gaps.target.direction')}</legend>
        <div className="radios radios-inline">
          {(['lower', 'higher'] as const).map((d) => (
            <div className="radio" key={d}>
              <input id={`${id}-${d}`} type="radio" name={`${id}-direction`} className="radio-input" checked={direction === d} onChange={() => setDirection(d)} />
              <label htmlFor={`${id}-${d}`} className="radio-label">
                {d === 'lower' ? t('gaps.target.lower') : t('gaps.target.higher')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="gap-target-fields">
        {input('value', t('gaps.target.value'), t('gaps.target.valueHint'))}
        {input('year', t('gaps.target.year'))}
        {input('baselineValue', t('gaps.target.baselineValue'), t('gaps.target.baselineHint'))}
        {input('baselineYear', t('gaps.target.baselineYear'))}
      </div>
      <div className="button-group button-group-tight">
        <button type="submit" className="button button-small">
          {t('gaps.target.save')}
        </button>
        {onDelete && (
          <button
            type="button"
            className="button button-small button-warning"
            onClick={() => {
              setFailure(null);
              onDelete().catch(setFailure);
            }}
          >
            {t('gaps.target.delete')}
          </button>
        )}
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          {t('gaps.target.cancel')}
        </button>
      </div>
    </form>
  );
}

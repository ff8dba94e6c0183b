import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldAria {
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormGroupProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The control, given the ids that tie it to its hint and error. */
  children(aria: FieldAria): ReactNode;
}

/** A labelled control with its hint and, when there is one, its error, GOV.UK style: one frame for every field. */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group-error' : 'form-group'}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{t('errors.prefix')}</span> {error}
        </p>
      )}
      {children({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange(value: string): void;
  /** GOV.UK fixed widths: a wide field for paths and names, narrower ones for short answers. */
  width?: 'full' | 'medium' | 'year';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}

/** A labelled text field with its hint and, when there is one, its error, GOV.UK style. */
export function TextField({ id, label, hint, value, error, onChange, width = 'full', inputMode }: TextFieldProps) {
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
      <input
        id={id}
        type="text"
        className={`input input-${width}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}

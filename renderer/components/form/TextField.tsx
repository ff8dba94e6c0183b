import type { HTMLAttributes } from 'react';
import { FormGroup } from './FormGroup';

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

/** A labelled text field with its hint and, when there is one, its error. */
export function TextField({ id, label, hint, value, error, onChange, width = 'full', inputMode }: TextFieldProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          id={id}
          type="text"
          className={`input input-${width}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...aria}
          inputMode={inputMode}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </FormGroup>
  );
}

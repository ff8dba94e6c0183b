import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectActions } from './useProjectActions';

const EXTENSION = '.heard';

/**
 * In a browser there is no file dialog that reveals a path, so the user types it. The web host only listens on
 * this computer, so the path is on the user's own machine.
 */
export function PathForm({ actions }: { actions: ProjectActions }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [path, setPath] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = (kind: 'open' | 'create') => {
    const trimmed = path.trim();
    if (trimmed === '') {
      setFieldError(t('projects.path.required'));
      document.getElementById(inputId)?.focus();
      return;
    }
    setFieldError(null);
    if (kind === 'open') void actions.open(trimmed);
    // New projects always get the extension, so the file is recognised later and by the desktop app's dialogs.
    else void actions.create(trimmed.toLowerCase().endsWith(EXTENSION) ? trimmed : `${trimmed}${EXTENSION}`);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit('open');
  };

  return (
    <form onSubmit={onSubmit} noValidate className="path-form">
      <div className={fieldError ? 'form-group form-group-error' : 'form-group'}>
        <label htmlFor={inputId} className="label">
          {t('projects.path.label')}
        </label>
        <p id={hintId} className="hint">
          {t('projects.path.hint')}
        </p>
        {fieldError && (
          <p id={errorId} className="error-message" role="alert">
            <span className="visually-hidden">{t('errors.prefix')}</span> {fieldError}
          </p>
        )}
        <input
          id={inputId}
          type="text"
          className="input"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
          aria-invalid={fieldError ? true : undefined}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={actions.busy !== null}>
          {t('projects.path.open')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={actions.busy !== null}
          onClick={() => submit('create')}
        >
          {t('projects.path.create')}
        </button>
      </div>
    </form>
  );
}

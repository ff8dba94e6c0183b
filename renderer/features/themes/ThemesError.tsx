import { useTranslation } from 'react-i18next';
import { HeardError } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * Something the officer asked for that cannot be done (not a free-text question, a file that cannot be read, a
 * theme code already used). The backend's words name the question, theme or file, so they are shown as they are.
 */
export function ThemesError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof HeardError && (error.code === 'bad_request' || error.code === 'not_found' || error.code === 'io' || error.code === 'invalid_file')) {
    return (
      <div role="alert" className="error-summary">
        <h2 className="error-summary-title">{t('errors.title')}</h2>
        <p className="error-reason">{error.message}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

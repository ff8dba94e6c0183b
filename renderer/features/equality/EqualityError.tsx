import { useTranslation } from 'react-i18next';
import { HeardError } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * Something the page cannot do with what was chosen. The backend's words name the question, answer, area or file and
 * say what to do, so they are shown as they are; anything else gets the app's usual words.
 */
export function EqualityError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof HeardError && ['bad_request', 'not_found', 'invalid_file'].includes(error.code)) {
    return (
      <div role="alert" className="error-summary">
        <h2 className="error-summary-title">{t('errors.title')}</h2>
        <p className="error-reason">{error.message}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

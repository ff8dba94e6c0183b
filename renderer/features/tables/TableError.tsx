import { useTranslation } from 'react-i18next';
import { HeardError } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * A table that cannot be made, or a file that cannot be written. The backend's words for these name the question,
 * the answer or the file and say what to do, so they are shown as they are; anything else gets the app's usual words.
 */
export function TableError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof HeardError && (error.code === 'bad_request' || error.code === 'not_found' || error.code === 'io')) {
    return (
      <div role="alert" className="error-summary">
        <h2 className="error-summary-title">{t('errors.title')}</h2>
        <p>{error.code === 'io' ? t('tables.errors.file') : t('tables.errors.table')}</p>
        <p className="error-reason">{error.message}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

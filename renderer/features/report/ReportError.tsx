import { useTranslation } from 'react-i18next';
import { HeardError } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * A report that cannot be made or saved. The backend's words name the wave, weight or file and say what to do, so
 * they are shown as they are; anything else gets the app's usual words.
 */
export function ReportError({ error, saving }: { error: unknown; saving: boolean }) {
  const { t } = useTranslation();
  if (error instanceof HeardError && (error.code === 'bad_request' || error.code === 'not_found' || error.code === 'io')) {
    return (
      <div role="alert" className="error-summary">
        <h2 className="error-summary-title">{t('errors.title')}</h2>
        <p>{saving ? t('report.page.saveFailed') : t('report.page.buildFailed')}</p>
        <p className="error-reason">{error.message}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

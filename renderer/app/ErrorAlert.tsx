import { useTranslation } from 'react-i18next';
import { HeardError } from '../../src/contract/index.js';
import { errorMessage, type ErrorSubject } from './errorMessage';

interface ErrorAlertProps {
  error: unknown;
  retryLabel?: string;
  onRetry?: () => void;
  about?: ErrorSubject;
}

/** A GOV.UK-style error summary, announced as soon as it appears. */
export function ErrorAlert({ error, retryLabel, onRetry, about }: ErrorAlertProps) {
  const { t } = useTranslation();
  // A lost connection has one banner for the whole app (ConnectionGate); repeating it per page only adds noise.
  if (error instanceof HeardError && error.code === 'disconnected') return null;
  const { message, detail, reason } = errorMessage(t, error, about);
  return (
    <div role="alert" className="error-summary">
      <h2 className="error-summary-title">{t('errors.title')}</h2>
      <p>{message}</p>
      {reason && <p className="error-reason">{reason}</p>}
      {detail && (
        <details className="error-detail">
          <summary>{t('errors.technicalDetail')}</summary>
          <p>{detail}</p>
        </details>
      )}
      {onRetry && retryLabel && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

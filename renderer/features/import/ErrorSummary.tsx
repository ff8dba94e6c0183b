import { forwardRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** The id of the field to take the user to. */
  target: string;
  message: string;
}

/**
 * The GOV.UK error summary for a form: every problem, each a link to its field. The links move focus themselves,
 * because the address's hash is the page's route.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: readonly SummaryError[] }>(function ErrorSummary({ errors }, ref) {
  const { t } = useTranslation();
  const goTo = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    const field = document.getElementById(target);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary-title">{t('errors.title')}</h2>
      <ul className="error-summary-list">
        {errors.map((error) => (
          <li key={error.target}>
            <a href={`#${error.target}`} onClick={(event) => goTo(event, error.target)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});

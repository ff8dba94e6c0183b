import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../src/contract/index.js';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { formatLocales } from '../../i18n';
import { encodingWords, layoutWords } from './words';

/** Step 3: what was imported, and what could not be, with the way to see each problem. */
export function ImportSummary({ outcome, onImportAnother }: { outcome: ImportOutcome; onImportAnother(): void }) {
  const { t, i18n } = useTranslation();
  const warningsId = useId();
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);
  const problems = outcome.rejected + outcome.flagged;

  return (
    <>
      <div className="panel-confirmation">
        <PageHeading title={t('import.done.title')} />
        <p className="panel-body">{t('wave.title', { survey: outcome.surveyName, wave: outcome.waveLabel })}</p>
      </div>
      <dl className="summary-list import-counts">
        <div>
          <dt>{t('import.done.rows')}</dt>
          <dd>{number.format(outcome.rows)}</dd>
        </div>
        <div>
          <dt>{t('import.done.rejected')}</dt>
          <dd>{number.format(outcome.rejected)}</dd>
        </div>
        <div>
          <dt>{t('import.done.flagged')}</dt>
          <dd>{number.format(outcome.flagged)}</dd>
        </div>
      </dl>
      <p className="secondary">
        {t('import.done.readAs', { layout: layoutWords(t, outcome.layout), encoding: encodingWords(t, outcome.encoding) })}
      </p>
      {problems > 0 ? (
        <>
          <p>{t('import.done.problemsExplained')}</p>
          <p>
            <a href={hrefFor({ page: 'problems', waveId: outcome.waveId })}>{t('import.done.seeProblems')}</a>
          </p>
        </>
      ) : (
        <p>{t('import.done.noProblems')}</p>
      )}
      {outcome.warnings.length > 0 && (
        <section className="warning-panel" aria-labelledby={warningsId}>
          <h2 id={warningsId}>{t('import.review.warnings')}</h2>
          <ul>
            {outcome.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="button-group">
        <a className="button" href={hrefFor({ page: 'wave', waveId: outcome.waveId })}>
          {t('import.done.viewResponses')}
        </a>
        <button type="button" className="button button-secondary" onClick={onImportAnother}>
          {t('import.done.importAnother')}
        </button>
        <a href={hrefFor({ page: 'data' })}>{t('notFound.backToData')}</a>
      </div>
    </>
  );
}

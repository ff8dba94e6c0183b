import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPlan, SurveySummary } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import type { Loadable } from '../data/useLoad';
import { ColumnTable } from './ColumnTable';
import { DuplicateNotice } from './DuplicateNotice';
import { ReadSettings } from './ReadSettings';
import type { ImportWizard } from './useImportWizard';

interface ReviewStepProps {
  wizard: ImportWizard;
  plan: ImportPlan;
  surveys: Loadable<SurveySummary[]>;
}

/** Step 2: what Heard found, for the user to check and correct before anything is saved. */
export function ReviewStep({ wizard, plan, surveys }: ReviewStepProps) {
  const { t } = useTranslation();
  const warningsId = useId();
  const destinationId = useId();
  const { choice } = wizard;
  const target =
    choice.destination === 'existing' && surveys.state === 'ready' ? surveys.value.find((s) => s.id === choice.surveyId) : undefined;
  const edited = wizard.columns.some((column, i) => column !== plan.columns[i]);

  return (
    <>
      <p className="caption">{t('import.title')}</p>
      <PageHeading title={t('import.review.title')} />
      <p className="lead">{t('import.review.intro', { file: plan.fileName })}</p>
      {wizard.error !== undefined && <ErrorAlert error={wizard.error} about="importFile" />}
      {wizard.notice !== null && (
        <p role="status" className="inset">
          {wizard.notice === 'importCancelled' ? t('import.review.importCancelled') : t('import.choose.readCancelled')}
        </p>
      )}
      {plan.duplicateOf && <DuplicateNotice previous={plan.duplicateOf} />}

      <div className="review-overview">
        <ReadSettings plan={plan} overrides={wizard.overrides} edited={edited} onReadAgain={wizard.readAgain} />

        <section className="review-section" aria-labelledby={destinationId}>
          <h2 id={destinationId}>{t('import.review.destination')}</h2>
          <dl className="facts">
            <div>
              <dt>{choice.destination === 'existing' ? t('import.review.addTo') : t('import.review.newSurvey')}</dt>
              <dd>
                {choice.destination === 'existing' ? (target?.name ?? '') : choice.surveyName}
                {choice.destination === 'new' && (
                  <span className="tag">{choice.kind === 'consultation' ? t('data.kind.consultation') : t('data.kind.survey')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('import.review.wave')}</dt>
              <dd>
                {choice.waveLabel.trim() ||
                  (choice.year.trim() ? (
                    t('import.review.waveFromYear', { year: choice.year.trim() })
                  ) : (
                    <span className="secondary">{t('import.review.waveAutomatic')}</span>
                  ))}
              </dd>
            </div>
            <div>
              <dt>{t('import.review.year')}</dt>
              <dd>{choice.year.trim() || <span className="secondary">{t('import.review.noYear')}</span>}</dd>
            </div>
          </dl>
          <button type="button" className="button button-secondary button-small" onClick={wizard.backToChoose}>
            {t('import.review.change')}
            <span className="visually-hidden"> {t('import.review.changeWhat')}</span>
          </button>
        </section>
      </div>

      {plan.warnings.length > 0 && (
        <section className="warning-panel" aria-labelledby={warningsId}>
          <h2 id={warningsId}>{t('import.review.warnings')}</h2>
          <ul>
            {plan.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </section>
      )}

      <ColumnTable plan={plan} columns={wizard.columns} onChange={wizard.updateColumn} />

      <div className="button-group review-actions">
        <button type="button" className="button" onClick={() => wizard.commit()}>
          {t('import.review.import')}
        </button>
        <button type="button" className="button button-secondary" onClick={wizard.backToChoose}>
          {t('import.back')}
        </button>
        <a href={hrefFor({ page: 'data' })}>{t('import.cancel')}</a>
      </div>
      <p className="hint">{t('import.review.nothingSaved')}</p>
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel, ReportRequest } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useSurveys } from '../data/useSurveys';
import { initialReportChoice, toReportRequest, type ReportChoice } from './choice';
import { ReportError } from './ReportError';
import { ReportExport } from './ReportExport';
import { ReportForm } from './ReportForm';
import { ReportPreview } from './ReportPreview';
import './report.css';

type Preview = { state: 'idle' } | { state: 'building' } | { state: 'ready'; model: ReportModel; request: ReportRequest } | { state: 'failed'; error: unknown };

/**
 * Report: the committee report of one wave, compared with earlier ones, in English or Welsh, with the sections in the
 * order the user sets. The preview is drawn from the report's own section model; the export writes the same report.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const [choice, setChoice] = useState<ReportChoice | null>(null);
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (surveys.state === 'ready' && choice === null) setChoice(initialReportChoice(surveys.value, i18n.language === 'cy' ? 'cy' : 'en'));
  }, [surveys, choice, i18n.language]);
  useEffect(() => () => controllerRef.current?.abort(), []);
  useEffect(() => {
    if (preview.state === 'ready') previewRef.current?.focus();
  }, [preview]);

  const survey = surveys.state === 'ready' && choice ? surveys.value.find((s) => s.id === choice.surveyId) : undefined;
  const wave = survey?.waves.find((w) => w.id === choice?.waveId);

  const build = async (asked: ReportChoice) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const request = toReportRequest(asked, survey);
    setPreview({ state: 'building' });
    try {
      const model = await api.call('report.build', request, { signal: controller.signal });
      if (controllerRef.current === controller) setPreview({ state: 'ready', model, request });
    } catch (error) {
      if (controllerRef.current === controller && !controller.signal.aborted) setPreview({ state: 'failed', error });
    }
  };

  const noSurveys = surveys.state === 'ready' && choice === null && initialReportChoice(surveys.value, 'en') === null;
  const request = choice ? toReportRequest(choice, survey) : null;
  return (
    <div className="report-page">
      <PageHeading title={t('pages.report.title')} />
      <p className="lead">{t('report.page.intro')}</p>
      {surveys.state === 'loading' && <p role="status">{t('report.page.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {noSurveys && (
        <p className="inset">
          {t('report.page.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('report.page.importLink')}</a>
        </p>
      )}
      {surveys.state === 'ready' && choice && (
        <ReportForm
          surveys={surveys.value}
          choice={choice}
          onChange={(next) => {
            setChoice(next);
            // The preview shows what was asked; a changed choice needs a new preview before it can be trusted.
            if (preview.state === 'ready') setPreview({ state: 'idle' });
          }}
          onSubmit={(asked) => void build(asked)}
        />
      )}
      {preview.state === 'building' && <p role="status">{t('report.page.building')}</p>}
      {preview.state === 'failed' && <ReportError error={preview.error} saving={false} />}
      {preview.state === 'ready' && (
        <section className="report-preview-area" aria-labelledby="report-preview-heading">
          <h2 id="report-preview-heading" ref={previewRef} tabIndex={-1}>
            {t('report.page.preview')}
          </h2>
          <ReportPreview model={preview.model} />
        </section>
      )}
      {request && (request.sections?.length ?? 0) > 0 && survey && wave && <ReportExport request={request} surveyName={survey.name} waveLabel={wave.label} />}
    </div>
  );
}

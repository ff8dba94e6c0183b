import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';
import { ErrorAlert } from '../../app/ErrorAlert';
import { MAIN_HEADING_ID, PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { DataGrid } from '../../components/grid/DataGrid';
import { useLoad } from './useLoad';
import { useSurveys } from './useSurveys';

/** One wave's responses in the grid, with what it is and where it came from above. */
export function WavePage({ waveId }: { waveId: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const columns = useLoad((signal) => api.call('waves.columns', { waveId }, { signal }), [api, waveId]);
  // Only to offer the link below; a wave whose problems cannot be counted simply goes without it.
  const problems = useLoad((signal) => api.call('waves.problems', { waveId, limit: 1 }, { signal }), [api, waveId]);
  const problemCount = problems.state === 'ready' ? problems.value.totalRejected + problems.value.totalFlagged : 0;
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);

  const found =
    surveys.state === 'ready'
      ? surveys.value.flatMap((survey) => survey.waves.map((wave) => ({ survey, wave }))).find((x) => x.wave.id === waveId)
      : undefined;
  const title = found ? t('wave.title', { survey: found.survey.name, wave: found.wave.label }) : t('wave.loadingTitle');

  return (
    <div className="wave-page">
      <nav aria-label={t('wave.breadcrumbLabel')} className="breadcrumbs">
        <ol>
          <li>
            <a href={hrefFor({ page: 'data' })}>{t('nav.data')}</a>
          </li>
          <li aria-current="page">{found ? title : t('wave.loadingTitle')}</li>
        </ol>
      </nav>
      <PageHeading title={title} />
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {columns.state === 'failed' && <ErrorAlert error={columns.error} />}
      {surveys.state === 'ready' && !found && <p>{t('wave.notFound')}</p>}
      {found && (
        <dl className="summary-list">
          <div>
            <dt>{t('wave.responses')}</dt>
            <dd>{number.format(found.wave.rowCount)}</dd>
          </div>
          <div>
            <dt>{t('wave.columnCount')}</dt>
            <dd>{number.format(found.wave.columnCount)}</dd>
          </div>
          <div>
            <dt>{t('wave.source')}</dt>
            <dd className="source-file">{found.wave.sourceFile}</dd>
          </div>
        </dl>
      )}
      {found && (
        <p className="page-actions wave-actions">
          <a className="button button-secondary" href={hrefFor({ page: 'locality', waveId })}>
            {t('wave.placeByPostcode')}
          </a>
          {problemCount > 0 && <a href={hrefFor({ page: 'problems', waveId })}>{t('wave.seeProblems')}</a>}
        </p>
      )}
      {(surveys.state === 'loading' || columns.state === 'loading') && <p role="status">{t('wave.loading')}</p>}
      {found && columns.state === 'ready' && (
        <DataGrid waveId={waveId} columns={columns.value} totalRows={found.wave.rowCount} labelledBy={MAIN_HEADING_ID} />
      )}
    </div>
  );
}

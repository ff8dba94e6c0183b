import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useLoad } from '../data/useLoad';
import { useSurveys } from '../data/useSurveys';
import { ProgressStep } from '../import/ProgressStep';
import { LocalityForm } from './LocalityForm';
import { LocalityResult } from './LocalityResult';
import { useLocality } from './useLocality';
import { useFocusHeadingOnStep } from '../../app/useFocusHeadingOnStep';

/**
 * Places a wave's respondents by postcode: ward, small area (LSOA) and local authority from an ONS Postcode
 * Directory extract, and a deprivation decile from an index table. Nobody is dropped: postcodes that cannot be
 * placed are counted and listed with the reason.
 */
export function LocalityPage({ waveId }: { waveId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const columns = useLoad((signal) => api.call('waves.columns', { waveId }, { signal }), [api, waveId]);
  const locality = useLocality(waveId);
  const { step } = locality;

  useFocusHeadingOnStep(step);

  const found =
    surveys.state === 'ready'
      ? surveys.value.flatMap((survey) => survey.waves.map((wave) => ({ survey, wave }))).find((x) => x.wave.id === waveId)
      : undefined;
  const waveTitle = found ? t('wave.title', { survey: found.survey.name, wave: found.wave.label }) : null;

  return (
    <div className="locality-page">
      <nav aria-label={t('wave.breadcrumbLabel')} className="breadcrumbs">
        <ol>
          <li>
            <a href={hrefFor({ page: 'data' })}>{t('nav.data')}</a>
          </li>
          <li>
            <a href={hrefFor({ page: 'wave', waveId })}>{waveTitle ?? t('wave.loadingTitle')}</a>
          </li>
          <li aria-current="page">{t('locality.title')}</li>
        </ol>
      </nav>
      {step.name === 'form' && columns.state !== 'ready' && (
        <>
          <PageHeading title={t('locality.title')} />
          {columns.state === 'loading' && <p role="status">{t('locality.loading')}</p>}
          {columns.state === 'failed' && <ErrorAlert error={columns.error} />}
        </>
      )}
      {step.name === 'form' && columns.state === 'ready' && (
        <LocalityForm waveId={waveId} waveTitle={waveTitle} columns={columns.value} locality={locality} />
      )}
      {step.name === 'running' && (
        <ProgressStep
          caption={waveTitle ?? t('locality.title')}
          title={t('locality.running.title')}
          label={t('locality.running.progress')}
          hint={t('locality.running.hint')}
          progress={locality.progress}
          stopping={locality.stopping}
          onCancel={locality.cancel}
        />
      )}
      {step.name === 'done' && <LocalityResult waveId={waveId} waveTitle={waveTitle} summary={step.summary} onAgain={locality.again} />}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { SurveyWaves } from './SurveyWaves';
import { useSurveys } from './useSurveys';

export function DataPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  return (
    <>
      <PageHeading title={t('data.title')} />
      <p className="lead">{t('data.intro')}</p>
      <p className="page-actions">
        <a className="button" href={hrefFor({ page: 'import' })}>
          {t('data.importFile')}
        </a>
      </p>
      {surveys.state === 'loading' && <p role="status">{t('data.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {surveys.state === 'ready' &&
        (surveys.value.length === 0 ? (
          <p>{t('data.empty')}</p>
        ) : (
          surveys.value.map((survey) => <SurveyWaves key={survey.id} survey={survey} />)
        ))}
    </>
  );
}

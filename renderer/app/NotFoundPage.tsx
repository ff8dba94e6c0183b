import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';
import { hrefFor } from './routes';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <a href={hrefFor({ page: 'data' })}>{t('notFound.backToData')}</a>
      </p>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function TrendsPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.trends.title')} description={t('pages.trends.description')} />;
}

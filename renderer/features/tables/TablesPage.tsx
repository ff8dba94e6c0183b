import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function TablesPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.tables.title')} description={t('pages.tables.description')} />;
}

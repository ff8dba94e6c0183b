import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function EqualityPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.equality.title')} description={t('pages.equality.description')} />;
}

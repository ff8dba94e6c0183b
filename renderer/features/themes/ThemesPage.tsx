import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function ThemesPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.themes.title')} description={t('pages.themes.description')} />;
}

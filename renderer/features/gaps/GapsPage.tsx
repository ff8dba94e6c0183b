import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function GapsPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.gaps.title')} description={t('pages.gaps.description')} />;
}

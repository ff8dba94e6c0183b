import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../app/PlaceholderPage';

export function ReportPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('pages.report.title')} description={t('pages.report.description')} />;
}

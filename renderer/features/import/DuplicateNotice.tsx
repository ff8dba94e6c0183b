import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';
import type { PreviousImport } from './useImportWizard';

/** "You imported this file before": shown on the review, and again if the import is refused as a duplicate. */
export function DuplicateNotice({ previous }: { previous: PreviousImport }) {
  const { t, i18n } = useTranslation();
  const date = useMemo(() => new Intl.DateTimeFormat(formatLocales(i18n.language), { dateStyle: 'long' }), [i18n.language]);
  return (
    <div className="warning-text">
      <span className="warning-icon" aria-hidden="true">
        !
      </span>
      <p>
        <strong>
          <span className="visually-hidden">{t('import.duplicate.warning')} </span>
          {t('import.duplicate.notice', {
            survey: previous.surveyName,
            wave: previous.waveLabel,
            date: formatDate(date, previous.importedAt),
          })}
        </strong>{' '}
        {t('import.duplicate.consequence')}
      </p>
    </div>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : format.format(value);
}

import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { DuplicateNotice } from './DuplicateNotice';
import type { ImportWizard, PreviousImport } from './useImportWizard';

/** The backend refused a file it has imported before: say so, and let the user insist. */
export function DuplicateStep({ wizard, previous, fileName }: { wizard: ImportWizard; previous: PreviousImport | null; fileName: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="caption">{t('import.title')}</p>
      <PageHeading title={t('import.duplicate.title')} />
      {previous ? <DuplicateNotice previous={previous} /> : <p>{t('import.duplicate.unknown', { file: fileName })}</p>}
      <p>{t('import.duplicate.when')}</p>
      <div className="button-group">
        <button type="button" className="button button-warning" onClick={() => wizard.commit(true)}>
          {t('import.duplicate.importAnyway')}
        </button>
        <button type="button" className="button button-secondary" onClick={wizard.backToReview}>
          {t('import.back')}
        </button>
        <a href={hrefFor({ page: 'data' })}>{t('import.duplicate.dontImport')}</a>
      </div>
    </>
  );
}

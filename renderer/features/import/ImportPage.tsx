import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useLoad } from '../data/useLoad';
import { ChooseFileStep } from './ChooseFileStep';
import { DuplicateStep } from './DuplicateStep';
import { fileNameOf } from './choice';
import { ImportSummary } from './ImportSummary';
import { ProgressStep } from './ProgressStep';
import { ReviewStep } from './ReviewStep';
import { useImportWizard } from './useImportWizard';
import { useFocusHeadingOnStep } from '../../app/useFocusHeadingOnStep';

/** The import wizard: choose a file, let Heard read it, check what it found, import, see the outcome. */
export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const wizard = useImportWizard();
  const surveys = useLoad((signal) => api.call('surveys.list', {}, { signal }), [api, wizard.imports]);
  const { step } = wizard;

  useFocusHeadingOnStep(step);

  const fileName = fileNameOf(wizard.choice.path);
  return (
    <div className="import-page">
      <nav aria-label={t('wave.breadcrumbLabel')} className="breadcrumbs">
        <ol>
          <li>
            <a href={hrefFor({ page: 'data' })}>{t('nav.data')}</a>
          </li>
          <li aria-current="page">{t('import.title')}</li>
        </ol>
      </nav>
      {step.name === 'choose' && <ChooseFileStep wizard={wizard} surveys={surveys} />}
      {step.name === 'reading' && (
        <ProgressStep
          title={t('import.reading.title', { file: fileName })}
          label={t('import.reading.progress')}
          progress={wizard.progress}
          stopping={wizard.stopping}
          onCancel={wizard.cancel}
        />
      )}
      {step.name === 'review' && wizard.plan && <ReviewStep wizard={wizard} plan={wizard.plan} surveys={surveys} />}
      {step.name === 'importing' && (
        <ProgressStep
          title={t('import.importing.title', { file: fileName })}
          label={t('import.importing.progress')}
          hint={t('import.importing.hint')}
          progress={wizard.progress}
          stopping={wizard.stopping}
          onCancel={wizard.cancel}
        />
      )}
      {step.name === 'duplicate' && <DuplicateStep wizard={wizard} previous={step.previous} fileName={fileName} />}
      {step.name === 'done' && <ImportSummary outcome={step.outcome} onImportAnother={wizard.startAgain} />}
    </div>
  );
}

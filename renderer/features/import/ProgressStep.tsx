import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../src/contract/index.js';
import { PageHeading } from '../../app/PageHeading';

interface ProgressStepProps {
  title: string;
  /** The line above the heading naming the job; the import wizard's unless given. */
  caption?: string;
  /** Names the progress bar. */
  label: string;
  hint?: string;
  progress: Progress | null;
  stopping: boolean;
  onCancel(): void;
}

/** Long work under way: a progress bar (indeterminate until the backend says how far), and Cancel. */
export function ProgressStep({ title, caption, label, hint, progress, stopping, onCancel }: ProgressStepProps) {
  const { t } = useTranslation();
  const progressId = useId();
  const percent = progress?.total ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : undefined;
  return (
    <>
      <p className="caption">{caption ?? t('import.title')}</p>
      <PageHeading title={title} />
      {hint && <p>{hint}</p>}
      <div className="progress-block import-progress">
        <label htmlFor={progressId}>{label}</label>
        <progress id={progressId} max={100} value={percent}>
          {percent === undefined ? label : t('projects.percent', { percent })}
        </progress>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={stopping}>
          {stopping ? t('import.stopping') : t('import.cancel')}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {stopping ? t('import.stopping') : label}
      </p>
    </>
  );
}

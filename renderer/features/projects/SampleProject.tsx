import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectActions } from './useProjectActions';

export function SampleProject({ actions }: { actions: ProjectActions }) {
  const { t } = useTranslation();
  const headingId = useId();
  const progressId = useId();
  const { busy, progress } = actions;
  const percent = progress?.total ? Math.round((100 * progress.done) / progress.total) : undefined;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('projects.sample.title')}</h2>
      <p>{t('projects.sample.description')}</p>
      {busy === 'sample' ? (
        <div className="progress-block">
          <label htmlFor={progressId}>{t('projects.sample.preparing')}</label>
          <progress id={progressId} max={100} value={percent}>
            {percent === undefined ? t('projects.sample.preparing') : t('projects.percent', { percent })}
          </progress>
          <button type="button" className="button button-secondary" onClick={actions.cancel}>
            {t('projects.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={busy !== null} onClick={() => void actions.openSample()}>
          {t('projects.sample.open')}
        </button>
      )}
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { useProject } from '../../app/ProjectContext';
import { PathForm } from './PathForm';
import { RecentProjects, useRecentProjects } from './RecentProjects';
import { SampleProject } from './SampleProject';
import { ShellFileButtons } from './ShellFileButtons';
import { useProjectActions } from './useProjectActions';

export function ProjectPicker() {
  const { t } = useTranslation();
  const { project } = useProject();
  const actions = useProjectActions();
  const recent = useRecentProjects();
  const fileHeadingId = useId();
  const shell = window.heardShell;

  const sample = <SampleProject actions={actions} />;
  const file = (
    <section className="card" aria-labelledby={fileHeadingId}>
      <h2 id={fileHeadingId}>{t('projects.file.title')}</h2>
      <p>{t('projects.file.description')}</p>
      {shell ? <ShellFileButtons shell={shell} actions={actions} /> : <PathForm actions={actions} />}
      {(actions.busy === 'open' || actions.busy === 'create') && (
        <p role="status" className="status">
          {actions.busy === 'open' ? t('projects.opening') : t('projects.creating')}
        </p>
      )}
    </section>
  );

  return (
    <>
      <PageHeading title={t('projects.title')} />
      <p className="lead">{t('projects.intro')}</p>
      {project && <p className="inset">{t('projects.currentlyOpen', { name: project.name })}</p>}
      {actions.error !== undefined && <ErrorAlert error={actions.error} />}
      {recent === null ? (
        <p role="status">{t('projects.recent.loading')}</p>
      ) : recent.length > 0 ? (
        // Someone with projects of their own mostly wants one of them; the sample goes last.
        <div className="card-stack">
          <RecentProjects recent={recent} actions={actions} />
          {file}
          {sample}
        </div>
      ) : (
        // On first use the sample is the friendliest start.
        <div className="card-stack">
          {sample}
          {file}
        </div>
      )}
    </>
  );
}

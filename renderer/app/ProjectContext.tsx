import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../src/contract/index.js';
import { useApi } from '../api';
import { ErrorAlert } from './ErrorAlert';

interface ProjectState {
  project: ProjectInfo | null;
  setProject(project: ProjectInfo | null): void;
}

const ProjectContext = createContext<ProjectState | null>(null);

export function useProject(): ProjectState {
  const state = useContext(ProjectContext);
  if (!state) throw new Error('useProject() needs a ProjectProvider');
  return state;
}

/** Asks the backend which project is open (the host may have opened one at start) before showing any page. */
export function ProjectProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useTranslation();
  const [project, setProject] = useState<ProjectInfo | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    api.call('projects.current', {}, { signal: controller.signal }).then(setProject, (err: unknown) => {
      if (!controller.signal.aborted) setError(err);
    });
    return () => controller.abort();
  }, [api]);

  if (error !== undefined) {
    return (
      <main className="gate" id="main">
        <ErrorAlert error={error} retryLabel={t('connection.reload')} onRetry={() => location.reload()} />
      </main>
    );
  }
  if (project === undefined) {
    return (
      <main className="gate" id="main">
        <p role="status" className="gate-message">
          {t('connection.loadingProject')}
        </p>
      </main>
    );
  }
  return <ProjectContext.Provider value={{ project, setProject }}>{children}</ProjectContext.Provider>;
}

import { useEffect, useRef, useState } from 'react';
import { isCancelled, type ProjectInfo, type Progress } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { useProject } from '../../app/ProjectContext';
import { navigate } from '../../app/routes';

export type ProjectAction = 'sample' | 'open' | 'create';

/** Opening, creating and the sample project share one flow: one at a time, cancellable, errors kept for display. */
export function useProjectActions() {
  const api = useApi();
  const { setProject } = useProject();
  const [busy, setBusy] = useState<ProjectAction | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  async function run(action: ProjectAction, call: (signal: AbortSignal) => Promise<ProjectInfo>): Promise<void> {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setBusy(action);
    setProgress(null);
    setError(undefined);
    try {
      const project = await call(controller.signal);
      setProject(project);
      navigate({ page: 'data' });
    } catch (err) {
      // Cancelling is the user's own choice, not a problem to report.
      if (!isCancelled(err) && !controller.signal.aborted) setError(err);
    } finally {
      if (controllerRef.current === controller) {
        setBusy(null);
        setProgress(null);
      }
    }
  }

  return {
    busy,
    progress,
    error,
    clearError: () => setError(undefined),
    openSample: () =>
      run('sample', (signal) => api.call('projects.openSample', {}, { signal, onProgress: setProgress })),
    open: (path: string) => run('open', (signal) => api.call('projects.open', { path }, { signal })),
    create: (path: string) => run('create', (signal) => api.call('projects.create', { path }, { signal })),
    cancel: () => controllerRef.current?.abort(),
  };
}

export type ProjectActions = ReturnType<typeof useProjectActions>;

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiContext, connect, type Api, type Connection } from '../api';

type State = { status: 'connecting' } | { status: 'ready'; api: Api; lost: boolean } | { status: 'failed'; detail: string };

// One connection per page load, even when React mounts this component twice in development.
let connection: Promise<Connection> | undefined;

/** Renders the app once the backend answers; says so plainly if it never does, or if it goes away later. */
export function ConnectionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'connecting' });

  useEffect(() => {
    let live = true;
    connection ??= connect();
    connection.then(
      (opened) => {
        opened.onLost(() => live && setState((s) => (s.status === 'ready' ? { ...s, lost: true } : s)));
        if (live) setState({ status: 'ready', api: opened.api, lost: false });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.status === 'connecting') {
    return (
      <main className="gate" id="main">
        <p role="status" className="gate-message">
          {t('connection.connecting')}
        </p>
      </main>
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="gate" id="main">
        <div role="alert" className="error-summary">
          <h1 className="error-summary-title">{t('connection.failedTitle')}</h1>
          <p>{t('connection.failed')}</p>
          <details className="error-detail">
            <summary>{t('errors.technicalDetail')}</summary>
            <p>{state.detail}</p>
          </details>
          <button type="button" className="button" onClick={() => location.reload()}>
            {t('connection.reload')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <ApiContext.Provider value={state.api}>
      {state.lost && (
        <div role="alert" className="connection-lost">
          <p>{t('connection.lost')}</p>
          <button type="button" className="button button-inverse" onClick={() => location.reload()}>
            {t('connection.reload')}
          </button>
        </div>
      )}
      {children}
    </ApiContext.Provider>
  );
}

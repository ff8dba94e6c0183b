import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';
import type { RecentProject } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { ProjectActions } from './useProjectActions';

/** The recent list, or null while it loads. */
export function useRecentProjects(): RecentProject[] | null {
  const api = useApi();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    // A recent list that cannot be read is not worth an error: the other ways to open a project still work.
    api.call('projects.recent', {}, { signal: controller.signal }).then(setRecent, () => setRecent([]));
    return () => controller.abort();
  }, [api]);
  return recent;
}

export function RecentProjects({ recent, actions }: { recent: RecentProject[]; actions: ProjectActions }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(formatLocales(i18n.language), { dateStyle: 'long', timeStyle: 'short' }),
    [i18n.language],
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('projects.recent.title')}</h2>
      <ul className="recent-list">
        {recent.map((item) => (
          <li key={item.path} className="recent-item">
            <div className="recent-text">
              <span className="recent-name">{item.name}</span>
              <span className="recent-path">{item.path}</span>
              <span className="recent-date">
                {item.exists
                  ? t('projects.recent.openedAt', { date: formatDate(dateFormat, item.openedAt) })
                  : t('projects.recent.missing')}
              </span>
            </div>
            {item.exists && (
              <button
                type="button"
                className="button button-secondary"
                disabled={actions.busy !== null}
                onClick={() => void actions.open(item.path)}
              >
                {t('projects.recent.open')}
                <span className="visually-hidden"> {item.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

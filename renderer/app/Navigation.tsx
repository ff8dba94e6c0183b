import { useTranslation } from 'react-i18next';
import { hrefFor, type ProjectPage } from './routes';

/** The project's pages. Links, not buttons: each page has an address, so Back and Forward work. */
export function Navigation({ current }: { current: ProjectPage | null }) {
  const { t } = useTranslation();
  const items: Array<{ page: ProjectPage; label: string }> = [
    { page: 'data', label: t('nav.data') },
    { page: 'tables', label: t('nav.tables') },
    { page: 'weighting', label: t('nav.weighting') },
    { page: 'themes', label: t('nav.themes') },
    { page: 'equality', label: t('nav.equality') },
    { page: 'gaps', label: t('nav.gaps') },
    { page: 'trends', label: t('nav.trends') },
    { page: 'report', label: t('nav.report') },
  ];
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul className="app-nav-list">
        {items.map(({ page, label }) => (
          <li key={page}>
            <a
              href={hrefFor({ page })}
              className="app-nav-link"
              aria-current={page === current ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

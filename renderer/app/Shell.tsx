import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { MAIN_HEADING_ID } from './PageHeading';
import { PageForRoute } from './PageForRoute';
import { useProject } from './ProjectContext';
import { hrefFor, useRoute, type ProjectPage, type Route } from './routes';

/** Without a project only the picker makes sense; with one and no address yet, start at its data. */
function effectiveRoute(route: Route | null, hasProject: boolean): Route {
  if (!hasProject) return { page: 'projects' };
  return route ?? { page: 'data' };
}

function navPage(route: Route): ProjectPage | null {
  if (route.page === 'wave' || route.page === 'problems' || route.page === 'locality' || route.page === 'import') return 'data';
  if (route.page === 'projects' || route.page === 'notFound') return null;
  return route.page;
}

export function Shell() {
  const { t } = useTranslation();
  const { project } = useProject();
  const route = effectiveRoute(useRoute(), project !== null);
  const address = hrefFor(route);

  // After moving to another page (not on first load), take focus to its heading; see PageHeading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(MAIN_HEADING_ID)?.focus();
  }, [address]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <Header />
      <div className="app-body">
        {project && <Navigation current={navPage(route)} />}
        <main id="main" tabIndex={-1} className="app-main">
          <PageForRoute route={route} />
        </main>
      </div>
    </div>
  );
}

/** The skip link must not change the hash: the hash is the page address. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

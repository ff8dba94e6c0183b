import { useEffect, useState } from 'react';

/** The pages of an open project, in the order the navigation lists them. */
export const PROJECT_PAGES = ['data', 'tables', 'weighting', 'themes', 'equality', 'gaps', 'trends', 'report'] as const;
export type ProjectPage = (typeof PROJECT_PAGES)[number];

export type Route =
  | { page: 'projects' }
  | { page: ProjectPage }
  | { page: 'wave'; waveId: number }
  | { page: 'import' }
  | { page: 'problems'; waveId: number }
  | { page: 'locality'; waveId: number }
  | { page: 'notFound' };

/**
 * Hash routes, because the same build is loaded from file:// in Electron, where there is no server to answer
 * deep links. `#/data/wave/3` is one wave's responses, `#/data/wave/3/problems` what its import could not read,
 * `#/data/wave/3/locality` placing its respondents by postcode, `#/data/import` the import wizard.
 */
export function parseRoute(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third, fourth] = parts;
  if (first === undefined) return null;
  if (first === 'projects' && parts.length === 1) return { page: 'projects' };
  if (first === 'data' && second === 'import' && parts.length === 2) return { page: 'import' };
  if (first === 'data' && second === 'wave' && third !== undefined && /^\d+$/.test(third)) {
    if (parts.length === 3) return { page: 'wave', waveId: Number(third) };
    if (parts.length === 4 && fourth === 'problems') return { page: 'problems', waveId: Number(third) };
    if (parts.length === 4 && fourth === 'locality') return { page: 'locality', waveId: Number(third) };
  }
  if ((PROJECT_PAGES as readonly string[]).includes(first) && parts.length === 1) return { page: first as ProjectPage };
  return { page: 'notFound' };
}

export function hrefFor(route: Route): string {
  if (route.page === 'wave') return `#/data/wave/${route.waveId}`;
  if (route.page === 'problems') return `#/data/wave/${route.waveId}/problems`;
  if (route.page === 'locality') return `#/data/wave/${route.waveId}/locality`;
  if (route.page === 'import') return '#/data/import';
  return `#/${route.page}`;
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

/** The current route; `null` when the address has none yet (the app then picks a sensible start page). */
export function useRoute(): Route | null {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

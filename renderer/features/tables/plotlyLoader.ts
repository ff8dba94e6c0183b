import './plotly.css';

export interface PlotlyApi {
  react(element: HTMLElement, data: object[], layout: object, config: object): Promise<unknown>;
  purge(element: HTMLElement): void;
}

/**
 * Plotly adds its stylesheets with <style> elements, which the app's CSP (style-src 'self', no 'unsafe-inline') refuses.
 * It skips its own rules when an element with this id and class is there (they are in plotly.css, bundled as a file),
 * and the map library's rules, which a bar chart does not need, when an element with the other id is.
 */
const STYLE_MARKERS: { id: string; className: string }[] = [
  { id: 'plotly.js-style-global', className: 'no-inline-styles' },
  { id: '9f215cf04c5486422605d13261cb87401f4e7763b6296af81e98efbc0130da53', className: 'no-inline-styles' },
];

let loading: Promise<PlotlyApi> | null = null;

/**
 * The basic Plotly bundle (bar, scatter, pie), loaded on first use so the rest of the app does not wait for it. It has
 * no eval or Function constructor, so script-src 'self' holds too.
 */
export function loadPlotly(): Promise<PlotlyApi> {
  for (const { id, className } of STYLE_MARKERS) {
    if (document.getElementById(id)) continue;
    const marker = document.createElement('meta');
    marker.id = id;
    marker.className = className;
    document.head.append(marker);
  }
  loading ??= import('plotly.js-basic-dist-min').then((module) => (module.default ?? module) as PlotlyApi);
  return loading;
}

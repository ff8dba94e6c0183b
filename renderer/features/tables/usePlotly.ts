import { useEffect, useRef, useState, type RefObject } from 'react';
import { loadPlotly } from './plotlyLoader';

export type PlotState = 'drawing' | 'drawn' | 'failed';

/**
 * Draws a Plotly figure into the element, loading Plotly on first use, again whenever the data or layout change (by
 * value), and frees it when the component goes. Every chart of the app draws through this, with the same options.
 */
export function usePlotly(data: object[], layout: object): { ref: RefObject<HTMLDivElement | null>; state: PlotState } {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PlotState>('drawing');
  const dataKey = JSON.stringify(data);
  const layoutKey = JSON.stringify(layout);
  useEffect(() => {
    let cancelled = false;
    const element = ref.current;
    if (!element) return;
    setState('drawing');
    loadPlotly()
      .then((plotly) =>
        plotly.react(element, JSON.parse(dataKey) as object[], JSON.parse(layoutKey) as object, {
          displayModeBar: false,
          responsive: true,
          scrollZoom: false,
          doubleClick: false,
          showTips: false,
        }),
      )
      .then(
        () => !cancelled && setState('drawn'),
        () => !cancelled && setState('failed'),
      );
    return () => {
      cancelled = true;
    };
  }, [dataKey, layoutKey]);
  useEffect(() => {
    const element = ref.current;
    return () => {
      if (element) void loadPlotly().then((plotly) => plotly.purge(element));
    };
  }, []);
  return { ref, state };
}

/** Plotly reads a few HTML-like tags in text; labels from survey files are shown as written, never as markup. */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The app's text colour, for chart text, axes and error bars. */
export const CHART_TEXT = '#0b0c0c';

/** Every chart's frame: its height and bottom margin (room for its labels), the app's font, a white page. */
export function chartLayout(height: number, bottom: number): object {
  return {
    height,
    margin: { l: 64, r: 16, t: 16, b: bottom },
    font: { family: "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif", size: 14, color: CHART_TEXT },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
  };
}

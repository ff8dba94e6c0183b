import { useTranslation } from 'react-i18next';
import type { usePlotly } from './usePlotly';

interface PlotAreaProps {
  /** What usePlotly returned for this chart. */
  plot: ReturnType<typeof usePlotly>;
  /** Classes beside `table-chart-plot`. */
  className?: string;
  /** The image's name: its own words, or the id of the caption that names it. */
  label?: string;
  labelledBy?: string;
  /** The text alternative (a summary or the table with every figure). */
  describedBy: string;
  /** Said when Plotly cannot draw: points to where the figures are, which each page knows. */
  failed: string;
}

/**
 * Where a chart is drawn, the same on every page: one image to assistive technology, named and described by the
 * page's text alternative, with a status while Plotly loads and a message if it cannot draw.
 */
export function PlotArea({ plot, className, label, labelledBy, describedBy, failed }: PlotAreaProps) {
  const { t } = useTranslation();
  return (
    <>
      <div
        ref={plot.ref}
        className={className ? `table-chart-plot ${className}` : 'table-chart-plot'}
        role="img"
        aria-label={label}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-state={plot.state}
      />
      {plot.state === 'drawing' && (
        <p role="status" className="hint">
          {t('tables.chart.drawing')}
        </p>
      )}
      {plot.state === 'failed' && <p className="inset">{failed}</p>}
    </>
  );
}

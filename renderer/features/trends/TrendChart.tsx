import { useTranslation } from 'react-i18next';
import type { TrendSeries } from '../../../src/contract/index.js';
import { PlotArea } from '../tables/PlotArea';
import { CHART_TEXT, chartLayout, plotlyText as plain, usePlotly } from '../tables/usePlotly';

const TEXT = CHART_TEXT;

/**
 * The figure in each wave as a point with its 95% interval, joined by a line. One image to assistive technology,
 * described by the change sentence and the table beside it, which has every figure.
 */
export function TrendChart({ series, names, describedBy }: { series: TrendSeries; names: string[]; describedBy: string }) {
  const { t } = useTranslation();
  const percent = series.units === 'percent';
  const axis = percent ? t('trends.chart.percentAxis') : series.units === 'score' ? t('trends.chart.scoreAxis') : t('trends.chart.pointsAxis');
  const data = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: plain(series.label),
      x: names.map(plain),
      y: series.waves.map((w) => w.estimate),
      line: { color: '#12436D', width: 2 },
      marker: { color: '#12436D', size: 10, symbol: 'circle' },
      error_y: {
        type: 'data',
        symmetric: false,
        array: series.waves.map((w) => (w.ci ? w.ci[1] - w.estimate : null)),
        arrayminus: series.waves.map((w) => (w.ci ? w.estimate - w.ci[0] : null)),
        color: TEXT,
        thickness: 1.5,
        width: 6,
      },
      hovertemplate: `%{x}: %{y:.1f}${percent ? '%' : ''}<extra></extra>`,
    },
  ];
  const layout = {
    ...chartLayout(380, 56),
    showlegend: false,
    xaxis: { type: 'category', fixedrange: true, linecolor: TEXT },
    yaxis: { fixedrange: true, rangemode: percent ? 'tozero' : 'normal', ticksuffix: percent ? '%' : '', gridcolor: '#dcdcdc', zerolinecolor: TEXT, title: { text: plain(axis) } },
  };
  const plot = usePlotly(data, layout);
  return (
    <figure className="table-chart">
      <PlotArea
        plot={plot}
        className="trends-chart-plot"
        label={t('trends.chart.imageLabel', { label: series.label })}
        describedBy={describedBy}
        failed={t('trends.chart.failed')}
      />
    </figure>
  );
}

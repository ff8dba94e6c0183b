import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quadrant, QuadrantChart as Chart } from '../../../src/contract/index.js';
import { PlotArea } from '../tables/PlotArea';
import { CHART_TEXT, chartLayout, plotlyText as plain, usePlotly } from '../tables/usePlotly';
import type { Numbers } from '../tables/words';
import { quadrantName } from './words';

interface QuadrantChartProps {
  chart: Chart;
  crosshairs: 'means' | 'midpoint';
  onCrosshairs(crosshairs: 'means' | 'midpoint'): void;
  numbers: Numbers;
}

interface QuadrantFigureProps {
  chart: Chart;
  crosshairs: 'means' | 'midpoint';
  /** Points are pairs (the wave's chart) or the groups of one pair's breakdown. */
  of: 'pairs' | 'groups';
  numbers: Numbers;
}

const TEXT = CHART_TEXT;
/** Each quadrant has its own marker shape as well as colour (both at least 3:1 against white), never colour alone. */
const STYLE: Record<Quadrant, { color: string; symbol: string }> = {
  concentrate_here: { color: '#801650', symbol: 'diamond' },
  keep_up_the_good_work: { color: '#12436D', symbol: 'circle' },
  low_priority: { color: '#3D3D3D', symbol: 'square' },
  possible_overkill: { color: '#28A197', symbol: 'triangle-up' },
};
const QUADRANTS: Quadrant[] = ['concentrate_here', 'keep_up_the_good_work', 'low_priority', 'possible_overkill'];

/**
 * The importance–performance chart (Martilla & James): each pair's mean satisfaction across, mean importance up, the
 * crosshairs splitting the four quadrants. One image to assistive technology; the table under it has every point.
 */
export function QuadrantChart({ chart, crosshairs, onCrosshairs, numbers }: QuadrantChartProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const radioName = useId();
  return (
    <section className="gaps-section gaps-quadrants" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('gaps.chart.title')}</h2>
      <p className="hint">{t('gaps.chart.intro')}</p>
      <fieldset className="fieldset">
        <legend className="legend">{t('gaps.chart.crosshairs')}</legend>
        <div className="radios radios-inline">
          {(['means', 'midpoint'] as const).map((c) => (
            <div className="radio" key={c}>
              <input id={`${radioName}-${c}`} type="radio" name={radioName} className="radio-input" checked={crosshairs === c} onChange={() => onCrosshairs(c)} />
              <label htmlFor={`${radioName}-${c}`} className="radio-label">
                {c === 'means' ? t('gaps.chart.crosshairsMeans') : t('gaps.chart.crosshairsMidpoint')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <QuadrantFigure chart={chart} crosshairs={crosshairs} of="pairs" numbers={numbers} />
    </section>
  );
}

/** The chart, a sentence on what it shows, and the table of its points (the chart's text alternative). */
export function QuadrantFigure({ chart, crosshairs, of, numbers }: QuadrantFigureProps) {
  const { t } = useTranslation();
  const tableId = useId();
  const cross = chart.crosshairs;

  const data = QUADRANTS.map((q) => {
    const points = chart.points.filter((p) => p.quadrant === q);
    return {
      type: 'scatter',
      mode: 'markers+text',
      name: plain(quadrantName(t, q)),
      x: points.map((p) => p.satisfaction.mean),
      y: points.map((p) => p.importance.mean),
      text: points.map((p) => plain(p.label)),
      textposition: 'top center',
      textfont: { size: 12, color: TEXT },
      cliponaxis: false,
      marker: { size: 12, color: STYLE[q].color, symbol: STYLE[q].symbol, line: { color: '#ffffff', width: 1 } },
      hovertemplate: `%{text}<br>${plain(t('gaps.chart.satisfactionAxis'))}: %{x:.2f}<br>${plain(t('gaps.chart.importanceAxis'))}: %{y:.2f}<extra></extra>`,
    };
  }).filter((trace) => trace.x.length > 0);

  const corner = (x: number, y: number, q: Quadrant, xanchor: string, yanchor: string) => ({
    x,
    y,
    xref: 'x',
    yref: 'y',
    text: plain(quadrantName(t, q)),
    showarrow: false,
    xanchor,
    yanchor,
    font: { size: 12, color: '#505a5f' },
  });
  const layout = {
    ...chartLayout(460, 56),
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: -0.18 },
    xaxis: { range: [1, 5], fixedrange: true, title: { text: plain(t('gaps.chart.satisfactionAxis')) }, gridcolor: '#dcdcdc', zeroline: false, linecolor: TEXT },
    yaxis: { range: [1, 5], fixedrange: true, title: { text: plain(t('gaps.chart.importanceAxis')) }, gridcolor: '#dcdcdc', zeroline: false, linecolor: TEXT },
    shapes: [
      { type: 'line', x0: cross.satisfaction, x1: cross.satisfaction, y0: 1, y1: 5, line: { color: TEXT, width: 1.5, dash: 'dash' } },
      { type: 'line', x0: 1, x1: 5, y0: cross.importance, y1: cross.importance, line: { color: TEXT, width: 1.5, dash: 'dash' } },
    ],
    annotations: [
      corner(1.05, 4.95, 'concentrate_here', 'left', 'top'),
      corner(4.95, 4.95, 'keep_up_the_good_work', 'right', 'top'),
      corner(1.05, 1.05, 'low_priority', 'left', 'bottom'),
      corner(4.95, 1.05, 'possible_overkill', 'right', 'bottom'),
    ],
  };

  const plot = usePlotly(data, layout);

  const crossValues = { importance: numbers.two.format(cross.importance), satisfaction: numbers.two.format(cross.satisfaction) };
  const concentrate = chart.points.filter((p) => p.quadrant === 'concentrate_here').map((p) => p.label);
  return (
    <div className="gaps-quadrant-figure" data-of={of}>
      <p className="gaps-chart-summary">
        {concentrate.length > 0 ? t('gaps.chart.concentrate', { items: concentrate.join(t('gaps.chart.listJoin')) }) : t('gaps.chart.noConcentrate')}{' '}
        {crosshairs === 'means' ? t('gaps.chart.crossAtMeans', crossValues) : t('gaps.chart.crossAtMidpoint', crossValues)}
      </p>
      <figure className="table-chart">
        <PlotArea
          plot={plot}
          label={of === 'pairs' ? t('gaps.chart.imageLabel') : t('gaps.chart.groupsImageLabel')}
          describedBy={tableId}
          failed={t('gaps.chart.failed')}
        />
      </figure>
      <div className="table-scroll">
        <table className="table gaps-quadrant-table" id={tableId}>
          <caption className="caption">{of === 'pairs' ? t('gaps.chart.tableCaption') : t('gaps.chart.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{of === 'pairs' ? t('gaps.chart.item') : t('gaps.chart.group')}</th>
              <th scope="col" className="numeric">
                {t('gaps.chart.meanImportance')}
              </th>
              <th scope="col" className="numeric">
                {t('gaps.chart.meanSatisfaction')}
              </th>
              <th scope="col">{t('gaps.chart.quadrant')}</th>
            </tr>
          </thead>
          <tbody>
            {chart.points.map((p) => (
              <tr key={p.key} data-key={p.key}>
                <th scope="row">{p.label}</th>
                <td className="numeric">{numbers.two.format(p.importance.mean)}</td>
                <td className="numeric">{numbers.two.format(p.satisfaction.mean)}</td>
                <td>{quadrantName(t, p.quadrant)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../src/contract/index.js';
import { PlotArea } from '../tables/PlotArea';
import { plotlyText as plain, usePlotly } from '../tables/usePlotly';

/** Two colours with 3:1 contrast on white, told apart by pattern and legend as well, never by colour alone. */
const RESIDENTS = { color: '#12436D', pattern: '/' };
const RESPONDENTS = { color: '#28A197', pattern: '.' };
const TEXT = '#0b0c0c';

/**
 * Residents' and respondents' shares side by side for each category (horizontal bars, so long category names stay
 * readable), the respondents' share with its 95% interval. One image to assistive technology, described by a
 * sentence; the table beside it has every figure.
 */
export function RepresentationChart({ result }: { result: Representation }) {
  const { t } = useTranslation();
  const titleId = useId();
  const summaryId = useId();
  const categories = result.categories.map((c) => plain(c.category)).reverse();
  const rows = [...result.categories].reverse();
  const data = [
    // Horizontal bars stack the first trace lowest: respondents first puts residents on top, as the legend reads.
    {
      type: 'bar',
      orientation: 'h',
      name: plain(t('equality.rep.respondents')),
      y: categories,
      x: rows.map((c) => c.share),
      error_x: { type: 'data', symmetric: false, array: rows.map((c) => (c.ci ? c.ci[1] - c.share : null)), arrayminus: rows.map((c) => (c.ci ? c.share - c.ci[0] : null)), color: TEXT, thickness: 1.5, width: 3 },
      marker: { color: RESPONDENTS.color, pattern: { shape: RESPONDENTS.pattern, fillmode: 'overlay', fgcolor: '#ffffff', size: 7, solidity: 0.35 } },
      hovertemplate: '%{y}: %{x:.1f}%<extra>%{fullData.name}</extra>',
    },
    {
      type: 'bar',
      orientation: 'h',
      name: plain(t('equality.rep.residents')),
      y: categories,
      x: rows.map((c) => c.population_share),
      marker: { color: RESIDENTS.color, pattern: { shape: RESIDENTS.pattern, fillmode: 'overlay', fgcolor: '#ffffff', size: 7, solidity: 0.35 } },
      hovertemplate: '%{y}: %{x:.1f}%<extra>%{fullData.name}</extra>',
    },
  ];
  const layout = {
    barmode: 'group',
    height: Math.max(240, 90 + 44 * result.categories.length),
    margin: { l: 16, r: 24, t: 8, b: 48 },
    font: { family: "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif", size: 14, color: TEXT },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', traceorder: 'reversed' },
    xaxis: { fixedrange: true, rangemode: 'tozero', ticksuffix: '%', gridcolor: '#dcdcdc', zerolinecolor: TEXT, title: { text: plain(t('equality.rep.axis')) } },
    yaxis: { fixedrange: true, automargin: true, linecolor: TEXT },
  };
  const plot = usePlotly(data, layout);

  const under = result.categories.filter((c) => c.flag === 'under').map((c) => c.category);
  const over = result.categories.filter((c) => c.flag === 'over').map((c) => c.category);
  const summary = [
    t('equality.rep.chartSummary', { count: result.categories.length }),
    under.length ? t('equality.rep.chartUnder', { names: under.join('; ') }) : '',
    over.length ? t('equality.rep.chartOver', { names: over.join('; ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure className="table-chart">
      <figcaption id={titleId} className="table-chart-title">
        {t('equality.rep.chartTitle', { characteristic: result.variableLabel })}
      </figcaption>
      <PlotArea plot={plot} labelledBy={titleId} describedBy={summaryId} failed={t('tables.chart.failed')} />
      <p id={summaryId} className="table-chart-summary">
        {summary}
      </p>
    </figure>
  );
}


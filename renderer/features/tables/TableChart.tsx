import type { TFunction } from 'i18next';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crosstab } from '../../../src/contract/index.js';
import type { ShownCell } from './CrosstabTable';
import { PlotArea } from './PlotArea';
import { CHART_TEXT, chartLayout, plotlyText as plain, usePlotly } from './usePlotly';
import { columnName, type Numbers } from './words';

/**
 * The Government Analysis Function's categorical palette: each colour has at least 3:1 contrast with the white
 * background (WCAG 1.4.11). Bars are also told apart by pattern and by their place in the legend, never by colour alone.
 */
const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'];
const PATTERNS = ['', '/', '.', 'x', '\\', '+', '-', '|'];
const TEXT = CHART_TEXT;

interface TableChartProps {
  table: Crosstab;
  cells: readonly ShownCell[];
  title: string;
  numbers: Numbers;
}

/**
 * Grouped bars of the column percentages with their 95% intervals: one group per answer, one bar per column. Nets
 * are left out (they add up answers already drawn) and so is every figure the table withholds. The picture is one
 * image to assistive technology, described by a sentence; the table above it has every figure.
 */
export function TableChart({ table, cells, title, numbers }: TableChartProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const summaryId = useId();

  const options = table.rows.filter((r) => r.kind === 'option' || r.kind === 'other');
  const byKey = useMemo(() => new Map(cells.map((c) => [`${c.col ?? ''}\u0001${c.row}`, c])), [cells]);
  const cellAt = (row: string, col: string | null) => byKey.get(`${col ?? ''}\u0001${row}`);

  const data = table.bases.map((base, j) => {
    const all = options.map((r) => cellAt(r.label, base.col));
    const shown = all.map((c) => (c && c.shown === 'value' ? c : null));
    // A withheld figure has no bar: its place is marked [c] or [x] as in the table, so a gap never reads as 0%.
    const marks = all.map((c) => (c?.shown === 'c' ? t('tables.result.confidentialMarker') : c?.shown === 'x' ? t('tables.result.hiddenMarker') : ''));
    return {
      type: 'bar',
      name: plain(columnName(t, base)),
      x: options.map((r) => wrap(plain(r.label))),
      // Withheld: a place of no height, so the mark above it sits where its bar would be.
      y: shown.map((c) => (c ? c.pct : 0)),
      text: marks,
      customdata: all.map((c, i) => (c?.shown === 'value' ? t('tables.result.percent', { value: numbers.one.format(c.pct) }) : marks[i])),
      textposition: 'outside',
      textfont: { size: 12, color: '#505a5f' },
      cliponaxis: false,
      error_y: {
        type: 'data',
        symmetric: false,
        array: shown.map((c) => (c?.ci ? c.ci[1] - c.pct : null)),
        arrayminus: shown.map((c) => (c?.ci ? c.pct - c.ci[0] : null)),
        color: TEXT,
        thickness: 1.5,
        width: 3,
      },
      marker: {
        color: PALETTE[j % PALETTE.length],
        line: { color: '#ffffff', width: 1 },
        pattern: { shape: PATTERNS[j % PATTERNS.length], fillmode: 'overlay', fgcolor: '#ffffff', size: 7, solidity: 0.35 },
      },
      hovertemplate: '%{x}<br>%{fullData.name}: %{customdata}<extra></extra>',
    };
  });

  const layout = {
    barmode: 'group',
    ...chartLayout(440, 96),
    showlegend: table.bases.length > 1,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', title: { text: plain(table.colLabel ?? '') } },
    xaxis: { fixedrange: true, automargin: true, tickangle: 0, linecolor: TEXT },
    yaxis: {
      fixedrange: true,
      rangemode: 'tozero',
      ticksuffix: '%',
      gridcolor: '#dcdcdc',
      zerolinecolor: TEXT,
      title: { text: plain(t('tables.chart.yAxis')) },
    },
  };

  const plot = usePlotly(data, layout);

  const summary = chartSummary(t, table, options, cellAt, numbers);
  return (
    <figure className="table-chart">
      <figcaption id={titleId} className="table-chart-title">
        {t('tables.chart.title', { title })}
      </figcaption>
      <PlotArea plot={plot} labelledBy={titleId} describedBy={summaryId} failed={t('tables.chart.failed')} />
      <p id={summaryId} className="table-chart-summary">
        {summary}
      </p>
    </figure>
  );
}

/** One or two sentences saying what the bars show and which is highest, for the text alternative. */
function chartSummary(
  // i18next's TFunction, as words.ts takes it: the hook's own t type (ReturnType<typeof useTranslation>['t']) is
  // too deep for TypeScript to instantiate once the catalogue grew past ~750 keys (TS2589).
  t: TFunction,
  table: Crosstab,
  options: Crosstab['rows'],
  cellAt: (row: string, col: string | null) => ShownCell | undefined,
  numbers: Numbers,
): string {
  const plotted: { row: string; base: Crosstab['bases'][number]; cell: ShownCell }[] = [];
  let withheld = 0;
  for (const row of options) {
    for (const base of table.bases) {
      const cell = cellAt(row.label, base.col);
      if (cell?.shown === 'value') plotted.push({ row: row.label, base, cell });
      else if (cell) withheld++;
    }
  }
  const parts: string[] = [];
  const top = plotted.reduce<(typeof plotted)[number] | null>((best, p) => (best === null || p.cell.pct > best.cell.pct ? p : best), null);
  if (table.colLabel) {
    parts.push(t('tables.chart.summaryGrouped', { count: table.bases.length, answers: options.length, by: table.colLabel }));
    if (top) parts.push(t('tables.chart.highestGrouped', { answer: top.row, group: columnName(t, top.base), value: numbers.one.format(top.cell.pct) }));
  } else {
    parts.push(t('tables.chart.summaryAll', { count: options.length }));
    if (top) parts.push(t('tables.chart.highestAll', { answer: top.row, value: numbers.one.format(top.cell.pct) }));
  }
  if (withheld > 0) parts.push(t('tables.chart.withheld', { count: withheld }));
  if (table.rows.length > options.length) parts.push(t('tables.chart.netsLeftOut'));
  return parts.join(' ');
}

/** Breaks a long answer over lines at spaces, so the answers under the bars stay level and readable. */
function wrap(text: string, width = 18): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}

import type { ReportChart } from '../contract/report.js';

/**
 * A report chart as an SVG tree: horizontal bars, one group per category, one bar per series, each bar labelled with
 * its series and figure (so nothing rests on colour alone), withheld bars shown as their symbol. Pure (no Node, no
 * DOM): the HTML writer serialises it, the Word writer rasterises it, and the Report page draws the same tree.
 */
export interface SvgNode {
  tag: 'svg' | 'g' | 'rect' | 'line' | 'text' | 'title' | 'desc';
  attrs: Record<string, string | number>;
  children: (SvgNode | string)[];
}

const WIDTH = 720;
const LABEL = 250;
const BAR = 16;
const GAP = 4;
const GROUP_GAP = 14;
const TOP = 8;
/** Named in turn, since a rasteriser (resvg) takes the first it has: Windows, macOS, then Linux fonts. */
const FONTS = 'Arial, Helvetica, Liberation Sans, DejaVu Sans, sans-serif';
/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinct also in greyscale. */
const COLOURS = ['#1d4f91', '#6a8fc7', '#0b6e4f', '#b35900'];

export function chartTree(chart: ReportChart, titleId = `${chart.id}-title`, descId = `${chart.id}-desc`): SvgNode {
  const values = chart.series.flatMap((s) => s.values.map((v) => v.value)).filter((v): v is number => v !== null);
  const max = chart.unit === 'percent' ? 100 : Math.max(1, ...values.map((v) => Math.abs(v)));
  const min = chart.unit === 'percent' ? 0 : Math.min(0, ...values);
  // Room on the right for the longest figure label (about 7 px a character at 12 px), so none is cut off.
  const labelChars = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => (chart.series.length > 1 ? `${s.name}: ${v.text}` : v.text).length)));
  const plot = WIDTH - LABEL - Math.max(60, 7 * labelChars + 12);
  const x = (v: number) => LABEL + ((v - min) / (max - min)) * plot;
  const groupHeight = chart.series.length * (BAR + GAP) - GAP;
  const height = TOP + chart.categories.length * (groupHeight + GROUP_GAP) + 10;
  const node = (tag: SvgNode['tag'], attrs: SvgNode['attrs'], children: SvgNode['children'] = []): SvgNode => ({ tag, attrs, children });

  const groups = chart.categories.map((category, c) => {
    const y0 = TOP + c * (groupHeight + GROUP_GAP);
    const bars = chart.series.flatMap((series, s) => {
      const cell = series.values[c]!;
      const y = y0 + s * (BAR + GAP);
      const label = chart.series.length > 1 ? `${series.name}: ${cell.text}` : cell.text;
      if (cell.value === null) return [node('text', { x: x(0) + 4, y: y + BAR - 4, 'font-size': 12, fill: '#333333' }, [label])];
      const from = Math.min(x(0), x(cell.value));
      const width = Math.max(1, Math.abs(x(cell.value) - x(0)));
      return [
        node('rect', { x: from, y, width, height: BAR, fill: COLOURS[s % COLOURS.length]! }),
        node('text', { x: Math.max(x(0), x(cell.value)) + 4, y: y + BAR - 4, 'font-size': 12, fill: '#1a1a1a' }, [label]),
      ];
    });
    return node('g', {}, [
      node('text', { x: LABEL - 8, y: y0 + groupHeight / 2 + 4, 'font-size': 12, 'text-anchor': 'end', fill: '#1a1a1a' }, [shorten(category, 38)]),
      ...bars,
    ]);
  });
  return node(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, 'font-family': FONTS },
    [
      node('title', { id: titleId }, [chart.title]),
      node('desc', { id: descId }, [chart.alt]),
      node('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }),
      node('line', { x1: x(0), y1: TOP - 4, x2: x(0), y2: height - 8, stroke: '#505a5f', 'stroke-width': 1 }),
      ...groups,
    ],
  );
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function svgMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.children.map((c) => (typeof c === 'string' ? escapeXml(c) : svgMarkup(c))).join('');
  return `<${node.tag}${attrs}>${children}</${node.tag}>`;
}

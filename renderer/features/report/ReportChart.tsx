import { createElement, type ReactNode } from 'react';
import type { ReportChart as Chart } from '../../../src/contract/index.js';
import { chartTree, type SvgNode } from '../../../src/report/chart-svg.js';

/**
 * The preview's chart: the very SVG tree the HTML and Word reports draw (src/report/chart-svg.ts), made into React
 * elements, so labels from the data are text nodes React escapes; no markup is ever injected. Presentation
 * attributes only (no style attributes), which the strict CSP allows.
 */
export function ReportChart({ chart, idPrefix }: { chart: Chart; idPrefix: string }) {
  return <>{toElement(chartTree(chart, `${idPrefix}-title`, `${idPrefix}-desc`), '0')}</>;
}

const REACT_NAMES: Record<string, string> = {
  'font-size': 'fontSize',
  'font-family': 'fontFamily',
  'text-anchor': 'textAnchor',
  'stroke-width': 'strokeWidth',
};

function toElement(node: SvgNode, key: string): ReactNode {
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(node.attrs)) props[REACT_NAMES[name] ?? name] = value;
  return createElement(node.tag, props, ...node.children.map((child, i) => (typeof child === 'string' ? child : toElement(child, `${key}.${i}`))));
}

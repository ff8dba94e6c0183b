import type { TrendPoint, TrendSeries } from '../../contract/gaps.js';
import type { ReportCell, ReportSection, ReportTable } from '../../contract/report.js';
import { disclosureFlag } from '../../stats/disclosure-flag.js';
import type { TableVariableSpec } from '../../tables/variables.js';
import type { ReportContext } from '../context.js';

export interface TrendRow {
  question: TableVariableSpec;
  series: TrendSeries;
  /** Each wave's printed figure, after disclosure control. */
  cells: ReportCell[];
  /** The change is shown only when both of its waves are. */
  changeShown: boolean;
  significant: boolean;
}

const ALPHA = 0.05;

/** Every scale question followed across the compared waves by trends.series (top two answers). */
export async function trendRows(ctx: ReportContext): Promise<{ rows: TrendRow[]; missing: TableVariableSpec[] }> {
  const rows: TrendRow[] = [];
  const missing: TableVariableSpec[] = [];
  for (const question of ctx.scales) {
    const series = await ctx.trend(question.name);
    if (!series) {
      missing.push(question);
      continue;
    }
    const cells: ReportCell[] = [];
    for (const point of series.waves) cells.push(await pointCell(ctx, point));
    const [before, last] = cells.slice(-2);
    const changeShown = before!.value !== null && last!.value !== null && series.change !== null;
    rows.push({ question, series, cells, changeShown, significant: changeShown && series.change!.p < ALPHA });
  }
  return { rows, missing };
}

/**
 * A wave's top-box %, withheld as the Tables page would withhold that wave's Top 2 row: [c] when fewer than the
 * threshold gave a top answer (the count comes from the same crosstab the page shows), [x] on a base below 30.
 */
async function pointCell(ctx: ReportContext, point: TrendPoint): Promise<ReportCell> {
  const table = await ctx.table(point.question, null, point.waveId);
  const top = table.rows.find((r) => r.kind === 'top2');
  const count = top ? (table.cells.find((c) => c.row === top.label)?.n ?? 0) : 0;
  const flag = disclosureFlag(count, point.n, ctx.thresholds);
  if (flag === 'c') return { text: '[c]', value: null };
  if (flag === 'hidden') return { text: '[x]', value: null };
  return { text: flag === 'low' ? `${ctx.pct(point.estimate)} [low]` : ctx.pct(point.estimate), value: point.estimate };
}

export async function trendsSection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  const heading = t('report.sections.trends');
  if (ctx.compare.length === 0) return { id: 'trends', heading, blocks: [{ type: 'paragraph', text: t('report.trends.none') }] };
  const { rows, missing } = await trendRows(ctx);
  const waves = [...ctx.compare, ctx.wave];
  const points = (v: number) => ctx.num(v, 1);
  const table: ReportTable = {
    type: 'table',
    id: 'trends-table',
    caption: t('report.trends.caption'),
    head: [t('report.trends.question'), ...waves.map((w) => w.label), t('report.trends.change'), t('report.trends.significant')],
    rows: rows.map((r) => ({
      label: r.question.label,
      kind: 'option' as const,
      cells: [
        ...r.cells,
        r.changeShown ? { text: signed(points(r.series.change!.estimate), r.series.change!.estimate), value: r.series.change!.estimate } : { text: '[z]', value: null },
        { text: r.changeShown ? r.significant ? t('report.trends.yes') : t('report.trends.no') : '[z]', value: null },
      ],
    })),
    notes: [t('report.trends.note')],
  };
  const blocks: ReportSection['blocks'] = [{ type: 'paragraph', text: t('report.trends.intro', { waves: waves.map((w) => w.label).join(', ') }) }];
  if (rows.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'trends-chart',
      title: t('report.trends.chartTitle'),
      alt: t('report.trends.chartAlt', {
        list: rows.map((r) => `${r.question.label}: ${r.cells.map((c, i) => `${waves[i]!.label} ${c.value === null ? t('report.chart.withheld') : c.text}`).join(', ')}`).join('; '),
      }),
      unit: 'percent',
      categories: rows.map((r) => r.question.label),
      series: waves.map((w, i) => ({ name: w.label, values: rows.map((r) => r.cells[i]!) })),
    });
    blocks.push(table);
  }
  if (missing.length > 0) blocks.push({ type: 'paragraph', text: t('report.trends.notCompared', { list: missing.map((q) => q.label).join(', ') }) });
  return { id: 'trends', heading, blocks };
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

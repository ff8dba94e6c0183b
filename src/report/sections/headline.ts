import type { GapFigure, GapItemFigure, GapPair, GapResult } from '../../contract/gaps.js';
import type { ReportCell, ReportSection, ReportTable } from '../../contract/report.js';
import { disclosureFlag } from '../../stats/disclosure-flag.js';
import type { ReportContext } from '../context.js';

export interface HeadlineRow {
  pair: GapPair;
  result: GapResult;
  /** Null when the gap is withheld (an item's top box or base too small to show). */
  gap: number | null;
  mark: '[c]' | '[x]' | '[low]' | null;
}

/**
 * Headline indicators: each importance/satisfaction pair's gap from gaps.compute (own bases, top two boxes, as the
 * Gaps page shows it by default). A gap is withheld when either side's top-box count is below the threshold ([c])
 * or either base is below the show threshold ([x]); a low base is shown with [low].
 */
export async function headlineRows(ctx: ReportContext): Promise<HeadlineRow[]> {
  const rows: HeadlineRow[] = [];
  for (const pair of ctx.pairs) {
    const result = await ctx.gap(pair);
    const h = result.headline;
    const mark = worst([itemMark(ctx, h.importance), itemMark(ctx, h.satisfaction), gapMark(h)]);
    rows.push({ pair, result, mark, gap: mark === null || mark === '[low]' ? h.gap : null });
  }
  return rows;
}

export async function headlineSection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  const heading = t('report.sections.headline');
  if (ctx.pairs.length === 0) return { id: 'headline', heading, blocks: [{ type: 'paragraph', text: t('report.headline.none') }] };
  const rows = await headlineRows(ctx);
  const points = (v: number) => ctx.num(v, 1);
  // Targets are saved with a pair on the Gaps page (gaps.saveTarget); the columns appear once any pair has one.
  const withTargets = rows.some((r) => r.pair.target);
  const table: ReportTable = {
    type: 'table',
    id: 'headline-gaps',
    caption: t('report.headline.caption', { wave: `${ctx.wave.survey} ${ctx.wave.label}` }),
    head: [
      t('report.headline.indicator'),
      t('report.headline.importance'),
      t('report.headline.satisfaction'),
      t('report.headline.gap'),
      t('report.headline.interval'),
      ...(withTargets ? [t('report.headline.target'), t('report.headline.status')] : []),
    ],
    rows: rows.map(({ pair, result, mark }) => {
      const h = result.headline;
      const shown = mark === null || mark === '[low]';
      const withMark = (text: string) => (mark === '[low]' ? `${text} [low]` : text);
      const gap: ReportCell = shown && h.gap !== null ? { text: withMark(points(h.gap)), value: h.gap } : { text: mark ?? '[z]', value: null };
      const ci: ReportCell = shown && h.ci ? { text: `${points(h.ci[0])} ${t('report.headline.to')} ${points(h.ci[1])}`, value: null } : { text: shown ? '[z]' : mark!, value: null };
      const cells = [itemCell(ctx, h.importance), itemCell(ctx, h.satisfaction), gap, ci];
      if (withTargets) cells.push(...targetCells(ctx, pair, result, shown ? null : mark));
      return { label: result.label, kind: 'option' as const, cells };
    }),
    notes: [t('report.headline.gapNote'), withTargets ? t('report.headline.targetsSetNote') : t('report.headline.targetsNote')],
  };
  const shown = rows.filter((r) => r.gap !== null);
  return {
    id: 'headline',
    heading,
    blocks: [
      { type: 'paragraph', text: t('report.headline.intro') },
      {
        type: 'chart',
        id: 'headline-chart',
        title: t('report.headline.chartTitle'),
        alt: t('report.headline.chartAlt', { list: rows.map((r) => `${r.result.label} ${r.gap === null ? t('report.chart.withheld') : points(r.gap)}`).join('; ') }),
        unit: 'points',
        categories: rows.map((r) => r.result.label),
        series: [{ name: t('report.headline.gap'), values: rows.map((r) => (r.gap === null ? { text: r.mark ?? '[z]', value: null } : { text: points(r.gap), value: r.gap })) }],
      },
      table,
      ...(shown.length < rows.length ? [{ type: 'paragraph' as const, text: t('report.headline.withheldNote') }] : []),
    ],
  };
}

/** An item's top-box % with its disclosure symbol, from its unweighted top-box count and base. */
function itemCell(ctx: ReportContext, item: GapItemFigure): ReportCell {
  const mark = itemMark(ctx, item);
  if (item.estimate === null) return { text: '[z]', value: null };
  if (mark === '[c]' || mark === '[x]') return { text: mark, value: null };
  return { text: mark ? `${ctx.pct(item.estimate)} ${mark}` : ctx.pct(item.estimate), value: item.estimate };
}

/** A pair's target ("20.0 by 2026") and its status in this wave, from gaps.compute; a withheld gap withholds its status. */
function targetCells(ctx: ReportContext, pair: GapPair, result: GapResult, withheld: string | null): ReportCell[] {
  const { t } = ctx;
  if (!pair.target || !result.target) return [{ text: '[z]', value: null }, { text: '[z]', value: null }];
  const target = { text: t('report.headline.targetBy', { value: ctx.num(pair.target.value, 1), year: pair.target.year }), value: pair.target.value };
  if (withheld) return [target, { text: withheld, value: null }];
  const status = {
    met: t('report.headline.statusMet'),
    on_track: t('report.headline.statusOnTrack'),
    not_met: t('report.headline.statusNotMet'),
    cannot_tell: t('report.headline.statusCannotTell'),
  }[result.target.status];
  return [target, { text: status, value: null }];
}

/** The strongest symbol that applies: [c] before [x] before [low]. */
function worst(marks: ('[c]' | '[x]' | '[low]' | null)[]): '[c]' | '[x]' | '[low]' | null {
  return (['[c]', '[x]', '[low]'] as const).find((m) => marks.includes(m)) ?? null;
}

function itemMark(ctx: ReportContext, item: GapItemFigure): '[c]' | '[x]' | '[low]' | null {
  const flag = disclosureFlag(item.n ?? 0, item.base, ctx.thresholds);
  return flag === 'c' ? '[c]' : flag === 'hidden' ? '[x]' : flag === 'low' ? '[low]' : null;
}

function gapMark(figure: GapFigure): '[x]' | '[low]' | null {
  return figure.flag === 'hidden' ? '[x]' : figure.flag === 'low' ? '[low]' : null;
}

import type { ReportSection } from '../../contract/report.js';
import type { ReportContext } from '../context.js';
import { cellKey, discloseCrosstab } from '../disclosed-table.js';
import { headlineRows } from './headline.js';
import { trendRows } from './trends.js';

/**
 * Key findings in sentences, each figure taken from the section it belongs to (appendix crosstabs, headline gaps,
 * trends), so the summary never quotes a number the body does not show, nor one disclosure control withholds.
 */
export async function summarySection(ctx: ReportContext): Promise<ReportSection> {
  const { t, wave } = ctx;
  const findings: string[] = [t('report.summary.responded', { count: wave.rows, n: ctx.num(wave.rows), survey: wave.survey, wave: wave.label })];

  // Satisfaction (Top 2) on every satisfaction scale, from the all-respondents crosstab.
  const satisfied: { label: string; pct: number }[] = [];
  for (const question of ctx.scales.filter((q) => q.role === 'satisfaction')) {
    const table = await ctx.table(question.name, null);
    const top = table.rows.find((r) => r.kind === 'top2');
    const cell = top && discloseCrosstab(table, question).get(cellKey(top.label, null));
    // "Waste and recycling" rather than "Waste and recycling: satisfaction" where the question is half of a pair.
    const topic = ctx.pairs.find((p) => p.satisfaction.name === question.name)?.label ?? question.label;
    if (cell?.shown === 'value') satisfied.push({ label: topic, pct: cell.pct });
  }
  if (satisfied.length >= 2) {
    const sorted = [...satisfied].sort((a, b) => b.pct - a.pct);
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    findings.push(t('report.summary.satisfactionRange', { best: best.label, bestPct: ctx.pct(best.pct), worst: worst.label, worstPct: ctx.pct(worst.pct) }));
  } else if (satisfied.length === 1) {
    findings.push(t('report.summary.satisfactionOne', { label: satisfied[0]!.label, pct: ctx.pct(satisfied[0]!.pct) }));
  }

  const gaps = (await headlineRows(ctx)).filter((r) => r.gap !== null);
  if (gaps.length > 0) {
    const largest = gaps.reduce((a, b) => (b.gap! > a.gap! ? b : a));
    findings.push(t('report.summary.largestGap', { label: largest.result.label, gap: ctx.num(largest.gap!, 1) }));
  }

  if (ctx.compare.length > 0) {
    const previous = ctx.compare.at(-1)!;
    const changed = (await trendRows(ctx)).rows.filter((r) => r.significant);
    if (changed.length === 0) findings.push(t('report.summary.noChanges', { wave: previous.label }));
    for (const r of changed) {
      const [from, to] = r.cells.slice(-2);
      const words = { label: r.question.label, from: from!.text, to: to!.text, fromWave: previous.label, toWave: wave.label };
      findings.push(
        r.series.change!.estimate > 0 ? t('report.summary.changeUp', words) : t('report.summary.changeDown', words),
      );
    }
  }

  return {
    id: 'summary',
    heading: t('report.sections.summary'),
    blocks: [{ type: 'list', items: findings }, { type: 'paragraph', text: ctx.weight ? t('report.summary.weighted') : t('report.summary.unweighted') }],
  };
}

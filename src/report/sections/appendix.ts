import type { ReportBlock, ReportCell, ReportSection, ReportTable } from '../../contract/report.js';
import type { TableVariableSpec } from '../../tables/variables.js';
import type { ReportContext } from '../context.js';
import { baseMark, cellKey, discloseCrosstab, percentCell } from '../disclosed-table.js';

/**
 * Appendix tables: every scale question, for all respondents and by the breakdown, from tables.crosstab with the
 * Tables page's disclosure control. The two crosstabs are disclosed separately, as the page shows them.
 */
export async function appendixSection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: ctx.weight ? t('report.appendix.introWeighted') : t('report.appendix.intro') }];
  for (const question of ctx.scales) blocks.push(await appendixTable(ctx, question));
  if (ctx.scales.length === 0) blocks.push({ type: 'paragraph', text: t('report.appendix.none') });
  return { id: 'appendix', heading: t('report.sections.appendix'), blocks };
}

export async function appendixTable(ctx: ReportContext, question: TableVariableSpec): Promise<ReportTable> {
  const { t } = ctx;
  const total = await ctx.table(question.name, null);
  const byGroup = ctx.breakdown ? await ctx.table(question.name, ctx.breakdown.name) : null;
  const totalCells = discloseCrosstab(total, question);
  const groupCells = byGroup ? discloseCrosstab(byGroup, question) : null;
  const groupBases = byGroup?.bases ?? [];
  const columnHead = (b: (typeof groupBases)[number]) => `${b.letter ? `(${b.letter}) ` : ''}${b.col ?? ''}`;

  const rows: ReportTable['rows'] = total.rows.map((row) => ({
    label: row.label,
    kind: row.kind === 'top2' || row.kind === 'bottom2' ? 'net' : 'option',
    cells: [
      percentCell(totalCells.get(cellKey(row.label, null)), ctx.pct),
      ...groupBases.map((b) => percentCell(groupCells!.get(cellKey(row.label, b.col)), ctx.pct)),
    ],
  }));
  const base = (b: { n: number; flag: 'low' | 'hidden' | null }): ReportCell => ({ text: `${ctx.num(b.n)}${baseMark(b.flag)}`, value: b.n });
  rows.push({ label: t('report.appendix.base'), kind: 'base', cells: [base(total.bases[0]!), ...groupBases.map(base)] });
  if (ctx.weight) {
    const weighted = (b: { weighted_n: number }): ReportCell => ({ text: ctx.num(b.weighted_n, 1), value: b.weighted_n });
    rows.push({ label: t('report.appendix.weightedBase'), kind: 'base', cells: [weighted(total.bases[0]!), ...groupBases.map(weighted)] });
  }

  const notes: string[] = [];
  if (byGroup && byGroup.comparisons.length > 0) notes.push(t('report.appendix.lettersNote'));
  if (total.rows.some((r) => r.kind === 'top2' || r.kind === 'bottom2')) notes.push(t('report.appendix.netsNote'));
  return {
    type: 'table',
    id: `appendix-${question.name}`,
    caption: byGroup ? t('report.appendix.caption', { question: question.label, group: byGroup.colLabel }) : question.label,
    head: [t('report.appendix.answer'), t('report.appendix.total'), ...groupBases.map(columnHead)],
    rows,
    notes,
  };
}

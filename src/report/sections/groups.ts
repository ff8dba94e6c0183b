import { BreakdownRequest, type Breakdown, type BreakdownGroup } from '../../contract/equality.js';
import type { ReportBlock, ReportCell, ReportSection } from '../../contract/report.js';
import { breakdown } from '../../equality/index.js';
import type { ReportContext } from '../context.js';

/**
 * Results by group: for each demographic question, every satisfaction scale's top-two % in each group from
 * equality.breakdown (the Equality page's figures), with its disclosure control ([c] confidential or withheld so that
 * one cannot be worked out, [x] base too small, [low]) and an arrow where a group differs significantly from the rest
 * of the respondents (Holm-adjusted across the groups).
 */
export async function groupsSection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  const heading = t('report.sections.groups');
  const outcomes = ctx.scales.filter((q) => q.role === 'satisfaction');
  const by = ctx.variables.filter((v) => v.role === 'demographic' && v.kind === 'single');
  if (outcomes.length === 0 || by.length === 0) return { id: 'groups', heading, blocks: [{ type: 'paragraph', text: t('report.groups.none') }] };
  const topic = (name: string, label: string) => ctx.pairs.find((p) => p.satisfaction.name === name)?.label ?? label;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('report.groups.intro') }];
  for (const variable of by) {
    const results: Breakdown[] = [];
    for (const outcome of outcomes) {
      results.push(await breakdown(ctx.project, BreakdownRequest.parse({ waveId: ctx.wave.id, outcome: outcome.name, by: variable.name, weight: ctx.weight }), ctx.signal));
    }
    const groups = [...new Set(results.flatMap((r) => r.groups.map((g) => g.group)))];
    blocks.push({
      type: 'table',
      id: `groups-${variable.name}`,
      caption: t('report.groups.caption', { group: variable.label }),
      head: [variable.label, ...outcomes.map((o) => topic(o.name, o.label))],
      rows: [
        { label: t('report.groups.everyone'), kind: 'net' as const, cells: results.map((r) => percent(ctx, r.overall.estimate)) },
        ...groups.map((group) => ({ label: group, kind: 'option' as const, cells: results.map((r) => groupCell(ctx, r.groups.find((g) => g.group === group))) })),
      ],
      notes: [t('report.groups.note')],
    });
  }
  return { id: 'groups', heading, blocks };
}

function percent(ctx: ReportContext, value: number | null): ReportCell {
  return value === null ? { text: '[z]', value: null } : { text: ctx.pct(value), value };
}

function groupCell(ctx: ReportContext, group: BreakdownGroup | undefined): ReportCell {
  if (!group || group.estimate === null) return { text: '[z]', value: null };
  if (group.flag === 'c') return { text: '[c]', value: null };
  if (group.flag === 'hidden') return { text: '[x]', value: null };
  const arrow = group.significant && group.difference !== null ? (group.difference > 0 ? ' ↑' : ' ↓') : '';
  return { text: `${ctx.pct(group.estimate)}${group.flag === 'low' ? ' [low]' : ''}${arrow}`, value: group.estimate };
}

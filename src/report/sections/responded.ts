import { HeardError } from '../../contract/index.js';
import { RepresentationRequest, type Representation } from '../../contract/equality.js';
import type { ReportBlock, ReportCell, ReportSection } from '../../contract/report.js';
import { listBenchmarks, representation } from '../../equality/index.js';
import type { ReportContext } from '../context.js';

/**
 * Who responded against who lives there: for each demographic question the Equality page can compare with the
 * project's population benchmark, equality.representation's shares and index. A category with fewer respondents than
 * the disclosure threshold has its count, share and index withheld ([c]); the population share is public.
 */
export async function respondedSection(ctx: ReportContext): Promise<ReportSection> {
  const { t, project, wave } = ctx;
  const heading = t('report.sections.responded');
  const [benchmark] = await listBenchmarks(project);
  if (!benchmark) return { id: 'responded', heading, blocks: [{ type: 'paragraph', text: t('report.responded.noBenchmark') }] };
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('report.responded.intro', { benchmark: benchmark.name }) }];
  let compared = 0;
  for (const variable of ctx.variables.filter((v) => v.role === 'demographic' && v.kind !== 'multi')) {
    let result: Representation;
    try {
      result = await representation(project, RepresentationRequest.parse({ waveId: wave.id, variable: variable.name, source: { benchmarkId: benchmark.id } }), ctx.signal);
    } catch (err) {
      // The benchmark has no figures for this characteristic: nothing to compare it with.
      if (err instanceof HeardError && (err.code === 'bad_request' || err.code === 'not_found')) continue;
      throw err;
    }
    if (result.categories.length === 0) continue;
    compared++;
    const shown = (n: number) => n >= ctx.thresholds.suppressBelow;
    const withheld: ReportCell = { text: '[c]', value: null };
    const flag = (f: 'under' | 'over' | null) => (f === 'under' ? t('report.responded.under') : f === 'over' ? t('report.responded.over') : '');
    blocks.push({ type: 'heading', text: result.variableLabel });
    blocks.push({
      type: 'chart',
      id: `responded-chart-${variable.name}`,
      title: t('report.responded.chartTitle', { question: result.variableLabel }),
      alt: t('report.responded.chartAlt', {
        list: result.categories
          .map((c) => `${c.category}: ${t('report.responded.respondents')} ${shown(c.n) ? ctx.pct(c.share) : t('report.chart.withheld')}, ${t('report.responded.population')} ${ctx.pct(c.population_share)}`)
          .join('; '),
      }),
      unit: 'percent',
      categories: result.categories.map((c) => c.category),
      series: [
        { name: t('report.responded.respondents'), values: result.categories.map((c) => (shown(c.n) ? { text: ctx.pct(c.share), value: c.share } : withheld)) },
        { name: t('report.responded.population'), values: result.categories.map((c) => ({ text: ctx.pct(c.population_share), value: c.population_share })) },
      ],
    });
    blocks.push({
      type: 'table',
      id: `responded-${variable.name}`,
      caption: t('report.responded.caption', { question: result.variableLabel }),
      head: [t('report.responded.category'), t('report.responded.count'), t('report.responded.respondents'), t('report.responded.population'), t('report.responded.index'), t('report.responded.flag')],
      rows: [
        ...result.categories.map((c) => ({
          label: c.category,
          kind: 'option' as const,
          cells: shown(c.n)
            ? [
                { text: ctx.num(c.n), value: c.n },
                { text: ctx.pct(c.share), value: c.share },
                { text: ctx.pct(c.population_share), value: c.population_share },
                c.ri === null ? { text: '[z]', value: null } : { text: ctx.num(c.ri, 0), value: c.ri },
                { text: flag(c.flag), value: null },
              ]
            : [withheld, withheld, { text: ctx.pct(c.population_share), value: c.population_share }, withheld, withheld],
        })),
        { label: t('report.responded.total'), kind: 'base' as const, cells: [{ text: ctx.num(result.n), value: result.n }, { text: '', value: null }, { text: '', value: null }, { text: '', value: null }, { text: '', value: null }] },
      ],
      notes: [t('report.responded.note', { under: result.thresholds.underBelow, over: result.thresholds.overAbove })],
    });
  }
  if (compared === 0) blocks.push({ type: 'paragraph', text: t('report.responded.nothing') });
  return { id: 'responded', heading, blocks };
}

import { GapRequest, type GapFigure, type GapItemFigure, type GapResult } from '../../contract/index.js';
import { computeGap } from '../../gaps/compute-gap.js';
import { wavePairs } from '../../gaps/wave-pairs.js';
import { parse, printJson, required, UsageError, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** "Very important|Fairly important" → the two answers. */
export function optionList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const options = value.split('|').map((o) => o.trim()).filter((o) => o !== '');
  if (options.length === 0) throw new UsageError(`A list of answers is written "A|B", e.g. "Very important|Fairly important"; "${value}" has none.`);
  return options;
}

/**
 * heard gap: importance less satisfaction (percentage points; own bases unless --paired, mean scores with --mean),
 * with each group of --by against the rest; JSON as README documents, or a readable summary.
 */
export async function gapCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'importance', 'satisfaction', 'weight', 'paired', 'mean', 'by', 'top-importance', 'top-satisfaction']);
  if (values.paired && values.mean) throw new UsageError('Choose --paired (top-box %) or --mean (mean scores), not both; mean-score gaps are always paired.');
  const importance = required(values.importance, '--importance VARIABLE');
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    const satisfaction = values.satisfaction ?? (await partnerOf(project, waveId, importance));
    const request = GapRequest.parse({
      waveId,
      importance,
      satisfaction,
      method: values.mean ? 'mean' : values.paired ? 'paired' : 'own',
      weight: values.weight,
      by: values.by,
      topImportance: optionList(values['top-importance']),
      topSatisfaction: optionList(values['top-satisfaction']),
    });
    return computeGap(project, request);
  });
  if (values.json) printJson(out, contractOf(result));
  else out.stdout(render(result));
  return 0;
}

/** Without --satisfaction, the satisfaction question paired with the importance one. */
async function partnerOf(project: Parameters<typeof wavePairs>[0], waveId: number, importance: string): Promise<string> {
  const pair = (await wavePairs(project, waveId)).pairs.find((p) => p.importance.name === importance);
  if (!pair) throw new UsageError(`--satisfaction VARIABLE is required: ${importance} has no satisfaction question paired with it.`);
  return pair.satisfaction.name;
}

/** Exactly the fields README documents: a percentage as `pct` (or a mean score as `mean` with --mean) and its base. */
function contractOf(r: GapResult) {
  const measure = r.method === 'mean' ? 'mean' : 'pct';
  // A confidential group ([c]) has no figures: every value of it is null, its bases too.
  const item = (f: GapItemFigure | null) => ({ [measure]: f?.estimate ?? null, base: f?.base ?? null });
  const figure = (f: Pick<GapFigure, 'gap' | 'se' | 'ci'> & { importance: GapItemFigure | null; satisfaction: GapItemFigure | null }) => ({
    gap: f.gap,
    se: f.se,
    ci: f.ci,
    importance: item(f.importance),
    satisfaction: item(f.satisfaction),
  });
  return {
    ...figure(r.headline),
    groups: r.groups.map((g) => {
      const { gap, se, ci, importance, satisfaction } = figure(g);
      return { group: g.group, gap, se, ci, importance, satisfaction, p_vs_rest: g.vsRest?.p ?? null };
    }),
  };
}

function render(r: GapResult): string {
  const points = r.units === 'score' ? '' : ' points';
  const num = (x: number | null) => (x === null ? '–' : x.toFixed(r.units === 'score' ? 2 : 1));
  const ci = (c: [number, number] | null) => (c ? ` (95% CI ${num(c[0])} to ${num(c[1])})` : '');
  const item = (f: GapItemFigure) => `${num(f.estimate)}${r.units === 'score' ? '' : '%'} (base ${f.base})`;
  const method = { own: 'each % on its own base', paired: 'respondents who answered both', mean: 'mean scores on a 1–5 scale, respondents who answered both' }[r.method];
  const lines = [
    `${r.label}, importance less satisfaction: ${method}, ${r.weight ? `weighted by ${r.weight}` : 'unweighted'}`,
    `Gap ${num(r.headline.gap)}${points}${ci(r.headline.ci)}; importance ${item(r.headline.importance)}, satisfaction ${item(r.headline.satisfaction)}`,
  ];
  if (r.method !== 'mean') lines.push(`Top boxes: ${r.topImportance.join(' + ')}; ${r.topSatisfaction.join(' + ')}`);
  if (r.byLabel) {
    lines.push('', `By ${r.byLabel} (each group against the rest):`);
    const width = Math.min(40, Math.max(...r.groups.map((g) => g.group.length)));
    for (const g of r.groups) {
      const p = g.vsRest ? (g.vsRest.p < 0.001 ? 'p < 0.001' : `p = ${g.vsRest.p.toFixed(3)}`) : 'no test';
      if (g.flag === 'c') {
        lines.push(`  ${g.group.padEnd(width)}  ${'[c]'.padStart(6)}  ${g.suppressed === 'secondary' ? 'withheld so that a small group cannot be worked out' : 'too few respondents to show'}`);
        continue;
      }
      const flag = g.flag === 'hidden' ? ' [base below 30]' : g.flag === 'low' ? ' [low base]' : '';
      lines.push(`  ${g.group.padEnd(width)}  ${num(g.gap).padStart(6)}${ci(g.ci)}  ${p}${flag}`);
    }
  }
  for (const note of r.notes) lines.push(note);
  return `${lines.join('\n')}\n`;
}

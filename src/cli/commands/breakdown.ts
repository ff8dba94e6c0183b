import { BreakdownRequest, type Breakdown } from '../../contract/index.js';
import { breakdown } from '../../equality/breakdown.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';
import { optionList } from './gap.js';

/** heard breakdown: an outcome's top-box % by group (or two characteristics at once), each group against the rest. */
export async function breakdownCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'outcome', 'top', 'by', 'by2', 'weight']);
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    const request = BreakdownRequest.parse({
      waveId,
      outcome: required(values.outcome, '--outcome VARIABLE'),
      top: optionList(values.top),
      by: required(values.by, '--by VARIABLE'),
      by2: values.by2,
      weight: values.weight,
    });
    return breakdown(project, request);
  });
  if (values.json) printJson(out, contractOf(result));
  else out.stdout(render(result));
  return 0;
}

/** Exactly the fields README documents (percentages and differences in points, 0–100). */
function contractOf(b: Breakdown) {
  return {
    outcome: b.outcome,
    top: b.top,
    by: b.by,
    weight: b.weight,
    overall: { pct: b.overall.estimate, se: b.overall.se, ci: b.overall.ci, n: b.overall.n },
    groups: b.groups.map((g) => ({
      group: g.group,
      pct: g.estimate,
      se: g.se,
      ci: g.ci,
      n: g.n,
      rest_pct: g.rest.estimate,
      difference: g.difference,
      p: g.p,
      p_adjusted: g.p_adjusted,
      significant: g.significant,
      flag: g.flag,
    })),
  };
}

/** Readable, with the suppression applied: [c] and [x] groups show no figures. */
function render(b: Breakdown): string {
  const lines = [`${b.outcomeLabel} (${b.top.join(' + ')}) by ${b.byLabel}, ${b.weight ? `weighted by ${b.weight}` : 'unweighted'}`, ''];
  const width = Math.min(48, Math.max(12, ...b.groups.map((g) => g.group.length)));
  for (const g of b.groups) {
    const shown =
      g.flag === 'c' ? '[c]' : g.flag === 'hidden' ? '[x]' : `${g.estimate!.toFixed(1)}%${g.flag === 'low' ? ' [low]' : ''}  vs rest ${g.difference! >= 0 ? '+' : ''}${g.difference!.toFixed(1)} (p ${g.p! < 0.001 ? '< 0.001' : `= ${g.p!.toFixed(3)}`})${g.significant ? ' *' : ''}`;
    // A withheld group's base is withheld too: it would say how few people are in it.
    lines.push(`${g.group.padEnd(width)}  n=${(g.flag === 'c' ? '[c]' : String(g.n)).padStart(5)}  ${shown}`);
  }
  lines.push('', '* significantly different from everyone else (Holm-adjusted across the groups, 5% level).');
  lines.push('[c] fewer than 10 respondents in or outside the top box, or withheld so that such a group cannot be worked out; [x] base below 30; [low] base below 50.');
  if (b.summary.length) lines.push('', ...b.summary);
  return `${lines.join('\n')}\n`;
}

import { HeardError, TrendRequest, type TrendSeries } from '../../contract/index.js';
import type { ProjectFile } from '../../engine/project-file.js';
import { trendSeries } from '../../trends/trend-series.js';
import { parse, printJson, required, UsageError, type Out } from '../args.js';
import { withProject } from '../project-access.js';
import { optionList } from './gap.js';

interface Named {
  waveId: number;
  /** How the command line named it: what `survey` shows in the JSON. */
  name: string;
}

/**
 * heard trend: a question's top-box % across waves and the change from the one before the last to the last.
 * --surveys lists the waves oldest first (see resolveWaves for how each name is read).
 */
export async function trendCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'surveys', 'survey', 'row', 'top', 'weight']);
  const names = required(values.surveys, '--surveys S1,S2').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--surveys lists the surveys or waves to compare, oldest first, e.g. --surveys 2023,2024.');
  const [series, named] = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const waves = await resolveWaves(project, names, values.survey);
    const request = TrendRequest.parse({ waveIds: waves.map((w) => w.waveId), question: required(values.row, '--row VARIABLE'), measure: 'top', top: optionList(values.top), weight: values.weight });
    return [await trendSeries(project, request), waves] as const;
  });
  if (values.json) printJson(out, contractOf(series, named));
  else out.stdout(render(series, named));
  return 0;
}

/**
 * Councils import each year as a wave of one survey, or sometimes each year as a survey of its own; --surveys takes
 * either. Each name is, in this order: with --survey S, a wave label of S; a survey's name or id, meaning its
 * latest wave, or all its waves oldest first when it is the only name given; a wave label, of the one survey that has
 * every label listed ("2023,2024" in a project whose consultation also has a "2024"), or else of the only survey
 * with a wave so named.
 */
export async function resolveWaves(project: ProjectFile, names: readonly string[], survey?: string): Promise<Named[]> {
  const surveys = await project.read('SELECT id, name FROM surveys');
  const waves = await project.read('SELECT id, survey_id, label FROM waves ORDER BY year NULLS LAST, imported_at, id');
  const surveyOf = (name: string) => surveys.find((s) => String(s.name) === name || (/^\d+$/.test(name) && Number(s.id) === Number(name)));
  const scope = survey === undefined ? null : surveyOf(survey);
  if (survey !== undefined && !scope) throw new HeardError('not_found', `There is no survey "${survey}" in this project. Run "heard surveys" to see them.`);
  const labelOf = (id: unknown) => String(waves.find((w) => w.id === id)!.label);
  // Wave labels such as "2023,2024" are read within the one survey that has every one of them, if there is one.
  const labels = names.filter((n) => !surveyOf(n));
  const holding = surveys.filter((s) => labels.every((label) => waves.some((w) => w.survey_id === s.id && String(w.label) === label)));
  const within = scope ?? (labels.length > 0 && holding.length === 1 ? holding[0]! : null);
  return names.flatMap((name): Named[] => {
    const asSurvey = scope ? undefined : surveyOf(name);
    if (asSurvey) {
      const own = waves.filter((w) => w.survey_id === asSurvey.id);
      if (own.length === 0) throw new HeardError('not_found', `Survey "${name}" has no waves.`);
      if (names.length === 1) return own.map((w) => ({ waveId: Number(w.id), name: `${name} ${labelOf(w.id)}` }));
      return [{ waveId: Number(own.at(-1)!.id), name }];
    }
    const matching = waves.filter((w) => String(w.label) === name && (!within || w.survey_id === within.id));
    if (matching.length === 1) return [{ waveId: Number(matching[0]!.id), name }];
    if (matching.length > 1) {
      const which = matching.map((w) => `"${String(surveys.find((s) => s.id === w.survey_id)!.name)}"`).join(', ');
      throw new UsageError(`"${name}" is a wave of several surveys (${which}); say which with --survey.`);
    }
    throw new HeardError('not_found', `There is no survey or wave "${name}"${scope ? ` in survey "${survey}"` : ''}. Run "heard surveys" to see them.`);
  });
}

/** The fields README documents; `wave` is the wave's own label beside the name it was given by. */
function contractOf(s: TrendSeries, named: readonly Named[]) {
  return {
    waves: s.waves.map((w, i) => ({ survey: named[i]!.name, wave: w.wave, pct: w.estimate, se: w.se, ci: w.ci, n: w.n })),
    change: s.change && { pct: s.change.estimate, se: s.change.se, p: s.change.p },
  };
}

function render(s: TrendSeries, named: readonly Named[]): string {
  const width = Math.max(...named.map((n) => n.name.length));
  const lines = [`${s.label}: ${s.waves[0]!.top.join(' + ')}, ${s.weight ? `weighted by ${s.weight}` : 'unweighted'}`];
  for (const [i, w] of s.waves.entries()) {
    const ci = w.ci ? ` (95% CI ${w.ci[0].toFixed(1)} to ${w.ci[1].toFixed(1)})` : '';
    lines.push(`  ${named[i]!.name.padEnd(width)}  ${w.estimate.toFixed(1)}%${ci}, base ${w.n}`);
  }
  if (s.change) {
    const p = s.change.p < 0.001 ? 'p < 0.001' : `p = ${s.change.p.toFixed(3)}`;
    lines.push(`Change since the wave before: ${s.change.estimate >= 0 ? '+' : ''}${s.change.estimate.toFixed(1)} points (SE ${s.change.se.toFixed(1)}), ${p}`);
  }
  for (const note of s.notes) lines.push(note);
  return `${lines.join('\n')}\n`;
}

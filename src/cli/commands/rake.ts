import { RakeAndSaveRequest, type RakeResult } from '../../contract/index.js';
import { readMarginsCsv } from '../../weighting/margins-csv.js';
import { rakeAndSave } from '../../weighting/rake-wave.js';
import { parse, printJson, required, UsageError, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** heard rake: rakes a wave to population margins (one CSV file each) and saves the weights under a name. */
export async function rakeCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'margins', 'base-weight', 'trim', 'save', 'replace', 'exclude-missing', 'rescale-margins']);
  const files = values.margins ?? [];
  if (files.length === 0) throw new UsageError('--margins FILE is required (one file for each margin).');
  const trim = values.trim === undefined ? undefined : Number(values.trim);
  if (trim !== undefined && !(trim > 1)) throw new UsageError(`--trim is the cap as a multiple of the mean weight, a number above 1, not "${values.trim}".`);
  const name = required(values.save, '--save NAME');
  const margins = files.map(readMarginsCsv);

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
      const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
      const request = RakeAndSaveRequest.safeParse({
        waveId,
        margins,
        baseWeight: values['base-weight'],
        trim,
        name,
        replace: values.replace ?? false,
        rescale: values['rescale-margins'] ?? false,
        excludeMissing: values['exclude-missing'] ?? false,
      });
      if (!request.success) {
        const issue = request.error.issues[0]!;
        throw new UsageError(`${issue.path.join('.') === 'name' ? '--save: ' : ''}${issue.message}.`);
      }
      return rakeAndSave(project, request.data, { signal: controller.signal });
    });
    if (values.json) printJson(out, asJson(result));
    else out.stdout(describe(result));
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** The contract's fields first (snake_case, as the issue defines them), then the rest of the result. */
function asJson(r: RakeResult) {
  return {
    converged: r.converged,
    iterations: r.iterations,
    n_eff: r.nEff,
    efficiency: r.efficiency,
    max_error: r.maxError,
    name: r.name,
    base_weight: r.baseWeight,
    rows: r.rows,
    excluded: r.excluded,
    total: r.total,
    trimming: r.trimming,
    distribution: r.distribution,
    margins: r.margins.map((m) => ({ variables: m.variables, given_total: m.givenTotal, cells: m.cells })),
  };
}

function describe(r: RakeResult): string {
  const n = (x: number, digits = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
  const lines = [
    `Saved the weight "${r.name}": ${n(r.rows)} respondents raked to ${r.margins.map((m) => m.variables.join(' × ')).join(' and ')}` +
      `${r.baseWeight ? ` from ${r.baseWeight}` : ''}, converged in ${r.iterations} sweeps (largest error ${r.maxError.toExponential(1)} of the total).`,
    `Effective sample size ${n(r.nEff, 1)}, efficiency ${n(r.efficiency * 100, 1)}%. Weights from ${n(r.distribution.min)} to ${n(r.distribution.max)}, median ${n(r.distribution.median)}.`,
  ];
  if (r.trimming) lines.push(`Trimmed at ${r.trimming.k} × the mean (${n(r.trimming.cap)}): ${r.trimming.capped} respondents capped after ${r.trimming.rounds} rounds.`);
  for (const e of r.excluded) lines.push(`Left out (no weight): ${e.respondents} ${e.reason}.`);
  for (const m of r.margins) if (m.givenTotal !== null) lines.push(`Margin ${m.variables.join(' × ')} was rescaled from a total of ${n(m.givenTotal)}.`);
  return `${lines.join('\n')}\n`;
}

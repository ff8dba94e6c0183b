import { RepresentationRequest, type Representation } from '../../contract/index.js';
import { representation } from '../../equality/representation.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/**
 * heard represent: who answered against who lives there, for one characteristic (METHODS "Representation"), using
 * the survey's saved mapping of answers to categories where there is one and the suggested mapping otherwise.
 */
export async function representCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'characteristic', 'benchmark', 'area', 'variable']);
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    const file = { path: required(values.benchmark, '--benchmark FILE'), ...(values.area ? { area: values.area } : {}), ...(values.variable ? { variable: values.variable } : {}) };
    return representation(project, RepresentationRequest.parse({ waveId, variable: required(values.characteristic, '--characteristic VARIABLE'), source: { file } }));
  });
  if (values.json) printJson(out, contractOf(result));
  else out.stdout(render(result));
  return 0;
}

/** Exactly the fields README documents, in its order (shares and intervals in percent). */
function contractOf(r: Representation) {
  return {
    characteristic: r.variable,
    area: r.area?.code ?? null,
    categories: r.categories.map(({ category, n, share, population_share, ri, ci, flag }) => ({ category, n, share, population_share, ri, ci, flag })),
    gof: r.gof && { statistic: r.gof.statistic, df: r.gof.df, p: r.gof.p },
  };
}

function render(r: Representation): string {
  const lines = [`${r.variableLabel} against ${r.characteristicLabel}${r.area ? ` in ${r.area.name}` : ''} (${r.benchmark}); ${r.n} respondents`, ''];
  for (const c of r.categories) lines.push(c.sentence);
  lines.push('');
  if (r.gof) lines.push(`Goodness of fit: chi-square = ${r.gof.statistic.toFixed(2)}, df ${r.gof.df}, p ${r.gof.p < 0.001 ? '< 0.001' : `= ${r.gof.p.toFixed(3)}`}`);
  for (const note of r.notes) lines.push(note);
  return `${lines.join('\n')}\n`;
}

import { EvaluateRequest, ExportCodesRequest } from '../../contract/themes.js';
import { evaluateAgainst, exportCodes } from '../../themes/export-codes.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** heard themes evaluate: agreement of the question's codes with a gold file (mean F1, its interval, kappa per theme). */
export async function themesEvaluateCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'question', 'gold', 'id-column']);
  const question = required(values.question, '--question VARIABLE');
  const gold = required(values.gold, '--gold FILE');
  const a = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return evaluateAgainst(project, EvaluateRequest.parse({ waveId, question, path: gold, idColumn: values['id-column'] }));
  });
  if (values.json) printJson(out, { n: a.n, f1: a.f1, f1_ci: a.f1_ci, kappa: a.kappa });
  else {
    const ci = a.f1_ci ? ` (95% interval ${a.f1_ci[0].toFixed(3)} to ${a.f1_ci[1].toFixed(3)})` : '';
    const kappa = Object.entries(a.kappa).map(([code, k]) => `  ${code}: ${k === null ? 'undefined (one answer throughout)' : k.toFixed(3)}`);
    out.stdout(`${a.n} responses compared. Mean F1 ${a.f1 === null ? '–' : a.f1.toFixed(3)}${ci}.\nCohen's kappa per theme:\n${kappa.join('\n')}\n`);
  }
  return 0;
}

/** heard themes export: respondent id plus one 0/1 column per theme (all sources), formulas neutralised. */
export async function themesExportCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'question', 'out']);
  const question = required(values.question, '--question VARIABLE');
  const file = required(values.out, '--out FILE.csv');
  const r = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return exportCodes(project, ExportCodesRequest.parse({ waveId, question, path: file }));
  });
  if (values.json) printJson(out, { out: r.path, rows: r.rows, themes: r.themes });
  else out.stdout(`Wrote ${r.rows} responses × ${r.themes} themes to ${r.path}.\n`);
  return 0;
}

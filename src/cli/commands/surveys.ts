import { listSurveys, waveColumns } from '../../surveys/catalogue.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** Surveys with their latest wave and row count at the top level, and every wave beneath. */
export async function surveys(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json']);
  const list = await withProject(required(values.project, '--project FILE (or --project sample)'), values.dataDir, listSurveys);
  if (values.json) {
    printJson(
      out,
      list.map((s) => {
        const latest = s.waves.at(-1);
        return { id: s.id, name: s.name, kind: s.kind, wave: latest?.label ?? null, rows: latest?.rowCount ?? 0, waves: s.waves.map((w) => ({ id: w.id, label: w.label, year: w.year, rows: w.rowCount, columns: w.columnCount, sourceFile: w.sourceFile })) };
      }),
    );
    return 0;
  }
  for (const survey of list) {
    out.stdout(`${survey.id}  ${survey.name} (${survey.kind})\n`);
    for (const wave of survey.waves) out.stdout(`    ${wave.label}: ${wave.rowCount} responses, ${wave.columnCount} questions\n`);
  }
  if (list.length === 0) out.stdout('This project has no surveys yet.\n');
  return 0;
}

export async function questions(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave']);
  const columns = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return waveColumns(project, waveId);
  });
  if (values.json) printJson(out, columns);
  else for (const c of columns) out.stdout(`${c.name}  [${c.type}${c.role === 'none' ? '' : `, ${c.role}`}]  ${c.label}\n`);
  return 0;
}

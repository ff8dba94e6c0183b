import { exportWaveCsv } from '../../export/export-csv.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

export async function exportCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'out', 'columns']);
  const columns = values.columns?.split(',').map((c) => c.trim()).filter(Boolean);
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return exportWaveCsv(project, { waveId, out: required(values.out, '--out FILE.csv'), columns });
  });
  if (values.json) printJson(out, result);
  else out.stdout(`Wrote ${result.rows} responses (${result.columns.length} columns) to ${result.out}\n`);
  return 0;
}

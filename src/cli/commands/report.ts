import path from 'node:path';
import { ReportExportRequest, ReportFormat, ReportLanguage, ReportSectionId, REPORT_SECTIONS } from '../../contract/report.js';
import { exportReport } from '../../report/export-report.js';
import { parse, printJson, required, UsageError, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/**
 * heard report: writes the committee report of a survey's latest wave (compared with --compare waves, oldest first)
 * to --out, whose extension chooses the format. --json prints {"out", "sections"}.
 */
export async function reportCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'compare', 'out', 'lang', 'sections', 'replace']);
  const file = required(values.out, '--out FILE.docx (or .html, .xlsx, .pdf)');
  const format = ReportFormat.safeParse(path.extname(file).slice(1).toLowerCase());
  if (!format.success) throw new UsageError(`--out must end .docx, .html, .xlsx or .pdf; "${path.basename(file)}" does not.`);
  const lang = ReportLanguage.safeParse(values.lang ?? 'en');
  if (!lang.success) throw new UsageError(`--lang must be en or cy, not "${values.lang}".`);
  const sections = values.sections?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of sections ?? []) {
    if (!ReportSectionId.safeParse(s).success) throw new UsageError(`--sections: there is no section "${s}". The sections are ${REPORT_SECTIONS.join(', ')}.`);
  }
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const survey = required(values.survey, '--survey ID (or name)');
    const { waveId } = await findWave(project, survey);
    const compareWaveIds: number[] = [];
    for (const name of values.compare?.split(',').map((s) => s.trim()).filter(Boolean) ?? []) compareWaveIds.push(await compareWave(project, survey, name));
    const request = ReportExportRequest.safeParse({ waveId, compareWaveIds, sections, lang: lang.data, format: format.data, out: file, replace: values.replace ?? false });
    if (!request.success) throw new UsageError(request.error.issues.map((i) => i.message).join(' '));
    return exportReport(project, request.data);
  });
  if (values.json) printJson(out, { out: result.out, sections: result.sections });
  else out.stdout(`Wrote ${result.out} (${result.sections.join(', ')})\n`);
  return 0;
}

/** --compare names a survey (its latest wave) or a wave label of the report's own survey. */
async function compareWave(project: Parameters<typeof findWave>[0], survey: string, name: string): Promise<number> {
  try {
    return (await findWave(project, survey, name)).waveId;
  } catch {
    return (await findWave(project, name)).waveId;
  }
}

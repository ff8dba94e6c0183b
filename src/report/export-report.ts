import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { HeardError } from '../contract/index.js';
import type { ReportExportRequest, ReportExportResult, ReportFormat, ReportModel } from '../contract/report.js';
import type { Progress } from '../contract/models.js';
import type { ProjectFile } from '../engine/project-file.js';
import { buildReport } from './build-report.js';
import { reportDocx } from './write-docx.js';
import { reportHtml } from './write-html.js';
import { chromiumPrintToPdf, type PrintToPdf } from './write-pdf.js';
import { reportXlsx } from './write-xlsx.js';

export type ParsedReportExportRequest = z.output<typeof ReportExportRequest>;

/**
 * report.export: builds the report and writes it in the chosen format. The file is written beside its destination
 * and renamed into place, so a failed export leaves no half-written file (as the Tables page's export does).
 */
export async function exportReport(
  project: ProjectFile,
  request: ParsedReportExportRequest,
  options: { signal?: AbortSignal; printToPdf?: PrintToPdf; onProgress?: (p: Progress) => void } = {},
): Promise<ReportExportResult> {
  const out = path.resolve(request.out);
  const extension = path.extname(out).slice(1).toLowerCase();
  if (extension !== request.format) throw new HeardError('bad_request', `A ${request.format.toUpperCase()} report needs a file name ending .${request.format}, not "${path.basename(out)}".`);
  if (!fs.existsSync(path.dirname(out))) throw new HeardError('io', `The folder ${path.dirname(out)} does not exist. Choose a folder that does.`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new HeardError('io', `${out} is a folder. Give a file name to save the report as.`);
  if (fs.existsSync(out) && !request.replace) throw new HeardError('io', `There is already a file at ${out}. Choose another name, or replace it.`, { exists: true, path: out });

  const { format, out: _out, replace: _replace, ...reportRequest } = request;
  const model = await buildReport(project, reportRequest, options.signal, options.onProgress);
  const bytes = await write(model, format, options.printToPdf ?? chromiumPrintToPdf, options.signal);
  const temporary = `${out}.part-${process.pid}`;
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, out);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw new HeardError('io', `Heard could not write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { out, format, sections: model.sections.map((s) => s.id) };
}

export async function write(model: ReportModel, format: ReportFormat, printToPdf: PrintToPdf, signal?: AbortSignal): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(reportHtml(model), 'utf8');
    case 'docx':
      return reportDocx(model);
    case 'xlsx':
      return reportXlsx(model);
    case 'pdf':
      return printToPdf(reportHtml(model), signal);
  }
}

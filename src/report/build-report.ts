import type { z } from 'zod';
import { HeardError } from '../contract/errors.js';
import type { Progress } from '../contract/models.js';
import type { ReportModel, ReportRequest, ReportSection, ReportSectionId } from '../contract/report.js';
import type { ProjectFile } from '../engine/project-file.js';
import { reportContext, type ReportContext } from './context.js';
import { appendixSection } from './sections/appendix.js';
import { groupsSection } from './sections/groups.js';
import { headlineSection } from './sections/headline.js';
import { methodologySection } from './sections/methodology.js';
import { respondedSection } from './sections/responded.js';
import { summarySection } from './sections/summary.js';
import { themesSection } from './sections/themes.js';
import { trendsSection } from './sections/trends.js';

export type ParsedReportRequest = z.output<typeof ReportRequest>;

/** One module per section; each draws its figures from the back-end functions the pages use (see context.ts). */
const SECTIONS: Record<ReportSectionId, (ctx: ReportContext) => Promise<ReportSection>> = {
  summary: summarySection,
  methodology: methodologySection,
  headline: headlineSection,
  responded: respondedSection,
  groups: groupsSection,
  themes: themesSection,
  trends: trendsSection,
  appendix: appendixSection,
};

/** report.build: the committee report as a section model in the chosen language, which every writer and the preview lay out. */
export async function buildReport(project: ProjectFile, request: ParsedReportRequest, signal?: AbortSignal, onProgress?: (p: Progress) => void): Promise<ReportModel> {
  const ctx = await reportContext(project, request, signal);
  const sections: ReportSection[] = [];
  for (const [i, id] of request.sections.entries()) {
    if (signal?.aborted) throw new HeardError('cancelled', 'The report was cancelled.');
    onProgress?.({ done: i, total: request.sections.length, message: id });
    sections.push(await SECTIONS[id](ctx));
  }
  onProgress?.({ done: request.sections.length, total: request.sections.length });
  const { t, wave } = ctx;
  const date = new Intl.DateTimeFormat([ctx.lang === 'cy' ? 'cy' : 'en-GB', 'en-GB'], { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  return {
    lang: ctx.lang,
    title: t('report.title', { survey: wave.survey, wave: wave.label }),
    subtitle: t('report.subtitle', { project: project.name, date }),
    words: { contents: t('report.words.contents'), page: t('report.words.page'), chartData: t('report.words.chartData'), sheetContents: t('report.words.sheetContents') },
    sections,
  };
}

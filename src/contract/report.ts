import { z } from 'zod';

const WaveId = z.number().int().nonnegative();
const VariableName = z.string().min(1).max(200);

/** The sections a committee report can carry, in their default order. */
export const ReportSectionId = z.enum(['summary', 'methodology', 'headline', 'responded', 'groups', 'themes', 'trends', 'appendix']);
export type ReportSectionId = z.infer<typeof ReportSectionId>;
export const REPORT_SECTIONS = ReportSectionId.options;

export const ReportLanguage = z.enum(['en', 'cy']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

export const ReportRequest = z
  .object({
    waveId: WaveId,
    /** Earlier waves to compare with, oldest first (year on year). */
    compareWaveIds: z.array(WaveId).max(10).default([]),
    /** Which sections, in the order they appear. */
    sections: z
      .array(ReportSectionId)
      .min(1)
      .max(REPORT_SECTIONS.length)
      .refine((s) => new Set(s).size === s.length, 'A section is listed twice; list each section once.')
      .default([...REPORT_SECTIONS]),
    lang: ReportLanguage.default('en'),
    /** A weight column or saved weight; absent: the wave's first design weight (or saved weight), if any; null: unweighted. */
    weight: VariableName.nullish(),
    /** The question the appendix tables are broken down by; absent: the first demographic with 2 to 6 answers. */
    breakdown: VariableName.nullish(),
  })
  .strict();
export type ReportRequest = z.input<typeof ReportRequest>;

/** A figure as printed (with its GSS symbol when withheld) and as a number where one is shown. */
export const ReportCell = z.object({ text: z.string(), value: z.number().nullable() });
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportTable = z.object({
  type: z.literal('table'),
  /** Unique within the report: the XLSX sheet and the HTML anchor. */
  id: z.string(),
  caption: z.string(),
  /** Column headings; the first heads the row labels. */
  head: z.array(z.string()),
  rows: z.array(z.object({ label: z.string(), kind: z.enum(['option', 'net', 'base']), cells: z.array(ReportCell) })),
  notes: z.array(z.string()),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** A bar chart: one bar per category and series; a null value is withheld ([c], [x]) and drawn as its symbol. */
export const ReportChart = z.object({
  type: z.literal('chart'),
  id: z.string(),
  title: z.string(),
  /** The chart in sentences, for screen readers and Word's alt text; the same figures are in the table beside it. */
  alt: z.string(),
  unit: z.enum(['percent', 'points']),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(ReportCell) })),
});
export type ReportChart = z.infer<typeof ReportChart>;

export const ReportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  /** A respondent's words, personal details masked (src/themes/redact.ts): untrusted text, escaped by every writer. */
  z.object({ type: z.literal('quote'), text: z.string() }),
  ReportTable,
  ReportChart,
]);
export type ReportBlock = z.infer<typeof ReportBlock>;

export const ReportSection = z.object({ id: ReportSectionId, heading: z.string(), blocks: z.array(ReportBlock) });
export type ReportSection = z.infer<typeof ReportSection>;

/** Everything a writer needs, in the report's language: writers only lay it out. */
export const ReportModel = z.object({
  lang: ReportLanguage,
  title: z.string(),
  subtitle: z.string(),
  /** "Contents", "Page", …: the writers' own words, in the report's language. */
  words: z.object({ contents: z.string(), page: z.string(), chartData: z.string(), sheetContents: z.string() }),
  sections: z.array(ReportSection),
});
export type ReportModel = z.infer<typeof ReportModel>;

export const ReportFormat = z.enum(['docx', 'html', 'xlsx', 'pdf']);
export const REPORT_FORMATS = ReportFormat.options;
export type ReportFormat = z.infer<typeof ReportFormat>;

/** `out` is a full path on this computer; an existing file is only replaced when `replace` says so. */
export const ReportExportRequest = ReportRequest.extend({
  format: ReportFormat,
  out: z.string().min(1).max(4096),
  replace: z.boolean().default(false),
}).strict();
export type ReportExportRequest = z.input<typeof ReportExportRequest>;

export const ReportExportResult = z.object({
  out: z.string(),
  format: ReportFormat,
  sections: z.array(ReportSectionId),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;

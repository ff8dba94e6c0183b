import { z } from 'zod';
import { ColumnRole, ColumnType } from './models.js';

export const LayoutName = z.enum(['plain', 'surveymonkey', 'qualtrics', 'qualtrics-legacy', 'limesurvey', 'google-forms', 'microsoft-forms', 'spss']);
export type LayoutName = z.infer<typeof LayoutName>;

/** The question model of one column: inferred, corrected by the user on the review screen, saved, reused. */
export const ColumnModel = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ only, starting with a letter'),
  label: z.string().max(2000),
  type: ColumnType,
  role: ColumnRole,
  options: z.array(z.string().max(2000)).max(5000),
  nonSubstantive: z.array(z.string().max(2000)).max(100),
  separator: z.string().max(5).optional(),
});
export type ColumnModel = z.infer<typeof ColumnModel>;

/** How to read a file: everything is detected, and everything can be overridden. */
export const ReadOptions = z
  .object({
    path: z.string().min(1).max(4096),
    encoding: z.string().max(40).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    sheet: z.string().max(200).optional(),
    layout: LayoutName.or(z.literal('auto')).optional(),
  })
  .strict();
export type ReadOptions = z.infer<typeof ReadOptions>;

/** Where the import goes: an existing survey (a new wave of it) or a new survey. */
export const ImportTarget = z
  .object({
    surveyId: z.number().int().positive().optional(),
    surveyName: z.string().min(1).max(200).optional(),
    kind: z.enum(['survey', 'consultation']).optional(),
    waveLabel: z.string().min(1).max(100).optional(),
    year: z.number().int().min(1900).max(2200).nullable().optional(),
  })
  .strict();

export const ImportRequest = ReadOptions.extend({
  ...ImportTarget.shape,
  /** The reviewed model; columns are matched by name. Missing means: use the saved or inferred model. */
  model: z.array(ColumnModel).max(5000).optional(),
  /** The same file (by checksum) was imported before and the user has said to import it again. */
  allowDuplicate: z.boolean().optional(),
}).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

export const PlannedColumn = ColumnModel.extend({
  header: z.string(),
  question: z.string(),
  option: z.string().optional(),
  code: z.string().optional(),
});
export type PlannedColumn = z.infer<typeof PlannedColumn>;

export const ImportPlan = z.object({
  fileName: z.string(),
  kind: z.enum(['delimited', 'xlsx', 'sav']),
  layout: LayoutName,
  encoding: z.string(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  columns: z.array(PlannedColumn),
  /** The first data rows, one array per row, cells in column order. */
  sample: z.array(z.array(z.string().nullable())),
  warnings: z.array(z.string()),
  duplicateOf: z.object({ surveyName: z.string(), waveLabel: z.string(), importedAt: z.string() }).nullable(),
  suggestedSurveyName: z.string(),
});
export type ImportPlan = z.infer<typeof ImportPlan>;

export const ImportOutcome = z.object({
  surveyId: z.number().int(),
  surveyName: z.string(),
  waveId: z.number().int(),
  waveLabel: z.string(),
  rows: z.number().int(),
  rejected: z.number().int(),
  flagged: z.number().int(),
  layout: LayoutName,
  encoding: z.string(),
  columns: z.array(ColumnModel),
  warnings: z.array(z.string()),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** What could not be read: whole records DuckDB rejected, and single values that did not fit their column. */
export const ImportProblems = z.object({
  rejected: z.array(z.object({ line: z.number().int().nullable(), column: z.string().nullable(), reason: z.string(), raw: z.string().nullable() })),
  flagged: z.array(z.object({ row: z.number().int(), column: z.string(), raw: z.string(), reason: z.string() })),
  totalRejected: z.number().int(),
  totalFlagged: z.number().int(),
});
export type ImportProblems = z.infer<typeof ImportProblems>;

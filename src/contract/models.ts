import { z } from 'zod';

/** Column types of the question model (ARCHITECTURE.md, "The project file"). */
export const ColumnType = z.enum(['id', 'date', 'numeric', 'likert', 'single', 'multi', 'text', 'weight']);
export type ColumnType = z.infer<typeof ColumnType>;

export const ColumnRole = z.enum(['none', 'respondent_id', 'weight', 'demographic', 'locality', 'importance', 'satisfaction']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  isSample: z.boolean(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const RecentProject = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const WaveSummary = z.object({
  id: z.number().int(),
  label: z.string(),
  year: z.number().int().nullable(),
  rowCount: z.number().int(),
  columnCount: z.number().int(),
  importedAt: z.string(),
  sourceFile: z.string(),
});
export type WaveSummary = z.infer<typeof WaveSummary>;

export const SurveySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['survey', 'consultation']),
  waves: z.array(WaveSummary),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const ColumnInfo = z.object({
  name: z.string(),
  label: z.string(),
  type: ColumnType,
  role: ColumnRole,
  position: z.number().int(),
  options: z.array(z.string()),
  nonSubstantive: z.array(z.string()),
});
export type ColumnInfo = z.infer<typeof ColumnInfo>;

/** One page of a wave's responses as Arrow IPC (stream format) bytes; row numbers are 0-based. */
export const RowPage = z.object({
  offset: z.number().int(),
  rowCount: z.number().int(),
  totalRows: z.number().int(),
  arrow: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected Arrow bytes'),
});
export type RowPage = z.infer<typeof RowPage>;

export const Progress = z.object({
  done: z.number(),
  total: z.number().nullable(),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

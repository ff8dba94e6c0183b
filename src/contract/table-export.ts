import { z } from 'zod';
import { CrosstabRequest } from './tables.js';

export const TableExportFormat = z.enum(['xlsx', 'csv']);
export type TableExportFormat = z.infer<typeof TableExportFormat>;

/**
 * A crosstab written to a file, as a reader would see it: primary and secondary suppression applied, with its bases,
 * test, weight, filters and a source note. `out` is a full path on this computer (the desktop app's save dialog gives
 * one; in a browser the user types it). An existing file is only replaced when `replace` says so.
 */
export const TableExportRequest = CrosstabRequest.extend({
  format: TableExportFormat,
  out: z.string().min(1).max(4096),
  replace: z.boolean().default(false),
}).strict();
export type TableExportRequest = z.input<typeof TableExportRequest>;

export const TableExportResult = z.object({
  /** The file written, as a full path. */
  out: z.string(),
  format: TableExportFormat,
  /** Cells suppressed for having too few respondents, and cells suppressed so that those cannot be worked out. */
  suppressed: z.number().int(),
  secondary: z.number().int(),
});
export type TableExportResult = z.infer<typeof TableExportResult>;

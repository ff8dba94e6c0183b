import { z } from 'zod';

export const LocalityRequest = z
  .object({
    waveId: z.number().int().nonnegative(),
    postcodeColumn: z.string().min(1).max(200),
    /** An ONS Postcode Directory extract (CSV) to load first, replacing the project's directory. */
    directoryPath: z.string().min(1).max(4096).optional(),
    /** An IMD / WIMD table (CSV: LSOA code with decile, rank or score) to load first. */
    deprivationPath: z.string().min(1).max(4096).optional(),
    deprivationIndex: z.string().min(1).max(40).optional(),
  })
  .strict();
export type LocalityRequest = z.infer<typeof LocalityRequest>;

export const LocalitySummary = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  terminated: z.number().int(),
  invalid: z.number().int(),
  partial: z.number().int(),
  blank: z.number().int(),
  withoutDecile: z.number().int(),
  unmatchedList: z.array(z.object({ _row: z.number().int(), postcode_raw: z.string().nullable(), status: z.string() })),
});
export type LocalitySummary = z.infer<typeof LocalitySummary>;

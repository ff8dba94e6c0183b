import { z } from 'zod';

const WaveId = z.number().int().nonnegative();
const VariableName = z.string().min(1).max(200);

/** A saved weight's name: shown in menus, used as a column heading in exports and named on the command line. */
export const WeightName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,63}$/u, 'A weight name is 1 to 64 letters, digits, spaces, _ . or -, starting with a letter, digit or _');

/**
 * One population margin: a variable (ward) or an interlocked set of variables (age_band × sex), with the population
 * of each combination. `values` follow `variables` in order.
 */
export const RakeMargin = z
  .object({
    variables: z.array(VariableName).min(1).max(8),
    cells: z
      .array(z.object({ values: z.array(z.string().max(500)).min(1).max(8), population: z.number().finite().nonnegative() }).strict())
      .min(1)
      .max(100_000),
  })
  .strict();
export type RakeMargin = z.infer<typeof RakeMargin>;

export const RakeRequest = z
  .object({
    waveId: WaveId,
    margins: z.array(RakeMargin).min(1).max(20),
    /** The weight raking starts from: a design-weight column or a saved weight. Every respondent counts 1 when absent. */
    baseWeight: z.string().min(1).max(200).nullable().optional(),
    /** Trimming: cap weights at k × the mean weight, re-rake, and repeat until no weight exceeds the cap. */
    trim: z.number().finite().gt(1).max(1000).optional(),
    /**
     * Margins whose population totals disagree cannot all be met. Rescale every margin after the first to the first
     * margin's total (keeping its shares) instead of refusing.
     */
    rescale: z.boolean().default(false),
    /**
     * Leave respondents whose answer to a margin variable is blank or non-substantive (and not a category of the
     * margin) out of the weighted design, with no weight, instead of refusing. R: rake() the data without them.
     */
    excludeMissing: z.boolean().default(false),
  })
  .strict();
export type RakeRequest = z.input<typeof RakeRequest>;

export const RakeAndSaveRequest = RakeRequest.extend({ name: WeightName, replace: z.boolean().default(false) }).strict();
export type RakeAndSaveRequest = z.input<typeof RakeAndSaveRequest>;

export const WeightDistribution = z.object({
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
  mean: z.number(),
});
export type WeightDistribution = z.infer<typeof WeightDistribution>;

export const TrimmingSummary = z.object({
  /** The cap as a multiple of the mean weight, as asked. */
  k: z.number(),
  cap: z.number(),
  /** Cap-and-re-rake rounds taken. */
  rounds: z.number().int(),
  /** Respondents whose weight the cap limits in the final weights. */
  capped: z.number().int(),
});
export type TrimmingSummary = z.infer<typeof TrimmingSummary>;

export const RakeResult = z.object({
  /** The saved weight's name; null for a preview. */
  name: z.string().nullable(),
  baseWeight: z.string().nullable(),
  /** Respondents in the weighted design (every row of the wave less those left out). */
  rows: z.number().int(),
  /** Respondents left out of the weighted design (no weight), by reason, when excludeMissing was asked for. */
  excluded: z.array(z.object({ reason: z.string(), respondents: z.number().int() })),
  /** Sum of the raked weights: the population total of the first margin. */
  total: z.number(),
  converged: z.boolean(),
  /** IPF sweeps of the final raking (with trimming, of the last re-rake). */
  iterations: z.number().int(),
  /** Largest |achieved − target| of any margin category, relative to the total. */
  maxError: z.number(),
  nEff: z.number(),
  /** n_eff / n. */
  efficiency: z.number(),
  margins: z.array(
    z.object({
      variables: z.array(z.string()),
      /** Set when the margin's population was rescaled to the first margin's total: the total as given. */
      givenTotal: z.number().nullable(),
      cells: z.array(
        z.object({ values: z.array(z.string()), target: z.number(), achieved: z.number(), respondents: z.number().int() }),
      ),
    }),
  ),
  distribution: WeightDistribution,
  trimming: TrimmingSummary.nullable(),
});
export type RakeResult = z.infer<typeof RakeResult>;

/** A weight an analysis can use: a design-weight column of the wave, or a weight saved by raking. */
export const WeightInfo = z.object({
  name: z.string(),
  kind: z.enum(['design', 'raked']),
  nEff: z.number(),
  efficiency: z.number(),
  /** How a raked weight was made; null for a design weight. */
  raking: z
    .object({
      baseWeight: z.string().nullable(),
      margins: z.array(RakeMargin),
      converged: z.boolean(),
      iterations: z.number().int(),
      maxError: z.number(),
      trimming: TrimmingSummary.nullable(),
      createdAt: z.string(),
    })
    .nullable(),
});
export type WeightInfo = z.infer<typeof WeightInfo>;

export const WaveWeightRequest = z.object({ waveId: WaveId, name: z.string().min(1).max(200) }).strict();
export const WaveWeightsRequest = z.object({ waveId: WaveId }).strict();
export const MarginsFileRequest = z.object({ path: z.string().min(1).max(4096) }).strict();

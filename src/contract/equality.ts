import { z } from 'zod';
import { Benchmark, BenchmarkFileRequest } from './benchmark.js';

const WaveId = z.number().int().nonnegative();
const Name = z.string().min(1).max(200);
const Interval = z.tuple([z.number(), z.number()]).nullable();

/** A benchmark saved in the project. */
export const SavedBenchmark = Benchmark.extend({ id: z.number().int(), name: z.string() });
export type SavedBenchmark = z.infer<typeof SavedBenchmark>;

export const SaveBenchmarkRequest = z
  .object({
    name: Name,
    /** Read from this file (any format readBenchmark takes) … */
    file: BenchmarkFileRequest.optional(),
    /** … or entered by hand. */
    manual: z.array(z.object({ characteristic: Name, category: z.string().min(1).max(500), population: z.number().nonnegative() }).strict()).max(10_000).optional(),
    replace: z.boolean().default(false),
  })
  .strict()
  .refine((r) => (r.file ? 1 : 0) + (r.manual ? 1 : 0) === 1, { message: 'Give either a file or figures entered by hand.' });

/** Where a representation's population figures come from: a saved benchmark, or a file read for this request. */
export const BenchmarkSource = z.union([z.object({ benchmarkId: z.number().int().positive() }).strict(), z.object({ file: BenchmarkFileRequest }).strict()]);
export type BenchmarkSource = z.infer<typeof BenchmarkSource>;

/** METHODS "Representation": flag thresholds on the representation index (settings). */
export const RepresentationThresholds = z
  .object({ underBelow: z.number().positive().max(100).default(80), overAbove: z.number().min(100).max(1000).default(125) })
  .strict()
  .default({ underBelow: 80, overAbove: 125 });

export const MappingRequest = z
  .object({
    waveId: WaveId,
    variable: Name,
    source: BenchmarkSource.optional(),
    /** The benchmark's characteristic; by default the one named as the variable or about the same characteristic. */
    characteristic: Name.optional(),
    /** A dictionary file of free-text self-descriptions (typed → coded) to suggest from. */
    dictionary: z.string().min(1).max(4096).optional(),
  })
  .strict();

export const MappingReason = z.enum(['user', 'same', 'synonym', 'numbers', 'dictionary', 'own-band', 'none']);

export const MappingEntry = z.object({
  answer: z.string(),
  /** Respondents of this wave giving the answer. */
  n: z.number().int(),
  /** The category it counts in; null: left out of the comparison. */
  category: z.string().nullable(),
  /** 'user' when saved on the mapping screen; otherwise why it was suggested. */
  reason: MappingReason,
});
export type MappingEntry = z.infer<typeof MappingEntry>;

export const Mapping = z.object({
  surveyId: z.number().int(),
  variable: z.string(),
  variableLabel: z.string(),
  /** The benchmark characteristic (or standard characteristic) mapped to, null when none could be found. */
  characteristic: z.string().nullable(),
  /** The categories answers can be mapped to, in order. */
  targets: z.array(z.string()),
  entries: z.array(MappingEntry),
});
export type Mapping = z.infer<typeof Mapping>;

export const SaveMappingRequest = z
  .object({
    waveId: WaveId,
    variable: Name,
    entries: z.array(z.object({ answer: z.string().max(1000), category: z.string().max(500).nullable() }).strict()).max(5000),
  })
  .strict();

export const RepresentationRequest = z
  .object({
    waveId: WaveId,
    variable: Name,
    source: BenchmarkSource,
    characteristic: Name.optional(),
    thresholds: RepresentationThresholds,
  })
  .strict();
export type RepresentationRequest = z.input<typeof RepresentationRequest>;

export const RepresentationCategory = z.object({
  /** The survey's label (the benchmark's when several answers count in one category). */
  category: z.string(),
  benchmarkCategory: z.string(),
  answers: z.array(z.string()),
  n: z.number().int(),
  /** Shares, their interval and differences in percent (0–100). */
  share: z.number(),
  population: z.number(),
  population_share: z.number(),
  /** Representation index, 100 · share / population share. */
  ri: z.number().nullable(),
  /** 95% Wilson interval of the respondent share. */
  ci: Interval,
  difference: z.number(),
  flag: z.enum(['under', 'over']).nullable(),
  sentence: z.string(),
});
export type RepresentationCategory = z.infer<typeof RepresentationCategory>;

export const Representation = z.object({
  variable: z.string(),
  variableLabel: z.string(),
  characteristic: z.string(),
  characteristicLabel: z.string(),
  /** The saved benchmark's name, or the file's name when read for this request. */
  benchmark: z.string(),
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Respondents counted: those whose answer is mapped to a category of the comparison. */
  n: z.number().int(),
  categories: z.array(RepresentationCategory),
  /** Chi-square goodness of fit of the counts to the population shares (R: chisq.test(counts, p = pi)). */
  gof: z.object({ statistic: z.number(), df: z.number(), p: z.number() }).nullable(),
  /** Population categories the survey cannot have (no answer counts in them), left out of the shares. */
  excluded: z.array(z.object({ category: z.string(), population: z.number() })),
  /** Answers not counted in any category. */
  unmapped: z.array(z.object({ answer: z.string(), n: z.number().int() })),
  thresholds: z.object({ underBelow: z.number(), overAbove: z.number() }),
  notes: z.array(z.string()),
});
export type Representation = z.infer<typeof Representation>;

export const BreakdownMeasure = z.enum(['top', 'mean', 'gap']);
export type BreakdownMeasure = z.infer<typeof BreakdownMeasure>;

const Thresholds = z
  .object({
    suppressBelow: z.number().int().min(3).max(1000).default(10),
    lowBaseBelow: z.number().int().min(0).max(100_000).default(50),
    hideBelow: z.number().int().min(0).max(100_000).default(30),
  })
  .strict()
  .default({ suppressBelow: 10, lowBaseBelow: 50, hideBelow: 30 });

export const BreakdownRequest = z
  .object({
    waveId: WaveId,
    /** The outcome question (for a gap, its importance question). */
    outcome: Name,
    measure: BreakdownMeasure.default('top'),
    /** Top-box answers (default: a scale's first two points). */
    top: z.array(z.string().max(1000)).max(50).nullish(),
    /** For a gap: the satisfaction question (default: the one paired with the outcome). */
    satisfaction: Name.nullish(),
    by: Name,
    /** A second characteristic: each combination is a group (intersectional), with the same protection. */
    by2: Name.nullish(),
    weight: Name.nullish(),
    alpha: z.number().gt(0).lt(1).default(0.05),
    thresholds: Thresholds,
  })
  .strict();
export type BreakdownRequest = z.input<typeof BreakdownRequest>;

const Figure = z.object({ estimate: z.number().nullable(), se: z.number().nullable(), ci: Interval, n: z.number().int() });

export const BreakdownGroup = Figure.extend({
  group: z.string(),
  /** Respondents in the group's top box (top-box measure), for disclosure control. */
  count: z.number().int().nullable(),
  rest: Figure,
  /** Group less the rest of the sample, with a two-sided normal p (disjoint domains: variances add). */
  difference: z.number().nullable(),
  p: z.number().nullable(),
  /** p adjusted (Holm) over the groups of this breakdown: what `significant` is judged on. */
  p_adjusted: z.number().nullable(),
  significant: z.boolean(),
  /** 'c' confidential (or withheld so that one cannot be worked out), 'hidden' base below the threshold, 'low' caution. */
  flag: z.enum(['c', 'hidden', 'low']).nullable(),
});
export type BreakdownGroup = z.infer<typeof BreakdownGroup>;

export const Breakdown = z.object({
  outcome: z.string(),
  outcomeLabel: z.string(),
  measure: BreakdownMeasure,
  /** 'percent' (top-box %, 0–100), 'score' (mean 1–5 or the scale's points), 'points' (gap in percentage points). */
  units: z.enum(['percent', 'score', 'points']),
  top: z.array(z.string()),
  by: z.string(),
  byLabel: z.string(),
  by2: z.string().nullable(),
  weight: z.string().nullable(),
  overall: Figure,
  groups: z.array(BreakdownGroup),
  /** The significant differences in plain words, ready for an equality impact assessment. */
  summary: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const ImpactSummaryRequest = z
  .object({
    waveId: WaveId,
    outcomes: z.array(Name).min(1).max(100),
    by: z.array(Name).min(1).max(50),
    weight: Name.nullish(),
    alpha: z.number().gt(0).lt(1).default(0.05),
  })
  .strict();

export const ImpactSummary = z.object({
  lines: z.array(z.object({ outcome: z.string(), by: z.string(), group: z.string(), text: z.string() })),
  /** The whole summary as plain text, to paste into an equality impact assessment. */
  text: z.string(),
  notes: z.array(z.string()),
});
export type ImpactSummary = z.infer<typeof ImpactSummary>;

/** The variables a wave's equality analyses can use, with the characteristic each is about. */
export const EqualityVariable = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.string(),
  characteristic: z.string().nullable(),
});

import { z } from 'zod';

const WaveId = z.number().int().nonnegative();
const VariableName = z.string().min(1).max(200);
const Interval = z.tuple([z.number(), z.number()]).nullable();
const OptionList = z.array(z.string().min(1).max(1000)).min(1).max(50);

/* ---- pairs ---------------------------------------------------------------------------------------------------- */

export const GapPairItem = z.object({
  name: z.string(),
  label: z.string(),
  /** The question as asked. */
  text: z.string(),
  /** Substantive answers, best first. */
  categories: z.array(z.string()),
  /** The default top box: the scale's first two points. */
  top: z.array(z.string()),
});
export type GapPairItem = z.infer<typeof GapPairItem>;

/** How a pair was found: its stored pair key, its names (imp_X / sat_X …) or its wording. */
export const GapPairSource = z.enum(['metadata', 'names', 'text']);

/** A KPI's target: reach `value` by `year` (a gap to narrow: direction `lower`), optionally from a baseline. */
export const GapTarget = z
  .object({
    value: z.number().finite(),
    year: z.number().int().min(1900).max(2200),
    direction: z.enum(['lower', 'higher']).default('lower'),
    baseline: z.object({ value: z.number().finite(), year: z.number().int().min(1900).max(2200) }).strict().nullish(),
  })
  .strict();
export type GapTarget = z.input<typeof GapTarget>;
/** A target as stored with a pair: every field given (direction filled in). */
export type SavedGapTarget = z.output<typeof GapTarget>;

export const GapPair = z.object({
  key: z.string(),
  label: z.string(),
  /** 'metadata' for a stored pair key: the import's, or one the user confirmed (then `confirmed`). */
  source: GapPairSource,
  /** The user confirmed or made this pair; it is kept for every wave of the survey. */
  confirmed: z.boolean(),
  importance: GapPairItem,
  satisfaction: GapPairItem,
  /** The KPI target saved for this pair (with the survey, for every wave), or null. */
  target: GapTarget.nullable(),
});
export type GapPair = z.infer<typeof GapPair>;

export const GapPairsRequest = z.object({ waveId: WaveId }).strict();
export const GapPairs = z.object({
  pairs: z.array(GapPair),
  /** Importance or satisfaction questions left without a partner (to pair by hand). */
  unpaired: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      side: z.enum(['importance', 'satisfaction']),
      /** The user unpaired it, so it is not paired automatically. */
      unpairedByUser: z.boolean(),
    }),
  ),
});
export type GapPairs = z.infer<typeof GapPairs>;

/** Two questions of a wave, importance and satisfaction: a pair to save, unpair, or give a target. */
const PairRef = {
  /** Any wave of the survey; what is saved holds for all its waves (questions are matched by name). */
  waveId: WaveId,
  importance: VariableName,
  satisfaction: VariableName,
};
export const SavePairRequest = z.object(PairRef).strict();
export type SavePairRequest = z.infer<typeof SavePairRequest>;
export const UnpairRequest = z.object(PairRef).strict();
export const SaveTargetRequest = z.object({ ...PairRef, target: GapTarget }).strict();
export type SaveTargetRequest = z.input<typeof SaveTargetRequest>;
export const DeleteTargetRequest = z.object(PairRef).strict();

/* ---- gaps ----------------------------------------------------------------------------------------------------- */

/**
 * `own`: each top-box % on its own valid base, the councils' published indicator (default). `paired`: only
 * respondents who answered both. `mean`: the paired difference of mean scores, both items on a 1–5 scale.
 */
export const GapMethod = z.enum(['own', 'paired', 'mean']);
export type GapMethod = z.infer<typeof GapMethod>;


export const GapRequest = z
  .object({
    waveId: WaveId,
    importance: VariableName,
    satisfaction: VariableName,
    method: GapMethod.default('own'),
    /** A weight column or saved weight; none for unweighted. */
    weight: VariableName.nullish(),
    /** A closed question or placed locality to break the gap down by, each group tested against the rest. */
    by: VariableName.nullish(),
    /** Top-box answers; the scale's first two points when not given. */
    topImportance: OptionList.nullish(),
    topSatisfaction: OptionList.nullish(),
    /** Where the quadrant chart's crosshairs sit: the means of the plotted points, or the scale's midpoint (3). */
    crosshairs: z.enum(['means', 'midpoint']).default('means'),
    /**
     * Whether to chart every pair of the wave. That chart depends only on the wave and the weight, and costs a pass
     * over each item (most of this request's time on a large wave), so a page can ask for it once and then leave it out.
     */
    itemChart: z.boolean().default(true),
    target: GapTarget.nullish(),
    /**
     * Disclosure control and low-base flags on unweighted bases (METHODS, "Disclosure control and low bases"): a group
     * with fewer respondents than `suppressBelow` (at least 3) is confidential, [c].
     */
    thresholds: z
      .object({
        suppressBelow: z.number().int().min(3).max(100_000).default(10),
        lowBaseBelow: z.number().int().min(0).max(100_000).default(50),
        hideBelow: z.number().int().min(0).max(100_000).default(30),
      })
      .strict()
      .default({ suppressBelow: 10, lowBaseBelow: 50, hideBelow: 30 }),
  })
  .strict();
export type GapRequest = z.input<typeof GapRequest>;

/** One item's side of a gap: a top-box % (own, paired) or a mean score on the 1–5 scale (mean). */
export const GapItemFigure = z.object({
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  /** Logit interval for a percentage (exact at 0 and 100), Wald for a mean; null without one. */
  ci: Interval,
  /** Respondents in the top box (percentages only). */
  n: z.number().int().nullable(),
  /** Respondents in the base, weighted base and Kish effective base. */
  base: z.number().int(),
  weightedBase: z.number(),
  nEff: z.number(),
});
export type GapItemFigure = z.infer<typeof GapItemFigure>;

export const GapFigure = z.object({
  /** Importance less satisfaction: percentage points (own, paired) or score points (mean); null with an empty base. */
  gap: z.number().nullable(),
  se: z.number().nullable(),
  /** Wald 95% interval; null when a base has fewer than two respondents with a positive weight. */
  ci: Interval,
  importance: GapItemFigure,
  satisfaction: GapItemFigure,
  /** From the smaller unweighted base: 'hidden' below 30, 'low' below 50 (thresholds). */
  flag: z.enum(['low', 'hidden']).nullable(),
});
export type GapFigure = z.infer<typeof GapFigure>;

export const GapGroup = GapFigure.extend({
  group: z.string(),
  /** Null, with every figure of the group (gap, items, bases, test), when the group is confidential (`suppressed`). */
  importance: GapItemFigure.nullable(),
  satisfaction: GapItemFigure.nullable(),
  /** 'c' when confidential (shown [c]); otherwise the low-base flag. */
  flag: z.enum(['c', 'low', 'hidden']).nullable(),
  /**
   * 'primary': fewer respondents than the disclosure threshold; 'secondary': withheld so that a primary group cannot
   * be worked out from the overall figure and the other groups (src/gaps/group-disclosure.ts).
   */
  suppressed: z.enum(['primary', 'secondary']).nullable(),
  /** This group's gap less that of the rest (respondents in the other groups), its SE and two-sided normal p. */
  vsRest: z.object({ difference: z.number(), se: z.number(), z: z.number().nullable(), p: z.number() }).nullable(),
});
export type GapGroup = z.infer<typeof GapGroup>;

/** Martilla & James (1977). */
export const Quadrant = z.enum(['concentrate_here', 'keep_up_the_good_work', 'low_priority', 'possible_overkill']);
export type Quadrant = z.infer<typeof Quadrant>;

const MeanPoint = z.object({ mean: z.number(), se: z.number(), base: z.number().int() });
export const QuadrantPoint = z.object({
  /** The pair's key (chart of items) or the group (chart of groups). */
  key: z.string(),
  label: z.string(),
  /** Mean scores on a common 1–5 scale (best = 5), each on its own valid base. */
  importance: MeanPoint,
  satisfaction: MeanPoint,
  quadrant: Quadrant,
});
export type QuadrantPoint = z.infer<typeof QuadrantPoint>;

export const QuadrantChart = z.object({
  points: z.array(QuadrantPoint),
  /** x = satisfaction, y = importance. */
  crosshairs: z.object({ satisfaction: z.number(), importance: z.number() }),
});
export type QuadrantChart = z.infer<typeof QuadrantChart>;

export const TargetStatus = z.object({
  status: z.enum(['met', 'on_track', 'not_met', 'cannot_tell']),
  /** Where the straight path from baseline to target stands in this wave's year (the target itself without a path). */
  expected: z.number(),
  reason: z.string(),
});
export type TargetStatus = z.infer<typeof TargetStatus>;

export const GapResult = z.object({
  /** What the pair is about ("Council listens"), from the two questions' labels. */
  label: z.string(),
  importance: z.string(),
  importanceLabel: z.string(),
  satisfaction: z.string(),
  satisfactionLabel: z.string(),
  method: GapMethod,
  /** 'points' for top-box gaps (percentage points), 'score' for mean-score gaps (1–5 scale). */
  units: z.enum(['points', 'score']),
  topImportance: z.array(z.string()),
  topSatisfaction: z.array(z.string()),
  weight: z.string().nullable(),
  by: z.string().nullable(),
  byLabel: z.string().nullable(),
  /** Rows in the weighted design: the N of every variance. */
  waveRows: z.number().int(),
  headline: GapFigure,
  groups: z.array(GapGroup),
  quadrants: z.object({
    crosshairs: z.enum(['means', 'midpoint']),
    /** Every importance/satisfaction pair of the wave; null when not asked for (itemChart: false). */
    items: QuadrantChart.nullable(),
    /** This pair by the groups of `by`; null without a breakdown. */
    groups: QuadrantChart.nullable(),
  }),
  target: TargetStatus.nullable(),
  notes: z.array(z.string()),
});
export type GapResult = z.infer<typeof GapResult>;

/* ---- trends --------------------------------------------------------------------------------------------------- */

export const TrendMeasure = z.enum(['top', 'mean', 'gap', 'theme']);

export const TrendRequest = z
  .object({
    /** Waves in time order (oldest first); the change is the last less the one before. */
    waveIds: z.array(WaveId).min(1).max(50),
    /** The question, named as in the first wave; found in the others by name, then by similar wording. */
    question: VariableName,
    /**
     * 'top': top-box %; 'mean': mean score (best = number of points … worst = 1); 'gap': importance less satisfaction;
     * 'theme': prevalence of `theme` among those who answered the free-text `question` (as the Tables page gives it).
     */
    measure: TrendMeasure.default('top'),
    /** For 'theme': the theme's code or name in the first wave where the question is coded; later waves by its code, then name. */
    theme: z.string().trim().min(1).max(200).nullish(),
    /** Top-box answers, as worded in the first wave; the scale's first two points when not given. */
    top: OptionList.nullish(),
    /** For a gap: the satisfaction question (the importance one is `question`); its pair when not given. */
    satisfaction: VariableName.nullish(),
    method: GapMethod.default('own'),
    weight: VariableName.nullish(),
    /** Confirmed matches that override the automatic ones: in wave `waveId` the question is `name`. */
    matches: z.array(z.object({ waveId: WaveId, question: VariableName, satisfaction: VariableName.nullish() }).strict()).max(50).default([]),
  })
  .strict()
  .refine((r) => r.measure !== 'theme' || r.theme, { message: 'Say which theme to follow (its code or name).', path: ['theme'] });
export type TrendRequest = z.input<typeof TrendRequest>;

export const TrendPoint = z.object({
  waveId: z.number().int(),
  survey: z.string(),
  wave: z.string(),
  year: z.number().int().nullable(),
  /** The question this wave's figure comes from, and how it was matched to the first wave's. */
  question: z.string(),
  satisfaction: z.string().nullable(),
  matchedBy: z.enum(['first', 'name', 'text', 'given']),
  /** The answers counted as the top box in this wave (top only). */
  top: z.array(z.string()),
  /** The theme's name in this wave's codeframe (theme only). */
  theme: z.string().nullable(),
  /** Percentage (top, gap: points) or mean score. */
  estimate: z.number(),
  se: z.number(),
  /** Logit interval for a percentage, Wald for a mean or a gap; null without one. */
  ci: Interval,
  /** Respondents in the base (the importance base for a gap). */
  n: z.number().int(),
  weightedBase: z.number(),
  nEff: z.number(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const TrendSeries = z.object({
  measure: TrendMeasure,
  units: z.enum(['percent', 'points', 'score']),
  label: z.string(),
  weight: z.string().nullable(),
  waves: z.array(TrendPoint),
  /** Last wave less the one before (independent samples: variances add), with its z and two-sided normal p. */
  change: z.object({ estimate: z.number(), se: z.number(), z: z.number().nullable(), p: z.number() }).nullable(),
  notes: z.array(z.string()),
});
export type TrendSeries = z.infer<typeof TrendSeries>;

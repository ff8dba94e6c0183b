import { z } from 'zod';
import { ColumnRole } from './models.js';

const WaveId = z.number().int().nonnegative();
const VariableName = z.string().min(1).max(200);

/**
 * How a variable enters a table: a closed question (single choice or a scale), a multi-choice question (each option is
 * a row, among those who answered), or a place found from respondents' postcodes (ward, deprivation decile).
 */
export const TableVariableKind = z.enum(['single', 'likert', 'multi', 'placed']);
export type TableVariableKind = z.infer<typeof TableVariableKind>;

export const TableVariable = z.object({
  /** The column name, or `placed:ward` / `placed:decile` for the locality placed from postcodes. */
  name: z.string(),
  label: z.string(),
  kind: TableVariableKind,
  role: ColumnRole,
  /** Substantive answers in their stored order (best first for scales); a table may find others as well. */
  categories: z.array(z.string()),
  /** Answers left out of every base ("Don't know", "Prefer not to say"); blanks always are. */
  nonSubstantive: z.array(z.string()),
  asRow: z.boolean(),
  asColumn: z.boolean(),
});
export type TableVariable = z.infer<typeof TableVariable>;

export const TableVariablesRequest = z.object({ waveId: WaveId }).strict();

/** A filter is a domain of the wave: respondents whose `column` is `value` (several values of one column: any of them). */
export const TableFilter = z.object({ column: VariableName, value: z.string().max(1000) }).strict();
export type TableFilter = z.infer<typeof TableFilter>;

export const Comparison = z.enum(['holm', 'bh', 'none']);
export type Comparison = z.infer<typeof Comparison>;

export const CrosstabRequest = z
  .object({
    waveId: WaveId,
    row: VariableName,
    col: VariableName.nullish(),
    /** A weight column or saved weight; none for unweighted. */
    weight: VariableName.nullish(),
    where: z.array(TableFilter).max(50).default([]),
    /** Adjustment of the column comparisons within each row. */
    comparison: Comparison.default('holm'),
    alpha: z.number().gt(0).lt(1).default(0.05),
    /** Disclosure thresholds on unweighted counts (METHODS, "Disclosure control and low bases"). */
    thresholds: z
      .object({
        suppressBelow: z.number().int().min(3).max(1000).default(10),
        lowBaseBelow: z.number().int().min(0).max(100_000).default(50),
        hideBelow: z.number().int().min(0).max(100_000).default(30),
      })
      .strict()
      .default({ suppressBelow: 10, lowBaseBelow: 50, hideBelow: 30 }),
  })
  .strict();
export type CrosstabRequest = z.input<typeof CrosstabRequest>;

const Flag = z.enum(['c', 'low', 'hidden']).nullable();

/** Figures in percentage points (0–100); `n` counts respondents, `weighted_n` sums their weights. */
export const CrosstabCell = z.object({
  row: z.string(),
  col: z.string().nullable(),
  n: z.number().int(),
  weighted_n: z.number(),
  pct: z.number(),
  se: z.number(),
  /** Logit interval (exact at 0 and 100); null for a percentage resting on one positively weighted respondent. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** Letters of the columns this cell is significantly higher than. */
  letters: z.array(z.string()),
  /** 'c': too few respondents to show; 'hidden': base too small to show; 'low': show with a caution. */
  flag: Flag,
});
export type CrosstabCell = z.infer<typeof CrosstabCell>;

export const CrosstabBase = z.object({
  col: z.string().nullable(),
  letter: z.string().nullable(),
  n: z.number().int(),
  weighted_n: z.number(),
  n_eff: z.number(),
  flag: z.enum(['low', 'hidden']).nullable(),
});

export const CrosstabRow = z.object({
  label: z.string(),
  /** An option of the question, an answer found outside its stored options, or a net (top 2 / bottom 2 of a scale). */
  kind: z.enum(['option', 'other', 'top2', 'bottom2']),
});

export const CrosstabComparison = z.object({
  row: z.string(),
  a: z.string(),
  b: z.string(),
  /** Percentage of column a less that of column b, in points. */
  difference: z.number(),
  /** Null when infinite: both columns answered unanimously (no spread) and differ, so p is 0. */
  z: z.number().nullable(),
  p: z.number(),
  adjusted: z.number(),
});

export const CrosstabMean = z.object({
  col: z.string().nullable(),
  n: z.number().int(),
  mean: z.number(),
  se: z.number(),
});

export const Crosstab = z.object({
  row: z.string(),
  rowLabel: z.string(),
  col: z.string().nullable(),
  colLabel: z.string().nullable(),
  weight: z.string().nullable(),
  /** Rows in the wave: the N of every variance (filters and bases are domains of the whole wave). */
  waveRows: z.number().int(),
  rows: z.array(CrosstabRow),
  cells: z.array(CrosstabCell),
  bases: z.array(CrosstabBase),
  test: z.object({ method: z.string(), statistic: z.number(), df: z.number(), p: z.number() }).nullable(),
  comparison: Comparison,
  /** Every pair of columns tested in every row, with its p-value before and after adjustment. */
  comparisons: z.array(CrosstabComparison),
  /** For a scale: mean score per column (best answer = number of points … worst = 1). */
  means: z.array(CrosstabMean).nullable(),
  notes: z.array(z.string()),
});
export type Crosstab = z.infer<typeof Crosstab>;

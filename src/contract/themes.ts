import { z } from 'zod';

/**
 * Coding free-text answers into themes (issue #6). A codeframe stands on its own so it can be reused across waves and
 * surveys; a free-text question of a wave is coded against one codeframe at a time. Codes are kept per respondent row
 * (the wave's rowid) and theme, with their source; a human decision on a (row, theme) always wins over rule or model.
 */

const WaveId = z.number().int().nonnegative();
const Id = z.number().int().positive();
const QuestionName = z.string().min(1).max(200);
const FilePath = z.string().min(1).max(4096);
const Term = z.string().trim().min(1).max(200);

/** A free-text question of one wave. */
export const CodedQuestion = z.object({ waveId: WaveId, question: QuestionName }).strict();
export type CodedQuestion = z.infer<typeof CodedQuestion>;

export const CodeSource = z.enum(['rule', 'model', 'human']);
export type CodeSource = z.infer<typeof CodeSource>;

export const Sentiment = z.enum(['positive', 'neutral', 'negative']);
export type Sentiment = z.infer<typeof Sentiment>;

export const Language = z.enum(['en', 'cy']);
export type Language = z.infer<typeof Language>;

/**
 * What a theme is. Keywords and phrases match whole words after stemming; a trailing `*` matches any ending
 * ("access*" matches accessible, accessibility); a phrase matches its words in order. An exclusion stops the theme
 * matching a response that contains it ("car park" in PARK, excluded for "bike park").
 */
export const ThemeInput = z
  .object({
    /** Short code, unique in its codeframe (e.g. PARK); made from the name when left out. */
    code: z.string().trim().min(1).max(40).regex(/^[^\s,;]+$/, 'A code has no spaces, commas or semicolons.').optional(),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    keywords: z.array(Term).max(500).default([]),
    exclusions: z.array(Term).max(500).default([]),
    /** The code of the net this theme sits in (two levels: a net cannot itself have a parent). */
    parent: z.string().trim().min(1).max(40).nullish(),
    /** Example answers, shown to coders and used as extra training text. */
    examples: z.array(z.string().max(2000)).max(100).default([]),
  })
  .strict();
export type ThemeInput = z.input<typeof ThemeInput>;

export const Theme = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  exclusions: z.array(z.string()),
  parent: z.string().nullable(),
  examples: z.array(z.string()),
  position: z.number().int(),
});
export type Theme = z.infer<typeof Theme>;

export const Codeframe = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  themes: z.array(Theme),
  /** The questions coded with it. */
  usedBy: z.array(z.object({ waveId: z.number().int(), question: z.string() })),
});
export type Codeframe = z.infer<typeof Codeframe>;

export const CodeframeSummary = Codeframe.omit({ themes: true }).extend({ themeCount: z.number().int() });
export type CodeframeSummary = z.infer<typeof CodeframeSummary>;

export const CreateCodeframeRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    themes: z.array(ThemeInput).max(500).default([]),
  })
  .strict();

/** Adds a theme (no id) or replaces one (id given) in a codeframe. */
export const SaveThemeRequest = z.object({ codeframeId: Id, themeId: Id.optional(), theme: ThemeInput }).strict();
export const DeleteThemeRequest = z.object({ codeframeId: Id, themeId: Id }).strict();
/** Folds themes into one: every response coded with any of `from` is coded with `into` (human decisions kept as human). */
export const MergeThemesRequest = z.object({ codeframeId: Id, from: z.array(Id).min(1).max(100), into: Id }).strict();
/** Replaces a theme by several: its codes are removed (kept for undo) and its responses return to the review queue. */
export const SplitThemeRequest = z.object({ codeframeId: Id, themeId: Id, into: z.array(ThemeInput).min(2).max(50) }).strict();

export const CodeframeFileFormat = z.enum(['csv', 'json']);
/**
 * CSV: columns code, theme (name), description, keywords (";"-separated), exclusions, parent, examples (";"-separated);
 * only code and theme are required. JSON: `{ name, description, themes: ThemeInput[] }`.
 */
export const ImportCodeframeRequest = z
  .object({ path: FilePath, name: z.string().trim().min(1).max(200).optional(), format: CodeframeFileFormat.optional() })
  .strict();
export const ExportCodeframeRequest = z.object({ codeframeId: Id, path: FilePath, format: CodeframeFileFormat.optional() }).strict();

/** Codes a question with a codeframe (a question has one codeframe; changing it keeps codes of themes both share). */
export const AttachCodeframeRequest = CodedQuestion.extend({ codeframeId: Id }).strict();

export const ThemeCount = z.object({
  themeId: z.number().int(),
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  /** Responses carrying the theme (human decisions first, then rule or model codes). */
  n: z.number().int(),
  /** Percentage of responses that have text (0–100). */
  pct: z.number(),
  bySource: z.object({ rule: z.number().int(), model: z.number().int(), human: z.number().int() }),
});
export type ThemeCount = z.infer<typeof ThemeCount>;

/** Agreement of the auto-coding with people (METHODS, "Free-text coding quality"). */
export const Agreement = z.object({
  /** Responses compared. */
  n: z.number().int(),
  /** Mean per-response F1 (null with nothing to compare). */
  f1: z.number().nullable(),
  /** 95% percentile bootstrap interval of the mean F1 (null below 2 responses). */
  f1_ci: z.tuple([z.number(), z.number()]).nullable(),
  /** Cohen's kappa per theme code; null where it is undefined (both coders gave one answer throughout). */
  kappa: z.record(z.string(), z.number().nullable()),
  /** Mean F1 ≥ 0.75 on at least 30 reviewed responses. */
  ready: z.boolean(),
});
export type Agreement = z.infer<typeof Agreement>;

export const QuestionCoding = z.object({
  waveId: z.number().int(),
  question: z.string(),
  label: z.string(),
  /** Respondents in the wave, and those who wrote something. */
  rows: z.number().int(),
  responses: z.number().int(),
  codeframe: CodeframeSummary.nullable(),
  /** Responses carrying at least one theme (people's decisions over rule and model codes), and those a person has reviewed. */
  coded: z.number().int(),
  reviewed: z.number().int(),
  welsh: z.number().int(),
  sentiment: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  counts: z.array(ThemeCount),
  /** Auto-coding against the reviewed responses. */
  agreement: Agreement,
  /** Whether an undo is available, and what it would undo. */
  undo: z.string().nullable(),
});
export type QuestionCoding = z.infer<typeof QuestionCoding>;

/** The free-text questions of a wave and how far each is coded. */
export const ThemeQuestionsRequest = z.object({ waveId: WaveId }).strict();
export const ThemeQuestion = z.object({
  question: z.string(),
  label: z.string(),
  responses: z.number().int(),
  codeframeId: z.number().int().nullable(),
  coded: z.number().int(),
  reviewed: z.number().int(),
});

export const ApplyRequest = CodedQuestion.extend({
  /** Learn a classifier from the human-coded responses (at least a few per theme) beside the rules. */
  trainFromHuman: z.boolean().default(true),
  /**
   * Left out (the default): each response gets the themes with the highest expected F1 given their calibrated
   * probabilities (src/themes/expected-f1.ts). Given: a model code is assigned at this calibrated probability or above
   * (when nothing reaches it, the likeliest theme is assigned if it reaches half of it).
   */
  threshold: z.number().gt(0).lt(1).optional(),
  who: z.string().max(200).optional(),
}).strict();
export const ApplyResult = z.object({
  /** Responses auto-coded (those with text and no human decision). */
  coded: z.number().int(),
  /** Responses left alone because a person has coded them. */
  human: z.number().int(),
  /** Whether a classifier was trained, on how many responses, and for which themes (others: rules only). */
  model: z.object({ trained: z.boolean(), examples: z.number().int(), themes: z.array(z.string()) }),
  counts: z.array(ThemeCount),
  ms: z.number(),
});
export type ApplyResult = z.infer<typeof ApplyResult>;

/** A spreadsheet of codes made elsewhere: respondent ids in the first column (or `idColumn`), then one 0/1 column per theme. */
export const ImportCodesRequest = CodedQuestion.extend({
  path: FilePath,
  idColumn: z.string().min(1).max(200).optional(),
  who: z.string().max(200).optional(),
}).strict();
export const ImportCodesResult = z.object({
  /** Rows of the file matched to respondents. */
  matched: z.number().int(),
  /** Themes not in the codeframe, added to it. */
  addedThemes: z.array(z.string()),
  counts: z.array(ThemeCount),
});
export type ImportCodesResult = z.infer<typeof ImportCodesResult>;

/** Writes respondent id plus one 0/1 column per theme (all sources, human first). */
export const ExportCodesRequest = CodedQuestion.extend({ path: FilePath }).strict();
export const ExportCodesResult = z.object({ path: z.string(), rows: z.number().int(), themes: z.number().int() });

/** Agreement of the project's codes with a gold file in the import-codes layout. */
export const EvaluateRequest = CodedQuestion.extend({ path: FilePath, idColumn: z.string().min(1).max(200).optional() }).strict();

export const ResponseCode = z.object({
  themeId: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** Present after every decision (a human rejection is present: false). */
  present: z.boolean(),
  source: CodeSource,
  /** Calibrated probability for model codes, 1 for rules and people. */
  confidence: z.number().nullable(),
  who: z.string().nullable(),
  at: z.string().nullable(),
});
export type ResponseCode = z.infer<typeof ResponseCode>;

export const CodedResponse = z.object({
  row: z.number().int(),
  responseId: z.string().nullable(),
  text: z.string(),
  language: Language,
  sentiment: Sentiment,
  /** How sure the auto-coding is about this response (0–1; the review queue shows the least certain first). */
  certainty: z.number().nullable(),
  reviewed: z.boolean(),
  codes: z.array(ResponseCode),
});
export type CodedResponse = z.infer<typeof CodedResponse>;

/** The next response to review: least certain first, among those no person has reviewed; `skip` rows are passed over. */
export const ReviewNextRequest = CodedQuestion.extend({ skip: z.array(z.number().int().nonnegative()).max(10_000).default([]) }).strict();
export const ReviewItem = z.object({ response: CodedResponse.nullable(), remaining: z.number().int() });
export type ReviewItem = z.infer<typeof ReviewItem>;

/**
 * A person's decisions on one response: each theme present or not. With `done`, the codes not decided are accepted as
 * they stand (the response counts as reviewed).
 */
export const DecideRequest = CodedQuestion.extend({
  row: z.number().int().nonnegative(),
  decisions: z.array(z.object({ themeId: Id, present: z.boolean() }).strict()).max(500),
  done: z.boolean().default(false),
  who: z.string().max(200).optional(),
}).strict();

export const ResponsesRequest = CodedQuestion.extend({
  themeId: Id.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(500).default(50),
}).strict();
export const ResponsesPage = z.object({ total: z.number().int(), responses: z.array(CodedResponse) });

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  who: z.string().nullable(),
  action: z.string(),
  summary: z.string(),
  undone: z.boolean(),
});
export const HistoryRequest = CodedQuestion.extend({ limit: z.number().int().positive().max(1000).default(100) }).strict();
export const UndoResult = z.object({ undone: z.string().nullable() });

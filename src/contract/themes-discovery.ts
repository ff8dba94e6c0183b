import { z } from 'zod';

/** Discovery's limits: the issue asks for 8–20 candidates by default; a user may ask for as few as 2 or as many as 40. */
export const DISCOVERY_MIN_K = 2;
export const DISCOVERY_MAX_K = 40;

export const DiscoverRequest = z
  .object({
    waveId: z.number().int().nonnegative(),
    /** The free-text question (its column name). */
    question: z.string().min(1).max(256),
    /** How many candidate themes; chosen between 8 and 20 when absent. */
    k: z.number().int().min(DISCOVERY_MIN_K).max(DISCOVERY_MAX_K).optional(),
    /** The same responses and seed always give the same candidates. */
    seed: z.number().int().nonnegative().max(2 ** 31 - 1).default(1),
    /** Representative responses per candidate. */
    quotes: z.number().int().min(1).max(20).default(5),
  })
  .strict();
export type DiscoverRequest = z.output<typeof DiscoverRequest>;

export const DiscoveredQuote = z.object({
  /** The respondent id (or the row number, from 1, where the wave has no id column). */
  responseId: z.string(),
  /** 0-based row of the wave. */
  row: z.number().int().nonnegative(),
  /** With personal data masked: what is shown by default. */
  redacted: z.string(),
  /** As the respondent wrote it. */
  text: z.string(),
});
export type DiscoveredQuote = z.infer<typeof DiscoveredQuote>;

export const CandidateTheme = z.object({
  /** Named by its top key terms. */
  name: z.string(),
  /** Key terms, most characteristic first, in respondents' words. */
  terms: z.array(z.string()),
  /** Responses grouped here. */
  size: z.number().int().nonnegative(),
  /** Most representative first (closest to the candidate's centre). */
  quotes: z.array(DiscoveredQuote),
});
export type CandidateTheme = z.infer<typeof CandidateTheme>;

export const Discovery = z.object({
  waveId: z.number().int(),
  question: z.string(),
  label: z.string(),
  k: z.number().int().nonnegative(),
  seed: z.number().int(),
  /** Respondents in the wave. */
  rows: z.number().int().nonnegative(),
  /** Left the question blank. */
  blank: z.number().int().nonnegative(),
  /** Wrote something with nothing to group on ("No", "n/a", a lone uncommon word). */
  ungrouped: z.number().int().nonnegative(),
  /** Largest first. */
  candidates: z.array(CandidateTheme),
});
export type Discovery = z.infer<typeof Discovery>;

import type { Theme } from '../contract/themes.js';
import { stem, type ResponseText } from './text.js';

/**
 * Keyword rules. A keyword is one or more words that must appear in order:
 *  - a plain word matches any word with the same English stem ("park" matches parks, parking, parked), and in Welsh
 *    responses (not stemmed) the word as written;
 *  - `word*` matches any word starting so ("accessib*" matches accessible, accessibility), `*word` any word ending so
 *    (Welsh mutations: "*diogel" matches ddiogel), `*word*` any word containing it;
 *  - a keyword with no letters or digits ("£") matches where it occurs in the text as written.
 * A theme's rule fires when any keyword matches and no exclusion does.
 */
type WordTest = (word: string, wordStem: string) => boolean;

interface Keyword {
  tests: WordTest[];
  /** For symbol keywords: matched in the lower-cased text. */
  literal: string | null;
}

export interface CompiledRule {
  themeId: number;
  keywords: Keyword[];
  exclusions: Keyword[];
}

function wordTest(pattern: string): WordTest {
  const starts = pattern.startsWith('*');
  const ends = pattern.endsWith('*');
  const core = pattern.replace(/^\*+|\*+$/g, '');
  if (starts && ends) return (w) => w.includes(core);
  if (ends) return (w) => w.startsWith(core);
  if (starts) return (w) => w.endsWith(core);
  const coreStem = stem(core);
  return (w, s) => s === coreStem || w === core;
}

export function compileKeyword(keyword: string): Keyword | null {
  const text = keyword.toLowerCase().replace(/’/g, "'").trim();
  // Words keep their wildcards: split on anything that is neither a word character nor `*` or an apostrophe.
  const parts = text.split(/[^\p{L}\p{N}*']+/u).filter((p) => p.replace(/\*/g, '') !== '');
  if (parts.length === 0) return text === '' ? null : { tests: [], literal: text };
  return { tests: parts.map(wordTest), literal: null };
}

export function compileRule(theme: Pick<Theme, 'id' | 'keywords' | 'exclusions'>): CompiledRule {
  const compile = (list: readonly string[]) => list.map(compileKeyword).filter((k): k is Keyword => k !== null);
  return { themeId: theme.id, keywords: compile(theme.keywords), exclusions: compile(theme.exclusions) };
}

function occurs(k: Keyword, text: string, r: ResponseText): boolean {
  if (k.literal !== null) return text.includes(k.literal);
  const n = k.tests.length;
  for (let i = 0; i + n <= r.words.length; i++) {
    let j = 0;
    while (j < n && k.tests[j]!(r.words[i + j]!, r.stems[i + j]!)) j++;
    if (j === n) return true;
  }
  return false;
}

/** Whether a theme's rule fires on a response (`lowerText`: the response lower-cased, for symbol keywords). */
export function ruleMatches(rule: CompiledRule, lowerText: string, r: ResponseText): boolean {
  if (!rule.keywords.some((k) => occurs(k, lowerText, r))) return false;
  return !rule.exclusions.some((k) => occurs(k, lowerText, r));
}

/** The themes whose rules fire on a response. */
export function matchRules(rules: readonly CompiledRule[], text: string, r: ResponseText): number[] {
  const lower = text.toLowerCase();
  return rules.filter((rule) => ruleMatches(rule, lower, r)).map((rule) => rule.themeId);
}


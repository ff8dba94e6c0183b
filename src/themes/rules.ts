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

interface IndexedKeyword {
  themeId: number;
  exclusion: boolean;
  /** Word tests in order, by number. */
  tests: number[];
}

/**
 * All themes' rules at once, for coding many responses: every distinct word test is run once per distinct word (and
 * remembered), and a keyword is only checked where its first word has matched, so coding 100,000 responses against
 * hundreds of keywords costs a few lookups per word rather than every test at every position.
 */
export class RuleSet {
  private readonly tests: WordTest[] = [];
  private readonly byFirstTest = new Map<number, IndexedKeyword[]>();
  private readonly literals: { text: string; themeId: number; exclusion: boolean }[] = [];
  private readonly passed = new Map<string, number[]>();
  readonly themeIds: number[];

  constructor(rules: readonly CompiledRule[]) {
    this.themeIds = rules.map((r) => r.themeId);
    const testIds = new Map<WordTest, number>();
    const add = (k: Keyword, themeId: number, exclusion: boolean) => {
      if (k.literal !== null) return void this.literals.push({ text: k.literal, themeId, exclusion });
      const tests = k.tests.map((t) => {
        if (!testIds.has(t)) testIds.set(t, this.tests.push(t) - 1);
        return testIds.get(t)!;
      });
      const list = this.byFirstTest.get(tests[0]!) ?? [];
      list.push({ themeId, exclusion, tests });
      this.byFirstTest.set(tests[0]!, list);
    };
    for (const rule of rules) {
      for (const k of rule.keywords) add(k, rule.themeId, false);
      for (const k of rule.exclusions) add(k, rule.themeId, true);
    }
  }

  /** The word tests a word passes (by number, ascending). */
  private passes(word: string, wordStem: string): number[] {
    const key = word === wordStem ? word : `${word}\u0000${wordStem}`;
    let found = this.passed.get(key);
    if (found === undefined) {
      found = [];
      for (let t = 0; t < this.tests.length; t++) if (this.tests[t]!(word, wordStem)) found.push(t);
      if (this.passed.size < 1_000_000) this.passed.set(key, found);
    }
    return found;
  }

  /** The themes whose rules fire on a response: a keyword found and no exclusion. */
  match(text: string, r: ResponseText): number[] {
    const hit = new Set<number>();
    const excluded = new Set<number>();
    const mark = (themeId: number, exclusion: boolean) => (exclusion ? excluded : hit).add(themeId);
    if (this.literals.length > 0) {
      const lower = text.toLowerCase();
      for (const l of this.literals) if (lower.includes(l.text)) mark(l.themeId, l.exclusion);
    }
    const n = r.words.length;
    const sat: number[][] = new Array(n);
    for (let i = 0; i < n; i++) sat[i] = this.passes(r.words[i]!, r.stems[i]!);
    for (let i = 0; i < n; i++) {
      for (const t of sat[i]!) {
        for (const k of this.byFirstTest.get(t) ?? []) {
          if (i + k.tests.length > n) continue;
          let j = 1;
          while (j < k.tests.length && sat[i + j]!.includes(k.tests[j]!)) j++;
          if (j === k.tests.length) mark(k.themeId, k.exclusion);
        }
      }
    }
    return this.themeIds.filter((id) => hit.has(id) && !excluded.has(id));
  }
}

/** The themes whose rules fire on a response. */
export function matchRules(rules: readonly CompiledRule[], text: string, r: ResponseText): number[] {
  return new RuleSet(rules).match(text, r);
}

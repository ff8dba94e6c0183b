import type { CandidateTheme, DiscoveredQuote, ThemeInput } from '../../../src/contract/index.js';

/** A candidate theme as the officer works on it: renamed, merged with others, accepted or discarded. */
export interface CandidateDraft {
  /** Steady across renames and merges (React keys, focus). */
  key: string;
  name: string;
  terms: string[];
  size: number;
  quotes: DiscoveredQuote[];
  status: 'open' | 'accepted' | 'discarded';
  /** Ticked for merging. */
  selected: boolean;
}

export function draftsFrom(candidates: readonly CandidateTheme[], run: number): CandidateDraft[] {
  return candidates.map((c, i) => ({ key: `${run}-${i}`, name: c.name, terms: c.terms, size: c.size, quotes: c.quotes, status: 'open', selected: false }));
}

/**
 * Folds the selected open candidates into the first of them: sizes add up (each response is in one candidate), terms
 * and quotes are kept in turn from each so the merged one still shows every part.
 */
export function mergeSelected(drafts: readonly CandidateDraft[]): CandidateDraft[] {
  const chosen = drafts.filter((d) => d.selected && d.status === 'open');
  if (chosen.length < 2) return [...drafts];
  const [into] = chosen as [CandidateDraft];
  const merged: CandidateDraft = {
    ...into,
    name: chosen.map((d) => d.name.split(',')[0]!.trim()).join(' / '),
    terms: unique(interleave(chosen.map((d) => d.terms))),
    size: chosen.reduce((s, d) => s + d.size, 0),
    quotes: uniqueBy(interleave(chosen.map((d) => d.quotes)), (q) => q.row).slice(0, Math.max(...chosen.map((d) => d.quotes.length))),
    selected: false,
  };
  return drafts.filter((d) => d === into || !chosen.includes(d)).map((d) => (d === into ? merged : d));
}

/**
 * What an accepted candidate adds to the codeframe: its name, its key terms as keywords (stemmed when matched, so
 * "parking" also finds "park"), and its quotes, masked, as examples (a codeframe is exported and shared).
 */
export function themeFrom(draft: CandidateDraft): ThemeInput {
  return { name: draft.name.trim(), keywords: unique(draft.terms), examples: draft.quotes.map((q) => q.redacted) };
}

function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(0, ...lists.map((l) => l.length)); i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

function unique(items: readonly string[]): string[] {
  return uniqueBy(items, (s) => s.toLowerCase());
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => !seen.has(key(item)) && (seen.add(key(item)), true));
}

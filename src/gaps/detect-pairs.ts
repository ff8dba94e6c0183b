import { contentWords, sideFromText, similarity } from './question-words.js';

/** What pair detection reads of a question (a row of `questions`). */
export interface PairCandidate {
  name: string;
  label: string;
  /** The question as the file asked it. */
  text: string;
  role: string;
  position: number;
  /** The `pair` key stored with the question (the sample's manifest sets it, or the user's pairing); null when none. */
  pair: string | null;
  /** The side the user gave it when pairing by hand; wins over role, name and wording. */
  side?: Side | null;
  /** False when the user unpaired it: only a stored key pairs it, never names or wording. */
  autoPair?: boolean;
}

export type Side = 'importance' | 'satisfaction';
export type PairSource = 'metadata' | 'names' | 'text';

export interface DetectedPair<Q extends PairCandidate = PairCandidate> {
  key: string;
  label: string;
  source: PairSource;
  importance: Q;
  satisfaction: Q;
}

/** Text pairs need at least this share of their content words in common (Jaccard). */
const MIN_TEXT_SIMILARITY = 0.5;

const NAME_PATTERNS: [Side, RegExp][] = [
  ['importance', /^(?:imp|importance)_(.+)$/i],
  ['importance', /^(.+)_(?:imp|importance)$/i],
  ['satisfaction', /^(?:sat|satisfaction)_(.+)$/i],
  ['satisfaction', /^(.+)_(?:sat|satisfaction)$/i],
];

function nameKey(name: string): { side: Side; key: string } | null {
  for (const [side, pattern] of NAME_PATTERNS) {
    const m = pattern.exec(name);
    if (m) return { side, key: m[1]!.toLowerCase() };
  }
  return null;
}

/** Importance or satisfaction: the role the import gave it, else its name, else its wording. */
export function sideOf(q: PairCandidate): Side | null {
  if (q.side) return q.side;
  if (q.role === 'importance' || q.role === 'satisfaction') return q.role;
  return nameKey(q.name)?.side ?? sideFromText(q.text) ?? sideFromText(q.label);
}

/**
 * Pairs each importance question with the satisfaction question about the same thing, in three passes, each over the
 * questions the earlier ones left: (1) the stored `pair` key (the sample's metadata, or a pair the user confirmed;
 * a question the user unpaired takes part in no later pass),
 * (2) names imp_X / sat_X or X_importance / X_satisfaction (also importance_X, X_imp, satisfaction_X, X_sat) with the
 * same X, (3) wording: the two questions' content words (question-words.ts) overlap by at least half, best match
 * first, nearest in the questionnaire on a tie. Pairs come back in questionnaire order of their importance question.
 */
export function detectPairs<Q extends PairCandidate>(questions: readonly Q[]): DetectedPair<Q>[] {
  const sides = new Map(questions.map((q) => [q, sideOf(q)]));
  const left = new Set(questions.filter((q) => sides.get(q) !== null));
  const pairs: DetectedPair<Q>[] = [];
  const take = (importance: Q, satisfaction: Q, key: string, source: PairSource) => {
    left.delete(importance);
    left.delete(satisfaction);
    pairs.push({ key, label: pairLabel(importance, satisfaction, key), source, importance, satisfaction });
  };
  const oneEach = (group: Q[]) => {
    const imp = group.filter((q) => sides.get(q) === 'importance');
    const sat = group.filter((q) => sides.get(q) === 'satisfaction');
    return imp.length === 1 && sat.length === 1 ? ([imp[0]!, sat[0]!] as const) : null;
  };

  for (const [key, group] of groupBy([...left].filter((q) => q.pair), (q) => q.pair!)) {
    const found = oneEach(group);
    if (found) take(found[0], found[1], key, 'metadata');
  }
  for (const q of left) if (q.autoPair === false) left.delete(q);
  for (const [key, group] of groupBy([...left].filter((q) => nameKey(q.name)), (q) => nameKey(q.name)!.key)) {
    const found = oneEach(group);
    if (found) take(found[0], found[1], key, 'names');
  }
  const words = new Map(questions.map((q) => [q, contentWords(q.text || q.label)]));
  const candidates: { imp: Q; sat: Q; score: number; distance: number }[] = [];
  for (const imp of left) {
    if (sides.get(imp) !== 'importance') continue;
    for (const sat of left) {
      if (sides.get(sat) !== 'satisfaction') continue;
      const score = similarity(words.get(imp)!, words.get(sat)!);
      if (score >= MIN_TEXT_SIMILARITY) candidates.push({ imp, sat, score, distance: Math.abs(imp.position - sat.position) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.imp.position - b.imp.position);
  for (const c of candidates) if (left.has(c.imp) && left.has(c.sat)) take(c.imp, c.sat, c.imp.name, 'text');

  return pairs.sort((a, b) => a.importance.position - b.importance.position);
}

/** Questions of one side that no pair took. */
export function unpaired<Q extends PairCandidate>(questions: readonly Q[], pairs: readonly DetectedPair<Q>[]): Q[] {
  const paired = new Set(pairs.flatMap((p) => [p.importance, p.satisfaction]));
  return questions.filter((q) => !paired.has(q) && sideOf(q) !== null);
}

/**
 * A name for the pair: the words its two labels share at the start ("Council listens" from "Council listens:
 * importance" and "Council listens: satisfaction") or else at the end ("parks and green spaces"), when at least two
 * words; otherwise the key, as words.
 */
export function pairLabel(importance: { label: string }, satisfaction: { label: string }, key: string): string {
  const a = importance.label.split(/\s+/);
  const b = satisfaction.label.split(/\s+/);
  let start = 0;
  while (start < Math.min(a.length, b.length) && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < Math.min(a.length, b.length) - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const tidy = (words: string[]) => words.join(' ').replace(/^[\s:;,.\-–—]+|[\s:;,.?!\-–—]+$/g, '');
  const shared = start >= 2 ? tidy(a.slice(0, start)) : end >= 2 ? tidy(a.slice(a.length - end)) : '';
  const label = shared || key.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(keyOf(item), [...(out.get(keyOf(item)) ?? []), item]);
  return out;
}

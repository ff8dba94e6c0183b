import { chooseK } from './choose-k.js';
import { sphericalKMeans, type Clustering } from './kmeans.js';
import { defaultVocabulary, tfIdf, type SparseVector } from './tfidf.js';
import { Tokeniser } from './tokens.js';

export interface DiscoveryOptions {
  /** Number of candidate themes; chosen between 8 and 20 when absent. */
  k?: number;
  seed?: number;
  /** Representative responses per candidate. */
  quotes?: number;
  /** Key terms per candidate. */
  terms?: number;
}

export interface Candidate {
  /** Named by its top key terms, in respondents' words. */
  name: string;
  terms: string[];
  /** Responses grouped here. */
  size: number;
  /** Indices of the responses closest to the candidate's centre, most representative first, no two the same text. */
  quotes: number[];
  /** Indices of every response grouped here. */
  members: number[];
}

export interface Discovery {
  k: number;
  seed: number;
  /** Largest first. */
  candidates: Candidate[];
  /** Responses with text but none of the vocabulary's terms ("No", "n/a", a lone word), so not grouped. */
  ungrouped: number[];
  /** Responses with no text at all. */
  blank: number[];
}

const RESTARTS = 3;

/**
 * Candidate themes in free-text responses: TF-IDF over stemmed words and word pairs (stop words removed), spherical
 * k-means (best of three seeded starts), each candidate described by the terms that weigh most in its centre and
 * the responses nearest to it. Every response is accounted for: grouped, ungrouped (nothing to group on) or blank.
 */
export function discoverThemes(texts: readonly string[], options: DiscoveryOptions = {}): Discovery {
  const seed = options.seed ?? 1;
  const tokeniser = new Tokeniser();
  const blank: number[] = [];
  const written: number[] = [];
  texts.forEach((t, i) => (t.trim() === '' ? blank : written).push(i));
  const model = tfIdf(written.map((i) => tokeniser.terms(texts[i]!)), defaultVocabulary(written.length));

  const grouped: number[] = [];
  const vectors: SparseVector[] = [];
  const ungrouped: number[] = [];
  model.vectors.forEach((v, j) => (v ? (grouped.push(written[j]!), vectors.push(v)) : ungrouped.push(written[j]!)));
  if (vectors.length === 0) return { k: 0, seed, candidates: [], ungrouped, blank };

  const dims = model.terms.length;
  const k = Math.min(options.k ?? chooseK(vectors, dims, seed), vectors.length);
  let best: Clustering | null = null;
  for (let r = 0; r < RESTARTS; r++) {
    const run = sphericalKMeans(vectors, dims, k, seed + r * 7919);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  const clustering = best!;

  const candidates: Candidate[] = clustering.centroids.map((centroid, c) => {
    const local = [...clustering.assignment.keys()].filter((j) => clustering.assignment[j] === c);
    local.sort((a, b) => clustering.similarity[b]! - clustering.similarity[a]! || a - b);
    const terms = keyTerms(centroid, model.terms, options.terms ?? 8).map((t) => tokeniser.display(t));
    return {
      name: nameFrom(terms),
      terms,
      size: local.length,
      quotes: distinctTexts(local.map((j) => grouped[j]!), texts, options.quotes ?? 5),
      members: local.map((j) => grouped[j]!).sort((a, b) => a - b),
    };
  });
  candidates.sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  return { k, seed, candidates: candidates.filter((c) => c.size > 0), ungrouped, blank };
}

/** The heaviest terms of a centre, leaving out a word already inside a chosen pair and a pair of chosen words. */
function keyTerms(centroid: Float64Array, vocabulary: readonly string[], howMany: number): string[] {
  const order = [...centroid.keys()].filter((d) => centroid[d]! > 0).sort((a, b) => centroid[b]! - centroid[a]! || a - b);
  const chosen: string[] = [];
  for (const d of order) {
    const term = vocabulary[d]!;
    const words = term.split(' ');
    const covered = (w: string) => chosen.some((c) => c.split(' ').includes(w));
    if (words.length === 1 ? covered(term) : words.every(covered)) continue;
    // A pair takes the place of its words when they were chosen first.
    if (words.length === 2) for (let i = chosen.length - 1; i >= 0; i--) if (words.includes(chosen[i]!)) chosen.splice(i, 1);
    chosen.push(term);
    if (chosen.length === howMany) break;
  }
  return chosen;
}

function nameFrom(terms: readonly string[]): string {
  return terms.slice(0, 3).join(', ');
}

/**
 * The first `howMany` responses whose text differs (campaign and one-line answers repeat word for word), preferring
 * ones of five words or more: a two-word answer sits close to a centre but shows a reader little.
 */
function distinctTexts(ordered: readonly number[], texts: readonly string[], howMany: number): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  const words = (i: number) => texts[i]!.split(/\s+/).filter(Boolean).length;
  for (const pass of [(i: number) => words(i) >= 5, (i: number) => words(i) < 5]) {
    for (const i of ordered) {
      if (out.length === howMany) return out;
      const key = texts[i]!.toLowerCase().replace(/\W+/g, ' ').trim();
      if (!pass(i) || seen.has(key)) continue;
      seen.add(key);
      out.push(i);
    }
  }
  return out;
}

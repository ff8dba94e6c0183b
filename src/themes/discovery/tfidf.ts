import type { DocumentTerms } from './tokens.js';

/** A response as TF-IDF weights over the vocabulary: term indices ascending, weights with unit length. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface TfIdf {
  /** Vocabulary terms by index. */
  terms: string[];
  /** One vector per response; null where none of its words is in the vocabulary (e.g. "No", "n/a"). */
  vectors: (SparseVector | null)[];
}

export interface VocabularyOptions {
  /** A term must occur in at least this many responses (rare words cannot make a theme). */
  minDocs: number;
  /** A term in more than this share of responses is too common to tell themes apart. */
  maxShare: number;
  /** At most this many terms, the most widespread kept. */
  maxTerms: number;
}

/** Minimum documents for a term: 2, or 0.1% of the responses once there are more than 2,000. */
export function defaultVocabulary(responses: number): VocabularyOptions {
  return { minDocs: Math.max(2, Math.ceil(responses * 0.001)), maxShare: 0.5, maxTerms: 5000 };
}

/**
 * Sublinear term frequency (1 + ln tf) times smoothed inverse document frequency (ln((1 + n) / (1 + df)) + 1), each
 * vector scaled to unit length so that cosine similarity is a dot product: the usual weighting (scikit-learn's
 * TfidfVectorizer with sublinear_tf), which stops long responses and repeated words from dominating.
 */
export function tfIdf(documents: readonly DocumentTerms[], options: VocabularyOptions): TfIdf {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const kept = [...df]
    .filter(([, d]) => d >= options.minDocs && d <= options.maxShare * n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const index = new Map(kept.map(([term], i) => [term, i]));
  const idf = kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1);

  const vectors = documents.map((doc): SparseVector | null => {
    const entries: [number, number][] = [];
    for (const [term, tf] of doc.counts) {
      const i = index.get(term);
      if (i !== undefined) entries.push([i, (1 + Math.log(tf)) * idf[i]!]);
    }
    if (entries.length === 0) return null;
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
    return { indices: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1] / norm) };
  });
  return { terms: kept.map(([term]) => term), vectors };
}

export function dot(v: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.indices.length; j++) s += v.values[j]! * dense[v.indices[j]!]!;
  return s;
}

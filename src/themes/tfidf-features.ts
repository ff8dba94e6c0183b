import type { ResponseText } from './text.js';

/** A response as a sparse, L2-normalised TF-IDF vector: feature indices ascending, with their weights. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/**
 * TF-IDF features of responses for the classifier: stems (words as written, for Welsh) and each pair of neighbouring
 * stems ("parking spaces" → "park space"), so "not enough" and "car park" count as more than their words. Terms in
 * at least `minDf` training responses; idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn's default); term
 * frequency dampened to 1 + ln(tf); each vector scaled to length 1.
 *
 * Stems are numbered and pairs looked up by their two numbers, so turning 100,000 responses into vectors builds no
 * strings.
 */
export class TfidfFeatures {
  private constructor(
    /** Feature of each stem number (text.ts numbers stems for the whole process) as a single term; −1: too rare. */
    private readonly single: Int32Array,
    /** Feature of each pair: by the first stem's number, a map from the second's. */
    private readonly pairs: (Map<number, number> | undefined)[],
    private readonly idf: Float64Array,
  ) {
    this.counts = new Float64Array(idf.length);
  }

  /** Scratch term counts, all zero between calls. */
  private readonly counts: Float64Array;

  get size(): number {
    return this.idf.length;
  }

  static fit(docs: readonly ResponseText[], minDf = 2): TfidfFeatures {
    let maxId = -1;
    const singleDf = new Map<number, number>();
    const pairDf = new Map<number, number>();
    for (const doc of docs) {
      const ids = doc.stemIds;
      for (const id of ids) maxId = Math.max(maxId, id);
      for (const id of new Set(ids)) singleDf.set(id, (singleDf.get(id) ?? 0) + 1);
      const seen = new Set<number>();
      for (let i = 1; i < ids.length; i++) seen.add(ids[i - 1]! * PAIR + ids[i]!);
      for (const key of seen) pairDf.set(key, (pairDf.get(key) ?? 0) + 1);
    }
    const idf: number[] = [];
    const weight = (df: number) => Math.log((1 + docs.length) / (1 + df)) + 1;
    const single = new Int32Array(maxId + 1).fill(-1);
    for (const [id, df] of singleDf) if (df >= minDf) [single[id], idf[idf.length]] = [idf.length, weight(df)];
    const pairs: (Map<number, number> | undefined)[] = new Array(maxId + 1);
    for (const [key, df] of pairDf) {
      if (df < minDf) continue;
      const first = Math.floor(key / PAIR);
      (pairs[first] ??= new Map()).set(key - first * PAIR, idf.length);
      idf.push(weight(df));
    }
    return new TfidfFeatures(single, pairs, Float64Array.from(idf));
  }

  vector(doc: ResponseText): SparseVector {
    const counts = this.counts;
    const touched: number[] = [];
    const count = (feature: number | undefined) => {
      if (feature === undefined || feature < 0) return;
      if (counts[feature] === 0) touched.push(feature);
      counts[feature]! += 1;
    };
    let previous = -1;
    for (const s of doc.stemIds) {
      // A stem first met after training has a number past the table: not a feature.
      const id = s < this.single.length ? s : -1;
      if (id >= 0) count(this.single[id]);
      if (id >= 0 && previous >= 0) count(this.pairs[previous]?.get(id));
      previous = id;
    }
    const index = Int32Array.from(touched).sort();
    const value = new Float32Array(index.length);
    let norm = 0;
    for (let k = 0; k < index.length; k++) {
      const j = index[k]!;
      const w = (1 + Math.log(counts[j]!)) * this.idf[j]!;
      counts[j] = 0;
      value[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < value.length; k++) value[k]! /= norm;
    return { index, value };
  }
}

/** While fitting, pair keys are first × PAIR + second: exact in a double while a vocabulary has under 2^26 stems. */
const PAIR = 2 ** 26;

import type { ResponseText } from './text.js';

/** A response as a sparse, L2-normalised TF-IDF vector: feature indices ascending, with their weights. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/**
 * The terms of a response the classifier reads: stems (words as written, for Welsh) and each pair of neighbouring
 * ones ("parking spaces" → "park space"), so "not enough" and "car park" count as more than their words.
 */
export function responseTerms(r: ResponseText): string[] {
  const s = r.stems;
  const out = s.slice();
  for (let i = 1; i < s.length; i++) out.push(`${s[i - 1]} ${s[i]}`);
  return out;
}

/**
 * TF-IDF over the training responses: terms in at least `minDf` of them; idf = ln((1 + N) / (1 + df)) + 1 (smoothed,
 * as scikit-learn's default), term frequency dampened to 1 + ln(tf), each vector scaled to length 1.
 */
export class TfidfFeatures {
  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly idf: Float64Array,
  ) {}

  get size(): number {
    return this.idf.length;
  }

  static fit(docs: readonly string[][], minDf = 2): TfidfFeatures {
    const df = new Map<string, number>();
    for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    const vocabulary = new Map<string, number>();
    const idf: number[] = [];
    for (const [t, n] of df) {
      if (n < minDf) continue;
      vocabulary.set(t, idf.length);
      idf.push(Math.log((1 + docs.length) / (1 + n)) + 1);
    }
    return new TfidfFeatures(vocabulary, Float64Array.from(idf));
  }

  vector(terms: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const t of terms) {
      const j = this.vocabulary.get(t);
      if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
    }
    const index = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const value = new Float32Array(index.length);
    let norm = 0;
    for (let k = 0; k < index.length; k++) {
      const w = (1 + Math.log(tf.get(index[k]!)!)) * this.idf[index[k]!]!;
      value[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < value.length; k++) value[k]! /= norm;
    return { index, value };
  }
}

import { sphericalKMeans } from './kmeans.js';
import { dot, type SparseVector } from './tfidf.js';

export const MIN_AUTO_K = 8;
export const MAX_AUTO_K = 20;
/** Choosing k looks at an evenly spread sample of at most this many responses, so it costs the same at any size. */
const SAMPLE = 3000;

/**
 * The number of candidate themes (8–20) whose clusters are best separated, by the simplified silhouette: for each
 * response, (b − a) / max(a, b) with a its cosine distance to its own centroid and b to the nearest other centroid,
 * averaged. Deterministic for a given seed.
 */
export function chooseK(vectors: readonly SparseVector[], dims: number, seed: number): number {
  const step = Math.max(1, vectors.length / SAMPLE);
  const sample: SparseVector[] = [];
  for (let i = 0; i < vectors.length && sample.length < SAMPLE; i += step) sample.push(vectors[Math.floor(i)]!);
  const top = Math.min(MAX_AUTO_K, sample.length);
  if (top <= MIN_AUTO_K) return Math.max(1, top);
  const scores: number[] = [];
  for (let k = MIN_AUTO_K; k <= top; k++) {
    const { assignment, centroids } = sphericalKMeans(sample, dims, k, seed);
    let total = 0;
    for (let i = 0; i < sample.length; i++) {
      const own = assignment[i]!;
      const a = 1 - dot(sample[i]!, centroids[own]!);
      let b = Infinity;
      for (let c = 0; c < centroids.length; c++) if (c !== own) b = Math.min(b, 1 - dot(sample[i]!, centroids[c]!));
      const denominator = Math.max(a, b);
      total += denominator > 0 ? (b - a) / denominator : 0;
    }
    const score = total / sample.length;
    scores.push(score);
  }
  // Separation keeps creeping up with k on text, so take the smallest k within 5% of the best: fewer candidates to
  // review for almost the same separation (the user can still ask for more or fewer).
  const best = Math.max(...scores);
  return MIN_AUTO_K + scores.findIndex((s) => s >= best - 0.05 * Math.abs(best));
}

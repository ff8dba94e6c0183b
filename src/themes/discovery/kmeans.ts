import { seededRandom } from './seeded-random.js';
import { dot, type SparseVector } from './tfidf.js';

export interface Clustering {
  /** Cluster of each vector. */
  assignment: Int32Array;
  /** Unit-length centroids (dense over the vocabulary). */
  centroids: Float64Array[];
  /** Cosine similarity of each vector to its centroid. */
  similarity: Float64Array;
  /** Sum of those similarities: higher is tighter. */
  cohesion: number;
}

const MAX_ITERATIONS = 50;

/**
 * Spherical k-means (cosine similarity, centroids renormalised to unit length: the usual k-means for TF-IDF text),
 * seeded by k-means++ from a seeded generator, so the same input and seed always give the same clusters. A cluster
 * that empties is re-seeded with the vector furthest from its centroid.
 */
export function sphericalKMeans(vectors: readonly SparseVector[], dims: number, k: number, seed: number): Clustering {
  const n = vectors.length;
  const random = seededRandom(seed);
  const centroids = seedCentroids(vectors, dims, Math.min(k, n), random);
  const assignment = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const s = dot(vectors[i]!, centroids[c]!);
        if (s > bestSim) [best, bestSim] = [c, s];
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
      similarity[i] = bestSim;
    }
    recompute(vectors, assignment, similarity, centroids, dims);
    if (changed === 0) break;
  }
  for (let i = 0; i < n; i++) similarity[i] = dot(vectors[i]!, centroids[assignment[i]!]!);
  return { assignment, centroids, similarity, cohesion: similarity.reduce((s, x) => s + x, 0) };
}

function seedCentroids(vectors: readonly SparseVector[], dims: number, k: number, random: () => number): Float64Array[] {
  const n = vectors.length;
  const centroids = [densify(vectors[Math.floor(random() * n)]!, dims)];
  // Squared distance between unit vectors is 2 − 2·cosine; keep each vector's distance to its nearest chosen seed.
  const nearest = new Float64Array(n).fill(Infinity);
  while (centroids.length < k) {
    const latest = centroids[centroids.length - 1]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i]!, Math.max(0, 2 - 2 * dot(vectors[i]!, latest)));
      total += nearest[i]!;
    }
    let pick = n - 1;
    let target = random() * total;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(densify(vectors[pick]!, dims));
  }
  return centroids;
}

function recompute(vectors: readonly SparseVector[], assignment: Int32Array, similarity: Float64Array, centroids: Float64Array[], dims: number): void {
  const sums = centroids.map(() => new Float64Array(dims));
  const sizes = new Int32Array(centroids.length);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    const sum = sums[assignment[i]!]!;
    sizes[assignment[i]!]!++;
    for (let j = 0; j < v.indices.length; j++) sum[v.indices[j]!]! += v.values[j]!;
  }
  for (let c = 0; c < centroids.length; c++) {
    if (sizes[c] === 0) {
      // Re-seed an empty cluster with the worst-fitting vector, taking it from its cluster.
      let worst = 0;
      for (let i = 1; i < vectors.length; i++) if (similarity[i]! < similarity[worst]!) worst = i;
      centroids[c] = densify(vectors[worst]!, dims);
      similarity[worst] = 1;
      assignment[worst] = c;
      continue;
    }
    const sum = sums[c]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += sum[d]! * sum[d]!;
    norm = Math.sqrt(norm);
    for (let d = 0; d < dims; d++) sum[d] = sum[d]! / norm;
    centroids[c] = sum;
  }
}

function densify(v: SparseVector, dims: number): Float64Array {
  const dense = new Float64Array(dims);
  for (let j = 0; j < v.indices.length; j++) dense[v.indices[j]!] = v.values[j]!;
  return dense;
}

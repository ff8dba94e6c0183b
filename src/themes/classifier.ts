import { seededRandom } from './discovery/seeded-random.js';
import type { SparseVector } from './tfidf-features.js';

/**
 * One-vs-rest logistic regression on TF-IDF vectors, one model per theme, calibrated so its output is a probability.
 *
 * Why this shape: the themes of a response are not exclusive (multi-label), so each theme gets its own yes/no model.
 * Logistic regression on TF-IDF is the standard, well-understood baseline for short free text, trains in well under a
 * second on thousands of responses, and scores 100,000 responses in a few hundred milliseconds. Its raw scores are
 * not probabilities — with rare themes and L2 shrinkage they are pulled towards "no" — so each theme's scores are
 * mapped to probabilities by Platt scaling (a one-variable logistic fit of the label on the score), fitted on scores
 * the model gave to responses it was NOT trained on (K-fold cross-validation). Then "0.8" means that about 80% of
 * responses given 0.8 carry the theme, which is what a reviewer and the review queue need.
 *
 * Training is stochastic gradient descent on the L2-regularised log loss (step 1 / (λ(t + t0)), as Pegasos and
 * scikit-learn's SGDClassifier), with the weight vector kept as scale × v so the shrinkage of every weight at each step
 * costs nothing; a fixed seed makes training reproducible.
 */

export interface TrainOptions {
  lambda?: number;
  epochs?: number;
  folds?: number;
  seed?: number;
}

interface Linear {
  w: Float64Array;
  b: number;
}

interface Platt {
  a: number;
  b: number;
}

export interface ThemeModel {
  linear: Linear;
  platt: Platt;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function dot(w: Float64Array, x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.index.length; k++) s += w[x.index[k]!]! * x.value[k]!;
  return s;
}

/** L2-regularised logistic regression by SGD over `rows` (indices into xs). */
export function trainLinear(xs: readonly SparseVector[], ys: ArrayLike<number>, rows: readonly number[], dims: number, options: TrainOptions = {}): Linear {
  const lambda = options.lambda ?? 3e-5;
  const epochs = options.epochs ?? 15;
  const random = seededRandom(options.seed ?? 7);
  const v = new Float64Array(dims);
  let scale = 1;
  let b = 0;
  const order = rows.slice();
  const t0 = 1 / lambda;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const row of order) {
      const x = xs[row]!;
      const eta = 1 / (lambda * (t + t0));
      t++;
      const g = sigmoid(scale * dot(v, x) + b) - ys[row]!;
      scale *= 1 - eta * lambda;
      if (g !== 0) {
        const step = (eta * g) / scale;
        for (let k = 0; k < x.index.length; k++) v[x.index[k]!]! -= step * x.value[k]!;
        b -= eta * g * 0.01;
      }
      if (scale < 1e-9) {
        for (let j = 0; j < dims; j++) v[j]! *= scale;
        scale = 1;
      }
    }
  }
  for (let j = 0; j < dims; j++) v[j]! *= scale;
  return { w: v, b };
}

/**
 * Platt's fit of P(y = 1 | score) = 1 / (1 + exp(−(a·score + b))) with his smoothed targets ((N+ + 1)/(N+ + 2) and
 * 1/(N− + 2), so a theme seen a handful of times does not get probabilities of exactly 0 or 1), by Newton's method with
 * backtracking, as Lin, Lin and Weng (2007) made it safe.
 */
export function fitPlatt(scores: ArrayLike<number>, ys: ArrayLike<number>): Platt {
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += ys[i]!;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  const target = (i: number) => (ys[i]! > 0 ? hi : lo);
  // Cross-entropy written so it never overflows: with f = a·s + b, loss = t·f' ... (Lin et al., eq. 4).
  const loss = (a: number, b: number) => {
    let l = 0;
    for (let i = 0; i < n; i++) {
      const f = a * scores[i]! + b;
      const t = target(i);
      l += f >= 0 ? (1 - t) * f + Math.log1p(Math.exp(-f)) : -t * f + Math.log1p(Math.exp(f));
    }
    return l;
  };
  let a = 0;
  let b = Math.log((pos + 1) / (n - pos + 1));
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      const p = sigmoid(a * s + b);
      const d = p - target(i);
      const w = p * (1 - p);
      ga += d * s;
      gb += d;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    while (step > 1e-10) {
      const next = loss(a + step * da, b + step * db);
      if (next < current + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        current = next;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { a, b };
}

/**
 * Trains one calibrated model per label column: out-of-fold scores from `folds`-fold cross-validation fit the Platt
 * mapping, then the model is refitted on every response.
 */
export function trainCalibrated(xs: readonly SparseVector[], labels: readonly Uint8Array[], dims: number, options: TrainOptions = {}): ThemeModel[] {
  const n = xs.length;
  const folds = Math.max(2, Math.min(options.folds ?? 3, n));
  const random = seededRandom((options.seed ?? 7) + 1);
  const fold = Int32Array.from({ length: n }, () => Math.floor(random() * folds));
  const all = Array.from({ length: n }, (_, i) => i);
  return labels.map((ys) => {
    const oof = new Float64Array(n);
    for (let f = 0; f < folds; f++) {
      const train = all.filter((i) => fold[i] !== f);
      const model = trainLinear(xs, ys, train, dims, options);
      for (let i = 0; i < n; i++) if (fold[i] === f) oof[i] = dot(model.w, xs[i]!) + model.b;
    }
    return { linear: trainLinear(xs, ys, all, dims, options), platt: fitPlatt(oof, ys) };
  });
}

/** Calibrated probability that a response carries the theme. */
export function probability(model: ThemeModel, x: SparseVector): number {
  return sigmoid(model.platt.a * (dot(model.linear.w, x) + model.linear.b) + model.platt.b);
}

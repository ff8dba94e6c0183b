/**
 * Seeded randomness for the sample data. Everything here uses only 32-bit integer
 * operations and IEEE additions/multiplications, so a given seed yields the same
 * stream on every machine and Node version (the committed CSVs depend on that).
 */

/** FNV-1a: turns a label such as "residents-2023" into a 32-bit seed. */
export function seedFrom(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.join('|');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Inclusive range. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Index drawn with probability proportional to weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /**
   * Approximately standard normal (Irwin–Hall sum of 12 uniforms). Chosen over
   * Box–Muller because it needs no log/cos, whose last bits are not guaranteed
   * identical across platforms.
   */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.next();
    return s - 6;
  }

  /** k distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(this.int(pool.length), 1)[0] as T);
    return out;
  }
}

/** A fixed discrete distribution with a precomputed cumulative table (hot path of the 1M-row benchmark). */
export class Categorical {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new Error('Categorical needs a positive total weight');
    let acc = 0;
    weights.forEach((w, i) => {
      acc += w / total;
      this.cumulative[i] = acc;
    });
  }

  draw(rng: Rng): number {
    const r = rng.next();
    const c = this.cumulative;
    for (let i = 0; i < c.length - 1; i++) if (r < (c[i] as number)) return i;
    return c.length - 1;
  }
}

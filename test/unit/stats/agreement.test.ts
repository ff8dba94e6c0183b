import { describe, expect, it } from 'vitest';
import { bootstrapMean, codingAgreement, cohenKappa, responseF1 } from '../../../src/stats/agreement.js';

describe("Cohen's kappa", () => {
  it('matches a worked example', () => {
    // 10 responses. Coder A says yes to 1–5, coder B to 1–4 and 6. Agree on 1–4 (yes) and 7–10 (no): po = 0.8.
    // pe = 0.5 × 0.5 + 0.5 × 0.5 = 0.5, so κ = (0.8 − 0.5) / (1 − 0.5) = 0.6.
    const a = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0].map(Boolean);
    const b = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0].map(Boolean);
    expect(cohenKappa(a, b)).toBeCloseTo(0.6, 12);
  });

  it('matches a second, unbalanced example', () => {
    // 20 responses: both yes 3, A only 2, B only 1, both no 14. po = 17/20 = 0.85.
    // A yes 5/20 = 0.25, B yes 4/20 = 0.2: pe = 0.25 × 0.2 + 0.75 × 0.8 = 0.65. κ = 0.2 / 0.35 = 4/7.
    const a = [...Array(3).fill(true), ...Array(2).fill(true), false, ...Array(14).fill(false)];
    const b = [...Array(3).fill(true), ...Array(2).fill(false), true, ...Array(14).fill(false)];
    expect(cohenKappa(a, b)).toBeCloseTo(4 / 7, 12);
  });

  it('is 1 for perfect agreement, below 0 for systematic disagreement, undefined when neither coder varies', () => {
    expect(cohenKappa([true, false, true], [true, false, true])).toBe(1);
    expect(cohenKappa([true, false], [false, true])).toBe(-1);
    expect(cohenKappa([false, false, false], [false, false, false])).toBeNull();
  });
});

describe('per-response F1', () => {
  it('is 2|A∩B| / (|A| + |B|)', () => {
    expect(responseF1(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(0.5, 12);
    expect(responseF1(new Set(['a']), new Set(['a', 'b', 'c']))).toBeCloseTo(0.5, 12);
    expect(responseF1(new Set(['a']), new Set(['b']))).toBe(0);
    expect(responseF1(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(1);
  });

  it('counts two empty sets as agreeing, and one empty set against a theme as not', () => {
    expect(responseF1(new Set(), new Set())).toBe(1);
    expect(responseF1(new Set(), new Set(['a']))).toBe(0);
  });
});

describe('bootstrap interval of the mean F1', () => {
  const values = [1, 0.5, 0, 1, 1, 0.6667, 0.8, 1, 0.5, 1, 0, 1];

  it('is reproducible with the same seed, and moves with another', () => {
    expect(bootstrapMean(values, { seed: 3 })).toEqual(bootstrapMean(values, { seed: 3 }));
    expect(bootstrapMean(values, { seed: 3 }).ci).not.toEqual(bootstrapMean(values, { seed: 4 }).ci);
  });

  it('brackets the mean, within the range of the values, and narrows with more responses', () => {
    const { mean, ci } = bootstrapMean(values);
    expect(mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
    expect(ci![0]).toBeLessThan(mean);
    expect(ci![1]).toBeGreaterThan(mean);
    expect(ci![0]).toBeGreaterThanOrEqual(0);
    expect(ci![1]).toBeLessThanOrEqual(1);
    const many = bootstrapMean(Array.from({ length: 40 }, () => values).flat());
    expect(many.ci![1] - many.ci![0]).toBeLessThan((ci![1] - ci![0]) / 3);
  });

  it('agrees with the normal approximation for a large sample (the mean ± 1.96 SE)', () => {
    // 400 responses, 300 with F1 1 and 100 with 0: mean 0.75, SE = sqrt(0.75 × 0.25 / 400) = 0.02165.
    const big = [...Array(300).fill(1), ...Array(100).fill(0)];
    const { ci } = bootstrapMean(big);
    expect(ci![0]).toBeCloseTo(0.75 - 1.96 * 0.02165, 2);
    expect(ci![1]).toBeCloseTo(0.75 + 1.96 * 0.02165, 2);
  });

  it('gives no interval for fewer than two responses', () => {
    expect(bootstrapMean([0.5]).ci).toBeNull();
  });
});

describe('coding agreement and "ready"', () => {
  const set = (...codes: string[]) => new Set(codes);
  it('is ready at mean F1 ≥ 0.75 on at least 30 responses, and not on 29', () => {
    const a = Array.from({ length: 30 }, (_, i) => (i < 23 ? set('X') : set('Y')));
    const b = Array.from({ length: 30 }, () => set('X'));
    const result = codingAgreement(a, b, ['X', 'Y']);
    expect(result.f1).toBeCloseTo(23 / 30, 12);
    expect(result.ready).toBe(true);
    // Coder B said X every time: po = pe = 23/30, so kappa is 0 (no agreement beyond chance); Y likewise.
    expect(result.kappa.X).toBeCloseTo(0, 12);
    expect(codingAgreement(a.slice(1), b.slice(1), ['X']).ready).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { expectedF1Set } from '../../../src/themes/expected-f1.js';

const items = (...ps: number[]) => ps.map((p, i) => ({ item: String.fromCharCode(65 + i), p }));
const chosen = (r: ReturnType<typeof expectedF1Set<string>>) => r.chosen.map((s) => s.item);

// Worked by hand with E[F1(S)] ≈ 2·Σ_S p / (|S| + Σ_all p) over the prefixes of the themes sorted by probability, and
// P(no theme) for the empty set.
describe('choosing the themes with the highest expected F1', () => {
  it('takes a second theme when it is likely enough: p = 0.5, 0.4, 0.1', () => {
    // Σp = 1. {A}: 1.0/2 = 0.5; {A,B}: 1.8/3 = 0.6; {A,B,C}: 2.0/4 = 0.5; {}: 0.5·0.6·0.9 = 0.27.
    const r = expectedF1Set(items(0.1, 0.5, 0.4));
    expect(chosen(r)).toEqual(['B', 'C']);
    expect(r.expectedF1).toBeCloseTo(0.6, 12);
  });

  it('leaves out a theme a fixed threshold of 0.2 would take, when another is far likelier: p = 0.9, 0.2', () => {
    // Σp = 1.1. {A}: 1.8/2.1 = 0.857; {A,B}: 2.2/3.1 = 0.710; {}: 0.1·0.8 = 0.08.
    const r = expectedF1Set(items(0.9, 0.2));
    expect(chosen(r)).toEqual(['A']);
    expect(r.expectedF1).toBeCloseTo(1.8 / 2.1, 12);
  });

  it('gives nothing when every theme is unlikely and nothing is likely too (independence), but every theme when a response always has one', () => {
    // Σp = 0.3. {A}: 0.2/1.3 = 0.154; {A,B}: 0.4/2.3 = 0.174; {A,B,C}: 0.6/3.3 = 0.182; {}: 0.9³ = 0.729.
    expect(chosen(expectedF1Set(items(0.1, 0.1, 0.1)))).toEqual([]);
    expect(expectedF1Set(items(0.1, 0.1, 0.1)).expectedF1).toBeCloseTo(0.729, 12);
    // People gave every response a theme (P(none) = 0): the best guess is all three, at 0.6/3.3.
    const r = expectedF1Set(items(0.1, 0.1, 0.1), 0);
    expect(chosen(r)).toHaveLength(3);
    expect(r.expectedF1).toBeCloseTo(0.6 / 3.3, 12);
  });

  it('chooses nothing from nothing, and always keeps a certain theme', () => {
    expect(expectedF1Set([], 0)).toEqual({ chosen: [], expectedF1: 0 });
    expect(chosen(expectedF1Set(items(1, 0.05, 0.02)))).toEqual(['A']);
  });
});

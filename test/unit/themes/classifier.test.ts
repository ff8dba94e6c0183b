import { describe, expect, it } from 'vitest';
import { buildCoder, codeText, MIN_REVIEWED } from '../../../src/themes/auto-code.js';
import { fitPlatt } from '../../../src/themes/classifier.js';
import { seededRandom } from '../../../src/themes/discovery/seeded-random.js';

// A small hand-made set: parking and library comments, some about both, some about neither.
const PARKING = ['Nowhere to park now', 'Parking charges are too high', 'The car park is always full', 'We need more parking spaces', 'Blue badge bays have gone', 'Parking near the market is impossible', 'Pay and display costs too much', 'Lost the car park by the river'];
const LIBRARY = ['Keep the library open', 'The library needs more books', 'Library opening hours are too short', 'Children love the library', 'Moving the library is a mistake', 'Books and computers at the library matter', 'Librarians are so helpful', 'The new library hub sounds good'];
const BOTH = ['Parking near the library is awful', 'No car park by the new library', 'Library visitors need parking'];
const NEITHER = ['The trees in the square are lovely', 'More benches please', 'Buses are late', 'The market hall roof leaks', 'Good plan overall', 'Street lighting is poor'];
const P = 1;
const L = 2;
const training = [
  ...PARKING.map((text) => ({ text, themes: new Set([P]) })),
  ...LIBRARY.map((text) => ({ text, themes: new Set([L]) })),
  ...BOTH.map((text) => ({ text, themes: new Set([P, L]) })),
  ...NEITHER.map((text) => ({ text, themes: new Set<number>() })),
];
const themes = [
  { id: P, keywords: [], exclusions: [] },
  { id: L, keywords: [], exclusions: [] },
];

describe('the calibrated one-vs-rest classifier', () => {
  const coder = buildCoder(themes, training);
  const codes = (text: string) => codeText(coder, text, 0.5).codes.map((c) => c.themeId).sort();

  it('learns a model for each theme with enough examples either way', () => {
    expect(coder.modelThemes).toEqual([P, L]);
  });

  it('codes unseen responses with the themes they are about, several where several apply', () => {
    expect(codes('parking is a nightmare')).toEqual([P]);
    expect(codes('more library books')).toEqual([L]);
    expect(codeText(coder, 'parking at the library', 0.5).codes.map((c) => c.themeId)).toContain(L);
    const both = codeText(coder, 'no parking near the library', 0.3).codes.map((c) => c.themeId).sort();
    expect(both).toEqual([P, L]);
  });

  it('gives model codes a probability and says how sure it is', () => {
    const coded = codeText(coder, 'parking is a nightmare', 0.5);
    expect(coded.codes[0]).toMatchObject({ themeId: P, source: 'model' });
    expect(coded.codes[0]!.confidence).toBeGreaterThan(0.5);
    expect(coded.codes[0]!.confidence).toBeLessThan(1);
    expect(coded.certainty).toBeGreaterThanOrEqual(0);
    expect(coded.certainty).toBeLessThanOrEqual(1);
    // A response with none of the learnt words is less certain than a clear one.
    expect(codeText(coder, 'zebra crossing', 0.5).certainty).toBeLessThan(codeText(coder, 'library books library', 0.5).certainty);
  });

  it('by default gives the themes with the highest expected F1, knowing how often people gave no theme', () => {
    expect(coder.noneShare).toBeCloseTo(NEITHER.length / training.length, 12);
    expect(codeText(coder, 'parking is a nightmare').codes.map((c) => c.themeId)).toEqual([P]);
    expect(codeText(coder, 'more library books').codes.map((c) => c.themeId)).toEqual([L]);
  });

  it('prefers a rule to the model for the same theme', () => {
    const withRule = buildCoder([{ id: P, keywords: ['nightmare'], exclusions: [] }, themes[1]!], training);
    expect(codeText(withRule, 'parking is a nightmare', 0.5).codes).toEqual([{ themeId: P, source: 'rule', confidence: 1 }]);
  });

  it('learns nothing for a theme with fewer than five examples, and codes by rules alone', () => {
    const few = buildCoder(themes, training.slice(0, 4));
    expect(few.modelThemes).toEqual([]);
    expect(codeText(few, 'parking', 0.5)).toEqual({ codes: [], certainty: 0 });
  });

  it('learns no model from a codeframe\'s written examples until people have reviewed enough responses', () => {
    const examples = [...PARKING, ...PARKING].map((text) => ({ text, themes: new Set([P]), example: true }))
      .concat([...LIBRARY, ...LIBRARY].map((text) => ({ text, themes: new Set([L]), example: true })));
    expect(buildCoder(themes, examples).modelThemes).toEqual([]);
    expect(buildCoder(themes, [...examples, ...training.slice(0, MIN_REVIEWED - 1)]).modelThemes).toEqual([]);
    // With enough reviewed responses the examples train too, but only the reviewed ones say how often there is no theme.
    const both = buildCoder(themes, [...training, ...examples]);
    expect(both.modelThemes).toEqual([P, L]);
    expect(both.noneShare).toBeCloseTo(NEITHER.length / training.length, 12);
  });

  it('is reproducible: the same examples give the same probabilities', () => {
    const again = buildCoder(themes, training);
    expect(codeText(again, 'library parking', 0.5)).toEqual(codeText(coder, 'library parking', 0.5));
  });
});

describe('Platt scaling', () => {
  it('recovers the slope and intercept of scores drawn from a known logistic model', () => {
    // y ~ Bernoulli(1 / (1 + exp(-(2s - 1)))) with s uniform on [-3, 3].
    const random = seededRandom(11);
    const n = 20_000;
    const s = Float64Array.from({ length: n }, () => random() * 6 - 3);
    const y = Uint8Array.from(s, (v) => (random() < 1 / (1 + Math.exp(-(2 * v - 1))) ? 1 : 0));
    const { a, b } = fitPlatt(s, y);
    expect(Math.abs(a - 2)).toBeLessThan(0.15);
    expect(Math.abs(b + 1)).toBeLessThan(0.15);
    // And it is the maximum-likelihood fit (Platt's smoothed targets move it by a hair): plain gradient descent agrees.
    let [ga, gb] = [0, 0];
    let [ma, mb] = [0, 0];
    for (let it = 0; it < 3000; it++) {
      [ga, gb] = [0, 0];
      for (let i = 0; i < n; i++) {
        const p = 1 / (1 + Math.exp(-(ma * s[i]! + mb)));
        ga += (p - y[i]!) * s[i]!;
        gb += p - y[i]!;
      }
      [ma, mb] = [ma - (1.5 * ga) / n, mb - (1.5 * gb) / n];
    }
    expect(Math.abs(a - ma)).toBeLessThan(0.01);
    expect(Math.abs(b - mb)).toBeLessThan(0.01);
  });

  it('gives calibrated probabilities: in each band the share of positives matches the mean probability', () => {
    const random = seededRandom(5);
    const n = 20_000;
    const s = Float64Array.from({ length: n }, () => random() * 10 - 5);
    // Raw scores that are not probabilities (too confident by a factor of 3).
    const y = Uint8Array.from(s, (v) => (random() < 1 / (1 + Math.exp(-v / 3)) ? 1 : 0));
    const { a, b } = fitPlatt(s, y);
    const p = Array.from(s, (v) => 1 / (1 + Math.exp(-(a * v + b))));
    for (let band = 0; band < 5; band++) {
      const inBand = p.map((v, i) => [v, i] as const).filter(([v]) => v >= band / 5 && v < (band + 1) / 5);
      const meanP = inBand.reduce((t, [v]) => t + v, 0) / inBand.length;
      const rate = inBand.reduce((t, [, i]) => t + y[i]!, 0) / inBand.length;
      expect(Math.abs(meanP - rate)).toBeLessThan(0.03);
    }
  });

  it('keeps probabilities off 0 and 1 for a theme seen only a few times', () => {
    const s = [2, 2.1, 1.9, -1, -1.2, -0.8, -1.1, -0.9];
    const y = [1, 1, 1, 0, 0, 0, 0, 0];
    const { a, b } = fitPlatt(s, y);
    const top = 1 / (1 + Math.exp(-(a * 2 + b)));
    expect(top).toBeLessThan(0.9);
    expect(top).toBeGreaterThan(0.6);
  });
});

import { describe, expect, it } from 'vitest';
import { detectPairs, pairLabel, unpaired, type PairCandidate } from '../../../src/gaps/detect-pairs.js';
import { commonScore } from '../../../src/gaps/gap-item.js';
import { quadrantChart } from '../../../src/gaps/quadrants.js';
import { targetStatus } from '../../../src/gaps/target-status.js';
import { mapTopBox, matchQuestion, type WaveQuestion } from '../../../src/trends/match-question.js';

/** The pure rules of issue 7: pairing questions, quadrants, a target's status, matching questions across waves. */

let position = 0;
const q = (name: string, text: string, extra: Partial<PairCandidate> = {}): PairCandidate => ({ name, label: text, text, role: 'none', position: position++, pair: null, ...extra });
const names = (pairs: ReturnType<typeof detectPairs>) => pairs.map((p) => [p.importance.name, p.satisfaction.name, p.source]);

describe('pair detection', () => {
  it('pairs imp_X with sat_X and X_importance with X_satisfaction by name', () => {
    const pairs = detectPairs([q('imp_parks', 'Parks'), q('sat_parks', 'Parks'), q('roads_importance', 'Roads'), q('roads_satisfaction', 'Roads'), q('sat_libraries', 'Libraries')]);
    expect(names(pairs)).toEqual([
      ['imp_parks', 'sat_parks', 'names'],
      ['roads_importance', 'roads_satisfaction', 'names'],
    ]);
    expect(pairs[0]!.key).toBe('parks');
  });

  it('pairs English and Welsh questions by their wording, best match first', () => {
    const questions = [
      q('q1', 'How important is it to you that the council listens to residents?'),
      q('q2', 'How important to you are parks and green spaces?'),
      q('q3', 'How satisfied are you with parks and green spaces?'),
      q('q4', 'How satisfied are you that the council listens to residents?'),
      q('c1', "Pa mor bwysig yw hi i chi fod y cyngor yn gwrando ar drigolion?"),
      q('c2', "Pa mor fodlon ydych chi fod y cyngor yn gwrando ar drigolion?"),
      q('q5', 'How satisfied are you with the way the council runs things?'),
    ];
    const pairs = detectPairs(questions);
    expect(names(pairs)).toEqual([
      ['q1', 'q4', 'text'],
      ['q2', 'q3', 'text'],
      ['c1', 'c2', 'text'],
    ]);
    expect(unpaired(questions, pairs).map((x) => x.name)).toEqual(['q5']);
    expect(pairs[1]!.label).toBe('Parks and green spaces');
  });

  it('lets the stored pair key win over names and wording', () => {
    const pairs = detectPairs([
      q('listens_importance', 'How important is it that the council listens?', { role: 'importance', pair: 'listens' }),
      q('imp_other', 'How important is it that the council listens?', { role: 'importance' }),
      q('listens_satisfaction', 'How satisfied are you that the council listens?', { role: 'satisfaction', pair: 'listens' }),
    ]);
    expect(names(pairs)).toEqual([['listens_importance', 'listens_satisfaction', 'metadata']]);
  });

  it('does not pair questions that share only their framing words', () => {
    expect(detectPairs([q('a', 'How important are libraries?'), q('b', 'How satisfied are you with roads and pavements?')])).toEqual([]);
  });

  it('names a pair from the words its labels share', () => {
    expect(pairLabel({ label: 'Council listens: importance' }, { label: 'Council listens: satisfaction' }, 'listens')).toBe('Council listens');
    expect(pairLabel({ label: 'Importance: parks' }, { label: 'Satisfaction: parks' }, 'green_spaces')).toBe('Green spaces');
  });
});

describe('scores on a common 1–5 scale', () => {
  it('keeps a 5-point scale and spreads a 4-point one evenly from 5 to 1', () => {
    expect([0, 1, 2, 3, 4].map((i) => commonScore(i, 5))).toEqual([5, 4, 3, 2, 1]);
    [5, 11 / 3, 7 / 3, 1].forEach((score, i) => expect(commonScore(i, 4)).toBeCloseTo(score, 14));
  });
});

describe('quadrant chart (Martilla & James)', () => {
  const point = (key: string, importance: number, satisfaction: number) => ({ key, label: key, importance: { mean: importance, se: 0, base: 10 }, satisfaction: { mean: satisfaction, se: 0, base: 10 } });
  const points = [point('a', 4.5, 2.0), point('b', 4.5, 4.0), point('c', 2.5, 2.0), point('d', 2.5, 4.0)];

  it('puts the crosshairs at the means of the plotted points and names each quadrant', () => {
    const chart = quadrantChart(points, 'means');
    expect(chart.crosshairs).toEqual({ importance: 3.5, satisfaction: 3 });
    expect(chart.points.map((p) => p.quadrant)).toEqual(['concentrate_here', 'keep_up_the_good_work', 'low_priority', 'possible_overkill']);
  });

  it('can put them at the scale midpoint instead, a point on a crosshair counting as high', () => {
    const chart = quadrantChart([point('a', 3, 3), point('b', 2.9, 4.9)], 'midpoint');
    expect(chart.crosshairs).toEqual({ importance: 3, satisfaction: 3 });
    expect(chart.points.map((p) => p.quadrant)).toEqual(['keep_up_the_good_work', 'possible_overkill']);
  });
});

describe('target status from the latest interval', () => {
  // "Reduce the gap from 37 points (2016) to 30 by 2022": the path stands at 37 − 7 × 3/6 = 33.5 in 2019.
  const target = { value: 30, year: 2022, direction: 'lower' as const, baseline: { value: 37, year: 2016 } };

  it('is met when the whole interval is at or below the target', () => {
    expect(targetStatus([25, 30], 2019, target)).toMatchObject({ status: 'met' });
  });
  it('is on track before the target year when the whole interval is at or below the path', () => {
    expect(targetStatus([29, 33.5], 2019, target)).toMatchObject({ status: 'on_track', expected: 33.5 });
  });
  it('is not met when the whole interval is above the path', () => {
    expect(targetStatus([33.6, 40], 2019, target)).toMatchObject({ status: 'not_met', expected: 33.5 });
  });
  it('cannot tell when the interval holds the path, or there is no interval', () => {
    expect(targetStatus([31, 36], 2019, target)).toMatchObject({ status: 'cannot_tell' });
    expect(targetStatus(null, 2019, target)).toMatchObject({ status: 'cannot_tell' });
  });
  it('compares with the target itself from the target year on, or without a baseline', () => {
    expect(targetStatus([29, 33], 2022, target)).toMatchObject({ status: 'cannot_tell', expected: 30 });
    expect(targetStatus([30.5, 33], 2023, target)).toMatchObject({ status: 'not_met', expected: 30 });
    expect(targetStatus([29, 33], 2019, { ...target, baseline: null })).toMatchObject({ status: 'cannot_tell', expected: 30 });
  });
  it('mirrors every comparison for a figure to raise', () => {
    const raise = { value: 60, year: 2025, direction: 'higher' as const, baseline: { value: 50, year: 2023 } };
    expect(targetStatus([61, 65], 2024, raise)).toMatchObject({ status: 'met' });
    expect(targetStatus([55, 59], 2024, raise)).toMatchObject({ status: 'on_track', expected: 55 });
    expect(targetStatus([50, 54.9], 2024, raise)).toMatchObject({ status: 'not_met' });
  });
});

describe('matching a question across waves', () => {
  const wq = (name: string, text: string, categories: string[] = ['Very satisfied', 'Fairly satisfied', 'Neither', 'Fairly dissatisfied', 'Very dissatisfied'], role = 'satisfaction'): WaveQuestion => ({
    ...q(name, text, { role }),
    type: 'likert',
    categories,
  });
  const reference = wq('sat_listens', 'How satisfied are you that the council listens to residents?');

  it('prefers the same name, then the same wording, then similar wording on the same side', () => {
    expect(matchQuestion(reference, [wq('x', 'Other'), wq('sat_listens', 'Renamed text')])).toMatchObject({ question: { name: 'sat_listens' }, matchedBy: 'name' });
    expect(matchQuestion(reference, [wq('q7', 'How satisfied are you that the Council listens to residents')])).toMatchObject({ question: { name: 'q7' }, matchedBy: 'text' });
    const reworded = [
      wq('imp7', 'How important is it that the council listens to residents?', ['Very important', 'Fairly important', 'Not very important', 'Not at all important'], 'importance'),
      wq('sat7', 'How satisfied are you that the council listens to local residents?'),
    ];
    expect(matchQuestion(reference, reworded)).toMatchObject({ question: { name: 'sat7' }, matchedBy: 'text' });
    expect(matchQuestion(reference, [wq('roads', 'How satisfied are you with roads?')])).toBeNull();
  });

  it('carries a top box to a reworded scale by position when the number of points is the same', () => {
    const from = ['Very satisfied', 'Fairly satisfied', 'Neither', 'Fairly dissatisfied', 'Very dissatisfied'];
    expect(mapTopBox(['Very satisfied', 'Fairly satisfied'], from, from)).toEqual({ top: ['Very satisfied', 'Fairly satisfied'], renamed: [] });
    const to = ['Completely satisfied', 'Quite satisfied', 'Neither', 'Quite dissatisfied', 'Completely dissatisfied'];
    expect(mapTopBox(['Very satisfied', 'Fairly satisfied'], from, to)).toEqual({
      top: ['Completely satisfied', 'Quite satisfied'],
      renamed: [
        ['Very satisfied', 'Completely satisfied'],
        ['Fairly satisfied', 'Quite satisfied'],
      ],
    });
    expect(mapTopBox(['Very satisfied'], from, ['Yes', 'No'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { GapItemFigure } from '../../../src/contract/index.js';
import { discloseGroups, type ComputedGroup } from '../../../src/gaps/group-disclosure.js';

/** A group whose importance and satisfaction bases are as given; the figures are placeholders the control keeps or drops. */
const group = (name: string, impBase: number, satBase = impBase): ComputedGroup => {
  const item = (base: number): GapItemFigure => ({ estimate: 50, se: 5, ci: [40, 60], n: Math.floor(base / 2), base, weightedBase: base, nEff: base });
  return { group: name, gap: 10, se: 7, ci: [-4, 24], importance: item(impBase), satisfaction: item(satBase), flag: null, vsRest: { difference: 3, se: 8, z: 0.375, p: 0.7 }, note: null };
};
const shown = (groups: ReturnType<typeof discloseGroups>) => groups.map((g) => [g.group, g.suppressed]);

describe('disclosure control of a gap by group', () => {
  it('shows every group of 10 or more respondents', () => {
    expect(shown(discloseGroups([group('A', 10), group('B', 200)], 10))).toEqual([
      ['A', null],
      ['B', null],
    ]);
  });

  it('withholds a group below 10 and, since the overall less the others would give it away, the next smallest too', () => {
    const out = discloseGroups([group('A', 120), group('B', 9), group('C', 45), group('D', 60)], 10);
    expect(shown(out)).toEqual([
      ['A', null],
      ['B', 'primary'],
      ['C', 'secondary'],
      ['D', null],
    ]);
    // Nothing of a withheld group is returned: not its bases, its percentages or its test against the rest.
    expect(out[1]).toEqual({ group: 'B', gap: null, se: null, ci: null, importance: null, satisfaction: null, flag: 'c', suppressed: 'primary', vsRest: null });
    expect(out[2]).toMatchObject({ importance: null, satisfaction: null, flag: 'c' });
    expect(out[0]).not.toHaveProperty('note');
  });

  it('reads a group by its smaller base: 40 importance answers but 8 satisfaction answers is confidential', () => {
    expect(shown(discloseGroups([group('A', 40, 8), group('B', 30), group('C', 90)], 10))).toEqual([
      ['A', 'primary'],
      ['B', 'secondary'],
      ['C', null],
    ]);
  });

  it('needs no second group when two are confidential: the overall less the rest gives only their sum', () => {
    expect(shown(discloseGroups([group('A', 3), group('B', 70), group('C', 6), group('D', 80)], 10))).toEqual([
      ['A', 'primary'],
      ['B', null],
      ['C', 'primary'],
      ['D', null],
    ]);
  });

  it('withholds both of two groups when one is confidential, and follows a higher threshold', () => {
    expect(shown(discloseGroups([group('A', 5), group('B', 500)], 10))).toEqual([
      ['A', 'primary'],
      ['B', 'secondary'],
    ]);
    expect(shown(discloseGroups([group('A', 12), group('B', 30), group('C', 40)], 20))).toEqual([
      ['A', 'primary'],
      ['B', 'secondary'],
      ['C', null],
    ]);
  });
});

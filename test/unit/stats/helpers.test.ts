import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../src/stats/column-letters.js';
import { differenceTest } from '../../../src/stats/difference.js';
import { disclosureFlag } from '../../../src/stats/disclosure-flag.js';
import { solveLinear } from '../../../src/stats/linear-solve.js';

describe('small helpers of the statistics engine', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('solves a linear system that needs a row swap, and has no answer for a singular one', () => {
    // x = (1, 2, 3) and (−1, 0, 2) for the two right-hand sides.
    const a = [[0, 2, 1], [1, 1, 1], [2, 0, 3]];
    const b = [[7, 2], [6, 1], [11, 4]];
    const x = solveLinear(a, b)!;
    [[1, -1], [2, 0], [3, 2]].forEach((row, i) => row.forEach((v, j) => expect(x[i]![j]).toBeCloseTo(v, 12)));
    expect(solveLinear([[1, 2], [2, 4]], [[1], [2]])).toBeNull();
  });

  it('treats a difference between two unanimous groups as certain, and no difference as nothing to test', () => {
    expect(differenceTest({ estimate: 0, se: 0 }, { estimate: 1, se: 0 })).toMatchObject({ z: -Infinity, p: 0 });
    expect(differenceTest({ estimate: 1, se: 0 }, { estimate: 1, se: 0 })).toBeNull();
  });

  it('flags cells from unweighted counts: confidential, then hidden, then low base', () => {
    expect(disclosureFlag(9, 500)).toBe('c');
    expect(disclosureFlag(0, 500)).toBe('c');
    expect(disclosureFlag(12, 29)).toBe('hidden');
    expect(disclosureFlag(12, 49)).toBe('low');
    expect(disclosureFlag(10, 50)).toBeNull();
    expect(disclosureFlag(4, 100, { suppressBelow: 3, lowBaseBelow: 100, hideBelow: 20 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { HeardError, type RakeMargin } from '../../../src/contract/index.js';
import { prepareMargins, type SampleCell } from '../../../src/weighting/margins.js';

const sex: RakeMargin = { variables: ['sex'], cells: [{ values: ['Female'], population: 60 }, { values: ['Male'], population: 40 }] };
const ward: RakeMargin = { variables: ['ward'], cells: [{ values: ['Castle'], population: 70 }, { values: ['Market'], population: 30 }] };
const variables = ['sex', 'ward'];
const cell = (s: string | null, w: string | null, rows = 10, base = rows): SampleCell => ({ key: [s, w], rows, base });
const complete = [cell('Female', 'Castle'), cell('Female', 'Market'), cell('Male', 'Castle'), cell('Male', 'Market')];
const strict = { rescale: false, excludeMissing: false, nonSubstantive: new Map([['sex', new Set(['Prefer not to say'])]]) };

function refusal(run: () => unknown): HeardError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HeardError);
    return err as HeardError;
  }
  throw new Error('expected a refusal');
}

describe('margins checked against the sample before raking', () => {
  it('maps every cell to one category of every margin', () => {
    const prepared = prepareMargins([sex, ward], variables, complete, strict);
    expect(prepared.included).toEqual([0, 1, 2, 3]);
    expect(Array.from(prepared.ipf[0]!.categoryOfCell)).toEqual([0, 0, 1, 1]);
    expect(Array.from(prepared.ipf[1]!.categoryOfCell)).toEqual([0, 1, 0, 1]);
    expect(prepared.total).toBe(100);
    expect(prepared.excluded).toEqual([]);
  });

  it('refuses blank answers, naming the variable and how many', () => {
    const err = refusal(() => prepareMargins([sex, ward], variables, [...complete, cell(null, 'Castle', 3), cell('Male', null, 2)], strict));
    expect(err.code).toBe('bad_request');
    expect(err.message).toContain('3 respondents left sex blank.');
    expect(err.message).toContain('2 respondents left ward blank.');
    expect(err.message).toContain('can be left out of the weighted design');
  });

  it('refuses a non-substantive answer the margin does not list, naming it', () => {
    const err = refusal(() => prepareMargins([sex, ward], variables, [...complete, cell('Prefer not to say', 'Market', 4)], strict));
    expect(err.message).toContain('4 respondents answered sex "Prefer not to say".');
  });

  it('leaves blank and non-substantive answers out when asked, counting them by reason', () => {
    const cells = [...complete, cell(null, 'Castle', 3), cell('Prefer not to say', 'Market', 4), cell(null, null, 1)];
    const prepared = prepareMargins([sex, ward], variables, cells, { ...strict, excludeMissing: true });
    expect(prepared.included).toEqual([0, 1, 2, 3]);
    expect(prepared.excluded).toEqual([
      { reason: 'left sex blank', respondents: 3 },
      { reason: 'answered sex "Prefer not to say"', respondents: 4 },
      { reason: 'left sex blank, left ward blank', respondents: 1 },
    ]);
  });

  it('refuses an answer the margin does not list even when leaving out missing answers (a mistyped margin)', () => {
    const err = refusal(() => prepareMargins([sex, ward], variables, [...complete, cell('Femal', 'Castle', 5)], { ...strict, excludeMissing: true }));
    expect(err.message).toContain('5 respondents answered "Femal", which margin sex does not list.');
  });

  it('names the combination for an interlocked margin', () => {
    const sexByWard: RakeMargin = {
      variables: ['sex', 'ward'],
      cells: [
        { values: ['Female', 'Castle'], population: 40 },
        { values: ['Male', 'Castle'], population: 30 },
        { values: ['Female', 'Market'], population: 30 },
      ],
    };
    const err = refusal(() => prepareMargins([sexByWard], variables, complete, strict));
    expect(err.message).toContain('10 respondents answered "Male" × "Market", which margin sex × ward does not list.');
  });

  it('refuses a category with a population but nobody in the sample', () => {
    const err = refusal(() => prepareMargins([sex, ward], variables, complete.filter((c) => c.key[1] !== 'Market'), strict));
    expect(err.message).toContain('Margin ward has a population of 30 for "Market", but nobody in the sample is in it');
  });

  it('refuses a category whose respondents all have a base weight of 0', () => {
    const cells = [cell('Female', 'Castle'), cell('Female', 'Market', 5, 0), cell('Male', 'Castle'), cell('Male', 'Market', 5, 0)];
    const err = refusal(() => prepareMargins([sex, ward], variables, cells, strict));
    expect(err.message).toContain('its 10 respondents all have a base weight of 0');
  });

  it('accepts a category with a population of 0 that nobody is in', () => {
    const withNone: RakeMargin = { variables: ['ward'], cells: [...ward.cells, { values: ['Station'], population: 0 }] };
    expect(prepareMargins([sex, withNone], variables, complete, strict).ipf[1]!.targets.length).toBe(3);
  });

  it('refuses margins whose totals disagree, giving both totals', () => {
    const bigger: RakeMargin = { variables: ['ward'], cells: [{ values: ['Castle'], population: 75 }, { values: ['Market'], population: 30 }] };
    const err = refusal(() => prepareMargins([sex, bigger], variables, complete, strict));
    expect(err.message).toContain("The margins' population totals disagree (sex 100, ward 105)");
  });

  it('rescales later margins to the first margin’s total when asked, keeping their shares', () => {
    const bigger: RakeMargin = { variables: ['ward'], cells: [{ values: ['Castle'], population: 140 }, { values: ['Market'], population: 60 }] };
    const prepared = prepareMargins([sex, bigger], variables, complete, { ...strict, rescale: true });
    expect(Array.from(prepared.ipf[1]!.targets)).toEqual([70, 30]);
    expect(prepared.givenTotals).toEqual([null, 200]);
  });

  it('refuses a margin that lists a category twice, a row of the wrong length, a variable twice, or no population', () => {
    const twice: RakeMargin = { variables: ['sex'], cells: [...sex.cells, { values: ['Male'], population: 1 }] };
    expect(refusal(() => prepareMargins([twice], variables, complete, strict)).message).toBe('Margin sex lists "Male" twice.');
    const short: RakeMargin = { variables: ['sex', 'ward'], cells: [{ values: ['Male'], population: 1 }] };
    expect(refusal(() => prepareMargins([short], variables, complete, strict)).message).toContain('needs one for each of sex, ward');
    const repeated: RakeMargin = { variables: ['sex', 'sex'], cells: [{ values: ['Male', 'Male'], population: 1 }] };
    expect(refusal(() => prepareMargins([repeated], variables, complete, strict)).message).toBe('Margin sex × sex names sex twice.');
    const none: RakeMargin = { variables: ['sex'], cells: [{ values: ['Male'], population: 0 }] };
    expect(refusal(() => prepareMargins([none], variables, complete, strict)).message).toContain('has no population');
  });
});

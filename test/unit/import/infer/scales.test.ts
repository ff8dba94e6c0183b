import { describe, expect, it } from 'vitest';
import { matchScale } from '../../../../src/import/infer/match-scale.js';
import { isNonSubstantive } from '../../../../src/import/infer/non-substantive.js';
import { matchNumericScale } from '../../../../src/import/infer/numeric-scale.js';
import { numericKey, orderCategories } from '../../../../src/import/infer/category-order.js';

const v = (...values: string[]) => values.map((value, i) => ({ value, count: 10 + i }));

describe('matchScale', () => {
  it('orders an English satisfaction scale best first and fills in a point nobody chose', () => {
    const match = matchScale(v('Fairly satisfied', 'Very dissatisfied', 'Very satisfied', 'Neither satisfied nor dissatisfied'))!;
    expect(match.scale.topic).toBe('satisfaction');
    expect(match.options).toEqual([
      'Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied',
    ]);
  });

  it('keeps the file’s own spelling and fills missing points in its style', () => {
    const match = matchScale(v('STRONGLY AGREE', 'AGREE', 'NEITHER AGREE NOR DISAGREE', 'DISAGREE'))!;
    expect(match.options).toEqual(['STRONGLY AGREE', 'AGREE', 'NEITHER AGREE NOR DISAGREE', 'DISAGREE', 'STRONGLY DISAGREE']);
    // No middle answer chosen: the scale without one, rather than inventing it.
    expect(matchScale(v('STRONGLY AGREE', 'AGREE', 'DISAGREE'))!.options).toEqual(['STRONGLY AGREE', 'AGREE', 'DISAGREE', 'STRONGLY DISAGREE']);
    const title = matchScale(v('Very Satisfied', 'Fairly Satisfied', 'Very Dissatisfied'))!;
    expect(title.options).toContain('Fairly Dissatisfied');
  });

  it('is tolerant of case, spacing, punctuation and curly apostrophes', () => {
    const match = matchScale(v('strongly  agree', 'Agree.', 'Neither agree or disagree', 'Disagree', 'Strongly disagree!'))!;
    expect(match.scale.topic).toBe('agreement');
    expect(match.options[0]).toBe('strongly  agree');
    expect(match.options[4]).toBe('Strongly disagree!');
  });

  it('recognises Welsh satisfaction, agreement and importance scales', () => {
    const satisfied = matchScale(v('Eithaf bodlon', 'Anfodlon iawn', 'Bodlon iawn', 'Ddim yn fodlon nac yn anfodlon', 'Eithaf anfodlon'))!;
    expect(satisfied.scale).toMatchObject({ topic: 'satisfaction', language: 'cy' });
    expect(satisfied.options).toEqual(['Bodlon iawn', 'Eithaf bodlon', 'Ddim yn fodlon nac yn anfodlon', 'Eithaf anfodlon', 'Anfodlon iawn']);

    const agree = matchScale(v('Cytuno’n gryf', 'Anghytuno', 'Cytuno', "Anghytuno'n gryf"))!;
    expect(agree.scale).toMatchObject({ topic: 'agreement', language: 'cy' });
    expect(agree.options).toEqual(['Cytuno’n gryf', 'Cytuno', 'Anghytuno', "Anghytuno'n gryf"]);
    const filled = matchScale(v('Cytuno’n gryf', 'Cytuno', 'Ddim yn cytuno nac yn anghytuno'))!;
    expect(filled.options).toEqual(['Cytuno’n gryf', 'Cytuno', 'Ddim yn cytuno nac yn anghytuno', 'Anghytuno', 'Anghytuno’n gryf']);

    const important = matchScale(v('Ddim yn bwysig o gwbl', 'Pwysig iawn', 'Eithaf pwysig', 'Ddim yn bwysig iawn'))!;
    expect(important.scale.topic).toBe('importance');
    expect(important.options).toEqual(['Pwysig iawn', 'Eithaf pwysig', 'Ddim yn bwysig iawn', 'Ddim yn bwysig o gwbl']);
  });

  it('prefers the scale without a middle point when nobody chose one', () => {
    const match = matchScale(v('Very important', 'Fairly important', 'Not very important', 'Not at all important'))!;
    expect(match.options).toEqual(['Very important', 'Fairly important', 'Not very important', 'Not at all important']);
  });

  it('tells a 7-point agreement scale apart', () => {
    const match = matchScale(v('Strongly agree', 'Agree', 'Somewhat agree', 'Neither agree nor disagree', 'Somewhat disagree', 'Disagree', 'Strongly disagree'))!;
    expect(match.options).toEqual(['Strongly agree', 'Agree', 'Somewhat agree', 'Neither agree nor disagree', 'Somewhat disagree', 'Disagree', 'Strongly disagree']);
  });

  it('recognises likelihood and quality scales, and a bracketed aside on a point', () => {
    expect(matchScale(v('Very likely', 'Fairly unlikely', 'Very unlikely'))!.scale.topic).toBe('likelihood');
    expect(matchScale(v('Good', 'Poor', 'Excellent', 'Fair'))!.options).toEqual(['Excellent', 'Good', 'Fair', 'Poor']);
    expect(matchScale(v('Very important', 'Somewhat important', 'Neither important nor unimportant (neutral)', 'Very unimportant'))!.offScale).toEqual([]);
  });

  it('leaves non-substantive answers to the caller and tolerates a small share off the scale', () => {
    const values = [
      { value: 'Very satisfied', count: 50 }, { value: 'Fairly satisfied', count: 40 }, { value: "Don't know", count: 30 },
      { value: 'Very dissatisfied', count: 20 }, { value: 'Not sure', count: 2 },
    ];
    const match = matchScale(values)!;
    expect(match.options).not.toContain("Don't know");
    expect(match.offScale).toEqual(['Not sure']);
    expect(match.options.at(-1)).toBe('Not sure');
  });

  it('does not call Yes/No, one point, or mostly-other answers a scale', () => {
    expect(matchScale(v('Yes', 'No'))).toBeNull();
    expect(matchScale(v('Very satisfied'))).toBeNull();
    expect(matchScale([{ value: 'Very satisfied', count: 5 }, { value: 'Satisfied', count: 5 }, { value: 'Parks', count: 5 }])).toBeNull();
  });
});

describe('isNonSubstantive', () => {
  it('knows the English and Welsh non-answers, however typed', () => {
    for (const value of ["Don't know", 'Dont know', 'Don’t Know', 'Prefer not to say', 'No answer', 'N/A', 'n/a', 'Not applicable',
      'Ddim yn gwybod', 'Gwell gennyf beidio â dweud', 'Gwell gennyf beidio a dweud', 'Dim ateb']) {
      expect(isNonSubstantive(value), value).toBe(true);
    }
  });

  it('leaves real answers alone: "Not sure", and Welsh "Na" (No)', () => {
    for (const value of ['Not sure', 'Na', 'No', 'None', 'Neither satisfied nor dissatisfied']) expect(isNonSubstantive(value), value).toBe(false);
  });
});

describe('matchNumericScale', () => {
  it('orders an end-labelled 1–5 scale with its best end first and fills unlabelled points', () => {
    const scale = matchNumericScale(v('1 - Very dissatisfied', '2', '3', '5 - Very satisfied'), 'Overall satisfaction')!;
    expect(scale.options).toEqual(['5 - Very satisfied', '4', '3', '2', '1 - Very dissatisfied']);
    expect(scale.topic).toBe('satisfaction');
  });

  it('puts the low end first when it is the positive one', () => {
    const scale = matchNumericScale(v('1 = Strongly agree', '2', '3', '4', '5 = Strongly disagree'), 'The council listens')!;
    expect(scale.options).toEqual(['1 = Strongly agree', '2', '3', '4', '5 = Strongly disagree']);
  });

  it('reads bare 0–10 ratings, highest first, with the stated range filled in', () => {
    const scale = matchNumericScale(v('10', '9', '7', '5', '3'), 'On a scale of 0 to 10, how likely are you to recommend the service?')!;
    expect(scale.options).toEqual(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
  });

  it('does not call plain counts a scale', () => {
    expect(matchNumericScale(v('1', '2', '3', '4'), 'How many people live in your household?')).toBeNull();
    expect(matchNumericScale(v('1', '2', '40'), 'Rate it')).toBeNull();
  });
});

describe('orderCategories', () => {
  it('keeps age bands in natural order', () => {
    const values = [
      { value: '35-44', count: 50 }, { value: '75+', count: 5 }, { value: 'Under 18', count: 3 }, { value: '18-24', count: 20 },
      { value: '65 and over', count: 9 }, { value: '25 to 34', count: 30 },
    ];
    expect(orderCategories(values)).toEqual(['Under 18', '18-24', '25 to 34', '35-44', '65 and over', '75+']);
  });

  it('orders income bands and numeric-like categories by their numbers', () => {
    expect(orderCategories([{ value: '$50,000 - $99,999', count: 9 }, { value: '$150,000+', count: 1 }, { value: '$0 - $24,999', count: 3 }])).toEqual([
      '$0 - $24,999', '$50,000 - $99,999', '$150,000+',
    ]);
    expect(orderCategories([{ value: '3', count: 1 }, { value: 'None', count: 5 }, { value: '10', count: 2 }, { value: '1', count: 4 }])).toEqual(['None', '1', '3', '10']);
    expect(numericKey('> 60')).toBeGreaterThan(numericKey('45-60')!);
  });

  it('orders other categories by frequency', () => {
    expect(orderCategories([{ value: 'Car', count: 5 }, { value: 'Bus', count: 9 }, { value: 'Walk', count: 7 }])).toEqual(['Bus', 'Walk', 'Car']);
  });
});

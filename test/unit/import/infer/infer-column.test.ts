import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../../src/import/infer/index.js';
import type { ColumnProfile, LayoutColumn } from '../../../../src/import/types.js';

/** A profile as the pipeline computes it, from answers and how often each occurs (blank answers are missing). */
function profile(label: string, values: Array<[string, number]>, blanks = 0): ColumnProfile {
  const answered = values.reduce((n, [, c]) => n + c, 0);
  const total = (f: (v: string) => boolean) => values.filter(([v]) => f(v)).reduce((n, [, c]) => n + c, 0);
  const lengths = values.reduce((n, [v, c]) => n + v.length * c, 0);
  return {
    name: 'x',
    label,
    rows: answered + blanks,
    answered,
    distinct: values.length,
    maxLength: Math.max(0, ...values.map(([v]) => v.length)),
    meanLength: answered ? lengths / answered : 0,
    numericShare: answered ? total((v) => v.trim() !== '' && Number.isFinite(Number(v))) / answered : 0,
    dateShare: answered ? total((v) => /^\d{4}-\d{2}-\d{2}|^\d{1,2}\/\d{1,2}\/\d{4}/.test(v)) / answered : 0,
    top: [...values].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([value, count]) => ({ value, count })),
  };
}

function column(label: string, name = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'x', code?: string): LayoutColumn {
  return { source: 0, name, label, question: label, header: label, ...(code ? { code } : {}) };
}

const infer = (label: string, values: Array<[string, number]>, opts: { name?: string; code?: string; blanks?: number } = {}) =>
  inferColumn(profile(label, values, opts.blanks), column(label, opts.name, opts.code));

const unique = (n: number, f: (i: number) => string): Array<[string, number]> => Array.from({ length: n }, (_, i) => [f(i), 1]);

describe('inferColumn: identifiers, weights, dates, numbers', () => {
  it('takes a near-unique column named like an id as the respondent id', () => {
    expect(infer('Respondent ID', unique(200, (i) => String(11400000000 + i)), { name: 'respondent_id' })).toMatchObject({
      type: 'id', role: 'respondent_id', options: [],
    });
    expect(infer('ResponseId', unique(50, (i) => `R_${(1e6 + i).toString(36)}`), { name: 'response_id' }).type).toBe('id');
    expect(infer('Response ID', unique(11, (i) => String(i + 1)), { name: 'id', code: 'id' }).type).toBe('id');
  });

  it('does not take a repeated or unnamed column as an id', () => {
    expect(infer('Collector ID', [['2151', 80], ['2152', 20]], { name: 'collector_id' }).type).not.toBe('id');
    expect(infer('Visits last year', unique(100, (i) => String(i))).type).toBe('numeric');
  });

  it('takes a positive numeric column named weight as the weight', () => {
    expect(infer('weight', [['0.83', 40], ['1.12', 30], ['1.5', 30]])).toMatchObject({ type: 'weight', role: 'weight' });
    expect(infer('Final weight', [['0.8', 4], ['1.2', 4]], { name: 'final_weight' }).type).toBe('weight');
    expect(infer('wt', [['-1', 4], ['1.2', 4]]).type).not.toBe('weight');
  });

  it('takes a column of dates as a date', () => {
    expect(infer('Timestamp', unique(30, (i) => `2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`), { name: 'timestamp' })).toMatchObject({
      type: 'date', role: 'none',
    });
  });

  it('takes numbers as numeric, with "Don\'t know" as non-substantive rather than against it', () => {
    const ages: Array<[string, number]> = [...unique(80, (i) => String(18 + i)), ["Don't know", 8], ['Prefer not to say', 6]];
    const model = infer('What was your age on your last birthday?', ages);
    expect(model).toMatchObject({ type: 'numeric', role: 'demographic', options: [] });
    expect(model.nonSubstantive).toEqual(["Don't know", 'Prefer not to say']);
  });
});

describe('inferColumn: scales', () => {
  it('recognises an English satisfaction item', () => {
    const model = infer('How satisfied are you with street cleaning?', [
      ['Fairly satisfied', 120], ['Very satisfied', 80], ['Neither satisfied nor dissatisfied', 40], ['Fairly dissatisfied', 30],
      ['Very dissatisfied', 20], ["Don't know", 12],
    ]);
    expect(model).toMatchObject({
      type: 'likert',
      role: 'satisfaction',
      options: ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied', "Don't know"],
      nonSubstantive: ["Don't know"],
    });
  });

  it('recognises a Welsh importance item and its Welsh non-answers', () => {
    const model = infer('Pa mor bwysig yw’r gwasanaethau hyn i chi? Casglu sbwriel', [
      ['Pwysig iawn', 60], ['Eithaf pwysig', 30], ['Ddim yn bwysig iawn', 10], ['Ddim yn bwysig o gwbl', 5], ['Ddim yn gwybod', 4],
      ['Gwell gennyf beidio â dweud', 2],
    ]);
    expect(model.type).toBe('likert');
    expect(model.role).toBe('importance');
    expect(model.options).toEqual(['Pwysig iawn', 'Eithaf pwysig', 'Ddim yn bwysig iawn', 'Ddim yn bwysig o gwbl', 'Ddim yn gwybod', 'Gwell gennyf beidio â dweud']);
    expect(model.nonSubstantive).toEqual(['Ddim yn gwybod', 'Gwell gennyf beidio â dweud']);
  });

  it('recognises a Welsh satisfaction item', () => {
    const model = infer('Pa mor fodlon ydych chi gyda’r cyngor?', [
      ['Eithaf bodlon', 30], ['Bodlon iawn', 20], ['Ddim yn fodlon nac yn anfodlon', 15], ['Eithaf anfodlon', 10], ['Anfodlon iawn', 5],
    ]);
    expect(model).toMatchObject({ type: 'likert', role: 'satisfaction' });
    expect(model.options[0]).toBe('Bodlon iawn');
  });

  it('gives agreement items the role none, and importance by wording when the scale does not say', () => {
    expect(infer('The council listens to residents', [['Strongly agree', 5], ['Agree', 9], ['Disagree', 4]]).role).toBe('none');
    expect(infer('How important is each of these to you? Parks (1 = not at all, 10 = extremely)', [['10', 9], ['8', 7], ['5', 3], ['3', 1], ['1', 1], ['7', 4]]))
      .toMatchObject({ type: 'likert', role: 'importance', options: ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1'] });
  });

  it('reads end-labelled numeric scales as likert', () => {
    const model = infer('Overall, how do you rate the service?', [['1 - Very dissatisfied', 4], ['2', 6], ['3', 10], ['4', 20], ['5 - Very satisfied', 12]]);
    expect(model).toMatchObject({ type: 'likert', role: 'satisfaction', options: ['5 - Very satisfied', '4', '3', '2', '1 - Very dissatisfied'] });
  });

  it('keeps coded choices without rating wording numeric', () => {
    expect(infer('How many children live with you?', [['0', 50], ['1', 20], ['2', 25], ['3', 5]]).type).toBe('numeric');
  });
});

describe('inferColumn: single, multi, free text', () => {
  it('takes a few short answers as single choice, most frequent first', () => {
    expect(infer('How do you usually travel to work?', [['Car', 50], ['Bus', 80], ['Walk', 30], ['Prefer not to say', 5]])).toMatchObject({
      type: 'single', role: 'none', options: ['Bus', 'Car', 'Walk', 'Prefer not to say'], nonSubstantive: ['Prefer not to say'],
    });
  });

  it('keeps age bands in natural order and marks the question demographic', () => {
    const model = infer('Age', [['35-44', 50], ['75+', 5], ['Under 18', 3], ['18-24', 20], ['65-74', 9], ['25-34', 30], ['45-54', 40], ['55-64', 30], ['Prefer not to say', 4]]);
    expect(model).toMatchObject({ type: 'single', role: 'demographic' });
    expect(model.options).toEqual(['Under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+', 'Prefer not to say']);
  });

  it('finds demographic questions in English and Welsh, and not in lookalike words', () => {
    const yesNo: Array<[string, number]> = [['Yes', 10], ['No', 20]];
    for (const label of ['Do you consider yourself to be disabled?', 'What is your sexual orientation?', 'Are you a carer?', 'What is your ethnic group?',
      'Can you speak Welsh?', 'Ydych chi’n ystyried eich hun yn anabl?', 'Beth yw eich crefydd?', 'Rhyw', 'Ydych chi’n siarad Cymraeg?',
      'Are you pregnant or on maternity leave?', 'What is your religion or belief?', 'Is your gender identity the same as the sex you were registered at birth?']) {
      expect(infer(label, yesNo).role, label).toBe('demographic');
    }
    for (const label of ['Do you manage a team?', 'Do you live in Essex?', 'Is the language clear?', 'Oedd y gwasanaeth yn dda?']) {
      expect(infer(label, yesNo).role, label).toBe('none');
    }
  });

  it('finds locality questions', () => {
    expect(infer('Ward', [['Abbey', 10], ['Castle', 8], ['Priory', 4]]).role).toBe('locality');
    expect(infer('Which area of the county do you live in?', [['North', 10], ['South', 8]]).role).toBe('locality');
    expect(infer('Postcode', unique(300, (i) => `CF${i % 99} ${i % 9}AB`)).role).toBe('locality');
    expect(infer('Pa ardal ydych chi’n byw ynddi?', [['Gogledd', 10], ['De', 8]]).role).toBe('locality');
    expect(infer('How often do you visit the town centre to shop, eat out or meet friends in the evening?', [['Weekly', 10], ['Monthly', 8]]).role).toBe('none');
  });

  it('takes a Google Forms tick-all column as multi with its options', () => {
    const model = infer('Which services have you used?', [
      ['Parks', 45], ['Libraries', 30], ['Parks, Libraries', 25], ['Leisure centres', 20], ['Libraries, Leisure centres', 10],
      ['Parks, Libraries, Leisure centres', 8], ['Prefer not to say', 3],
    ]);
    expect(model).toMatchObject({ type: 'multi', separator: ', ', options: ['Parks', 'Libraries', 'Leisure centres', 'Prefer not to say'] });
  });

  it('takes a Microsoft Forms column joined with ";" as multi', () => {
    const model = infer('Which services have you used?', [['Parks;', 30], ['Libraries;', 20], ['Parks;Libraries;', 15], ['Yes, regularly;Parks;', 8], ['Yes, regularly;', 6]]);
    expect(model).toMatchObject({ type: 'multi', separator: ';' });
    expect(model.options).toContain('Yes, regularly');
  });

  it('keeps single-choice answers with commas single', () => {
    expect(infer('Is it rude to recline your seat?', [['No, not rude at all', 500], ['Yes, somewhat rude', 300], ['Yes, very rude', 100]])).toMatchObject({
      type: 'single', options: ['No, not rude at all', 'Yes, somewhat rude', 'Yes, very rude'],
    });
  });

  it('takes long or mostly unique answers as free text', () => {
    const comments = unique(120, (i) => `Comment number ${i}: the bins are not collected often enough, and the streets are dirty on my road`);
    expect(infer('Any other comments?', comments)).toMatchObject({ type: 'text', role: 'none', options: [] });
    const titles: Array<[string, number]> = [...unique(200, (i) => `Show ${i}`), ['The Office', 30], ['Friends', 20]];
    expect(infer('title', titles).type).toBe('text');
    expect(infer('Other (please specify)', [['My neighbour told me', 1], ['Saw a poster', 1], ['Radio', 1]]).type).toBe('text');
  });

  it('takes an empty column as text, without options', () => {
    expect(inferColumn(profile('Q9', [], 20), column('Q9'))).toMatchObject({ type: 'text', options: [], nonSubstantive: [] });
  });

  it('uses the layout column’s name and label', () => {
    const model = inferColumn(profile('ignored', [['Yes', 1], ['No', 2]]), column('Do you drive?', 'q7_drive'));
    expect(model).toMatchObject({ name: 'q7_drive', label: 'Do you drive?' });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../../src/import/layouts/index.js';
import type { LayoutName, LayoutResult } from '../../../../src/import/types.js';

const REAL = path.resolve(__dirname, '../../../../..', 'shared', 'fixtures', 'real', 'survey_exports');
const HAVE_REAL = fs.existsSync(REAL);
if (!HAVE_REAL) console.log(`layout tests on real exports skipped: ${REAL} is not present (only team machines and CI have it)`);

/** The whole file, parsed as the reader would hand it over (BOM removed, trailing newline not a record). */
function records(file: string): string[][] {
  const text = fs.readFileSync(path.join(REAL, file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: file.startsWith('limesurvey/') ? ';' : ',' });
  const rows = parsed.data;
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

interface Expected {
  file: string;
  layout: LayoutName;
  skipRows: number;
  /** Respondents, from PROVENANCE.md. */
  respondents: number;
  columns: number;
  labels: Record<number, string>;
  names?: Record<number, string>;
}

const EXPECTED: Expected[] = [
  {
    file: 'qualtrics/qualtRics_sample.csv', layout: 'qualtrics', skipRows: 3, respondents: 1, columns: 20,
    labels: { 0: 'Anfangsdatum', 17: 'This is a multiple choice question.', 18: 'This is a free text question.', 19: 'Q2 - Topics' },
    names: { 0: 'start_date', 8: 'response_id', 17: 'q1', 18: 'q2' },
  },
  {
    // The trailing comma on every line is an empty 16th column, not a question.
    file: 'qualtrics/qualtRics_sample_legacy.csv', layout: 'qualtrics-legacy', skipRows: 2, respondents: 1, columns: 15,
    labels: { 0: 'ResponseID', 10: 'This is a multiple choice question.', 11: 'This is a free text question.' },
    names: { 0: 'response_id', 7: 'start_date', 10: 'q1', 11: 'q2' },
  },
  {
    file: 'qualtrics/QualtricsTools_Sample_Survey_Insights.csv', layout: 'qualtrics', skipRows: 3, respondents: 5, columns: 190,
    labels: {
      11: 'This is a multiple choice single answer vertical question, please choose one of the fruits below.',
      12: 'This is a multiple choice multiple answer vertical question, please choose one of the fruits below.: Oranges',
      18: 'This is a likert matrix multiple answer question. Please rate how you feel about each fruit.: Oranges-Like',
      27: 'This is a side-by-side question, with a single answer matrix part and a dropdown matrix part.: Willingness to Consume-Oranges',
    },
    names: { 0: 'response_id', 11: 'fruits', 12: 'q2_1' },
  },
  {
    file: 'qualtrics/QualtricsTools_Sample_Survey_Legacy.csv', layout: 'qualtrics-legacy', skipRows: 2, respondents: 5, columns: 189,
    labels: {
      10: 'This is a multiple choice single answer vertical question, please choose one of the fruits below.',
      11: 'This is a multiple choice multiple answer vertical question, please choose one of the fruits below.: Oranges',
    },
    names: { 0: 'response_id', 10: 'fruits', 11: 'q2_1' },
  },
  {
    file: 'qualtrics/QualtricsTools_Test_Survey_for_Coded_Comments.csv', layout: 'qualtrics', skipRows: 3, respondents: 10, columns: 17,
    labels: { 11: 'This question has multiple "other please specify" options', 13: "What's up home skillets?" },
    names: { 11: 'q1', 12: 'q1_text', 13: 'q2' },
  },
  {
    file: 'surveymonkey/fivethirtyeight_steak-risk-survey.csv', layout: 'surveymonkey', skipRows: 2, respondents: 550, columns: 15,
    labels: {
      1: 'Consider the following hypothetical situations: In Lottery A, you have a 50% chance of success, with a payout of $100. In Lottery B, you have a 90% chance of success, with a payout of $20. Assuming you have $10 to bet, would you play Lottery A or Lottery B?',
      2: 'Do you ever smoke cigarettes?',
      14: 'Location (Census Region)',
    },
    names: { 0: 'respondent_id', 2: 'do_you_ever_smoke_cigarettes', 14: 'location_census_region' },
  },
  {
    // Flattened to one heading row: read as plain (the standard RespondentID still gets its fixed name).
    file: 'surveymonkey/fivethirtyeight_comma-survey.csv', layout: 'plain', skipRows: 1, respondents: 1129, columns: 13,
    labels: { 1: 'In your opinion, which sentence is more gramatically correct?', 9: 'Age' },
    names: { 0: 'respondent_id', 9: 'age' },
  },
  {
    file: 'surveymonkey/fivethirtyeight_flying-etiquette.csv', layout: 'plain', skipRows: 1, respondents: 1040, columns: 27,
    labels: { 1: 'How often do you travel by plane?', 2: 'Do you ever recline your seat when you fly?' },
    names: { 0: 'respondent_id' },
  },
  {
    file: 'google_forms/cs50_2019_favorite_tv_shows_form_responses_1.csv', layout: 'google-forms', skipRows: 1, respondents: 490, columns: 3,
    labels: { 0: 'Timestamp', 1: 'title', 2: 'genres' },
    names: { 0: 'timestamp', 1: 'title', 2: 'genres' },
  },
  {
    file: 'google_forms/cs50_2020_favorite_tv_shows_form_responses_1.csv', layout: 'google-forms', skipRows: 1, respondents: 514, columns: 3,
    labels: { 0: 'Timestamp', 1: 'title', 2: 'genres' },
  },
  {
    file: 'google_forms/rstudio_2019_Spanish_R_Community_Survey_Responses.csv', layout: 'google-forms', skipRows: 1, respondents: 338, columns: 52,
    labels: { 1: '¿Cómo calificarías tu nivel de experiencia usando R?' },
    names: { 0: 'timestamp', 1: 'como_calificarias_tu_nivel_de_experiencia_usando_r' },
  },
  {
    file: 'limesurvey/chi_material_results-survey332449_v2018-07-06.csv', layout: 'limesurvey', skipRows: 1, respondents: 11, columns: 502,
    labels: {
      0: 'Response ID',
      7: 'Did you collect data from human participants?',
      34: 'How can they be accessed? (Check all that applies.): They are available as the part of the paper itself (i.e., in the same PDF file that can be downloaded from ACM Digital Library).',
    },
    names: { 0: 'id', 1: 'submitdate' },
  },
];

describe.skipIf(!HAVE_REAL)('layouts of the real exports', () => {
  const results = new Map<string, { result: LayoutResult; rows: string[][] }>();
  const detect = (file: string) => {
    if (!results.has(file)) {
      const rows = records(file);
      results.set(file, { result: detectLayout(rows.slice(0, 200)), rows });
    }
    return results.get(file)!;
  };

  for (const expected of EXPECTED) {
    it(`${expected.file}: ${expected.layout}, ${expected.skipRows} heading rows, ${expected.respondents} respondents`, () => {
      const { result, rows } = detect(expected.file);
      expect(result.layout).toBe(expected.layout);
      expect(result.skipRows).toBe(expected.skipRows);
      expect(rows.length - result.skipRows).toBe(expected.respondents);
      expect(result.columns).toHaveLength(expected.columns);
      for (const [i, label] of Object.entries(expected.labels)) expect(result.columns[Number(i)]!.label).toBe(label);
      for (const [i, name] of Object.entries(expected.names ?? {})) expect(result.columns[Number(i)]!.name).toBe(name);
      const names = result.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,59}$/);
      expect(result.columns.map((c) => c.source)).toEqual(result.columns.map((_, i) => i));
    });
  }

  it('gives a LimeSurvey array column its code and sub-question', () => {
    const column = detect('limesurvey/chi_material_results-survey332449_v2018-07-06.csv').result.columns[10]!;
    expect(column.code).toBe('TYPstudy[stumat]');
    expect(column.question).toBe('Study materials');
    expect(column.option).toMatch(/^Materials produced by researchers and presented to participants/);
  });

  it('labels the same Qualtrics survey the same in the Insights and legacy formats', () => {
    const insights = detect('qualtrics/QualtricsTools_Sample_Survey_Insights.csv').result.columns;
    const legacy = detect('qualtrics/QualtricsTools_Sample_Survey_Legacy.csv').result.columns;
    const legacyByCode = new Map(legacy.map((c) => [c.code, c]));
    let compared = 0;
    for (const column of insights) {
      const other = column.code && legacyByCode.get(column.code);
      if (!other || /^V\d+$/.test(column.code!)) continue;
      expect({ code: column.code, label: other.label, name: other.name }).toEqual({ code: column.code, label: column.label, name: column.name });
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(115);
    // Standard fields carry the same fixed names although legacy codes them V1, V2…
    for (const name of ['response_id', 'response_set', 'ip_address', 'start_date', 'end_date', 'external_reference']) {
      expect(insights.some((c) => c.name === name)).toBe(true);
      expect(legacy.some((c) => c.name === name)).toBe(true);
    }
  });

  it('labels the qualtRics sample the same in both formats where both carry the question text', () => {
    const modern = detect('qualtrics/qualtRics_sample.csv').result.columns;
    const legacy = detect('qualtrics/qualtRics_sample_legacy.csv').result.columns;
    for (const name of ['q1', 'q2', 'response_id', 'location_latitude', 'location_longitude']) {
      const a = modern.find((c) => c.name === name);
      const b = legacy.find((c) => c.name === name);
      expect(a && b, name).toBeTruthy();
      if (name.startsWith('q')) expect(a!.label).toBe(b!.label);
    }
  });

  it('strips the HTML from SurveyMonkey question text but keeps it in the raw header', () => {
    const column = detect('surveymonkey/fivethirtyeight_steak-risk-survey.csv').result.columns[1]!;
    expect(column.label).not.toMatch(/<br>/);
    expect(column.header).toMatch(/<br>/);
    expect(column.header.endsWith(' | Response')).toBe(true);
  });
});

describe.skipIf(HAVE_REAL)('layouts of the real exports', () => {
  it.skip(`skipped: ${REAL} is not present`, () => undefined);
});

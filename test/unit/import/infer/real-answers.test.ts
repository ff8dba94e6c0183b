import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitMultiAnswers } from '../../../../src/import/infer/split-multi.js';

const REAL = path.resolve(__dirname, '../../../../..', 'shared', 'fixtures', 'real', 'survey_exports');
const HAVE_REAL = fs.existsSync(REAL);
if (!HAVE_REAL) console.log(`multi-select tests on real answers skipped: ${REAL} is not present`);

/** Distinct answers of one column with their counts, as the pipeline hands them over. */
function answers(file: string, column: number, headerRows = 1): Array<{ value: string; count: number }> {
  const text = fs.readFileSync(path.join(REAL, file), 'utf8').replace(/^\uFEFF/, '');
  const counts = new Map<string, number>();
  for (const row of Papa.parse<string[]>(text).data.slice(headerRows)) {
    const value = (row[column] ?? '').trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

describe.skipIf(!HAVE_REAL)('multi-select splitting on real answers', () => {
  it('splits the CS50 Google Forms genres into the genres', () => {
    const result = splitMultiAnswers(answers('google_forms/cs50_2019_favorite_tv_shows_form_responses_1.csv', 2))!;
    expect(result.separator).toBe(', ');
    expect(result.options.slice(0, 3)).toEqual(['Comedy', 'Drama', 'Action']);
    expect(result.options).toEqual(expect.arrayContaining(['Sci-Fi', 'Reality-TV', 'Talk-Show']));
    expect(result.options.every((o) => !o.includes(', '))).toBe(true);
    expect(result.splits.get('Action, Crime, Drama')).toEqual(['Action', 'Crime', 'Drama']);
  });

  it('keeps Spanish options that contain commas whole', () => {
    const result = splitMultiAnswers(answers('google_forms/rstudio_2019_Spanish_R_Community_Survey_Responses.csv', 24))!;
    expect(result.options).toContain('Su red personal, como colegas y profesores');
    expect(result.options).toContain('Libros, libros de texto o artículos de revistas (JSS, JOSS, R-Journal)');
  });

  it('does not split free-text titles or single answers that contain commas', () => {
    expect(splitMultiAnswers(answers('google_forms/cs50_2019_favorite_tv_shows_form_responses_1.csv', 1))).toBeNull();
    expect(splitMultiAnswers(answers('surveymonkey/fivethirtyeight_flying-etiquette.csv', 8))).toBeNull();
    expect(splitMultiAnswers(answers('surveymonkey/fivethirtyeight_comma-survey.csv', 1))).toBeNull();
  });
});

describe.skipIf(HAVE_REAL)('multi-select splitting on real answers', () => {
  it.skip(`skipped: ${REAL} is not present`, () => undefined);
});

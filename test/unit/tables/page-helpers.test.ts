import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Crosstab, SurveySummary, TableVariable } from '../../../src/contract/index.js';
import { folderOf, grouped, initialChoice, keepForWave, latestWave, suggestedFileName, toRequest } from '../../../renderer/features/tables/choice';
import { numbersFor, testSentence } from '../../../renderer/features/tables/words';

/** The Tables page's own choices and wording (renderer/features/tables), without a browser. */

const wave = (id: number, year: number | null) => ({ id, label: String(year ?? `w${id}`), year, rowCount: 10, columnCount: 3, importedAt: '', sourceFile: '' });
const survey = (id: number, waves: ReturnType<typeof wave>[]): SurveySummary => ({ id, name: `S${id}`, kind: 'survey', waves });
const variable = (name: string, extra: Partial<TableVariable> = {}): TableVariable => ({
  name,
  label: name,
  kind: 'single',
  role: 'none',
  categories: ['a', 'b'],
  nonSubstantive: [],
  asRow: true,
  asColumn: true,
  ...extra,
});

describe('choosing what the table shows', () => {
  it('starts at the latest wave (by year, then the newest import) of the first survey that has one', () => {
    expect(latestWave(survey(1, [wave(3, 2023), wave(4, 2024), wave(2, 2022)]))?.id).toBe(4);
    expect(latestWave(survey(1, [wave(3, null), wave(5, null)]))?.id).toBe(5);
    expect(initialChoice([survey(1, []), survey(2, [wave(7, 2021), wave(8, 2025)])])).toMatchObject({ surveyId: 2, waveId: 8, row: '', col: '', weight: '', comparison: 'holm' });
    expect(initialChoice([survey(1, [])])).toBeNull();
  });

  it('keeps the question, breakdown, weight and filters a new wave also has, and lets go of the rest', () => {
    const choice = { surveyId: 1, waveId: 2, row: 'q1', col: 'age', weight: 'raked', comparison: 'bh' as const, filters: [{ id: 1, column: 'sex', value: 'F' }, { id: 2, column: 'gone', value: 'x' }] };
    const kept = keepForWave(choice, [variable('q1'), variable('age'), variable('sex')], ['weight']);
    expect(kept).toMatchObject({ row: 'q1', col: 'age', weight: '', comparison: 'bh' });
    expect(kept.filters.map((f) => f.column)).toEqual(['sex']);
    // A multi-choice question cannot be a breakdown.
    expect(keepForWave(choice, [variable('q1'), variable('age', { asColumn: false })], []).col).toBe('');
  });

  it('asks for the table with unfinished filters left out and empty choices as none', () => {
    const request = toRequest({ surveyId: 1, waveId: 2, row: 'q1', col: '', weight: '', comparison: 'holm', filters: [{ id: 1, column: 'sex', value: '' }, { id: 2, column: 'ward', value: 'Castle' }] });
    expect(request).toEqual({ waveId: 2, row: 'q1', col: null, weight: null, where: [{ column: 'ward', value: 'Castle' }], comparison: 'holm' });
  });

  it('groups variables as questions, then characteristics, then places', () => {
    const groups = grouped([variable('ward', { kind: 'placed', role: 'locality' }), variable('q1'), variable('age', { role: 'demographic' }), variable('q2', { role: 'satisfaction' })]);
    expect(groups.map((g) => [g.group, g.variables.map((v) => v.name)])).toEqual([
      ['questions', ['q1', 'q2']],
      ['characteristics', ['age']],
      ['places', ['ward']],
    ]);
  });

  it('suggests a file name a file system accepts, in the project folder', () => {
    expect(suggestedFileName('Satisfaction: "overall" by Age/Sex', '2024', 'xlsx')).toBe('Satisfaction overall by Age Sex 2024.xlsx');
    expect(suggestedFileName('***', '', 'csv')).toBe('table.csv');
    expect(folderOf('C:\\Users\\jo\\survey.heard')).toBe('C:\\Users\\jo\\');
    expect(folderOf('/home/jo/survey.heard')).toBe('/home/jo/');
    expect(folderOf('survey.heard')).toBe('');
  });
});

describe('the test in words', () => {
  // Enough of i18next for the sentence: the key's English with its values put in.
  const english: Record<string, string> = {
    'tables.test.differ': 'Answers differ by {{by}}: {{method}} = {{statistic}}, df {{df}}, {{p}}.',
    'tables.test.noEvidence': 'No evidence that answers differ by {{by}}: {{method}} = {{statistic}}, df {{df}}, {{p}}.',
    'tables.test.raoScott': 'Rao–Scott χ²',
    'tables.test.pearson': 'Pearson χ²',
    'tables.test.pBelow': 'p < {{p}}',
    'tables.test.pEquals': 'p = {{p}}',
  };
  const t = ((key: string, values: Record<string, string> = {}) =>
    english[key]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')) as unknown as TFunction;
  const table = (test: Crosstab['test']) => ({ colLabel: 'Age band', test }) as Crosstab;
  const numbers = numbersFor(['en-GB']);

  it('says the answers differ when p is below 5%, naming the method, and rounds p below 0.001', () => {
    expect(testSentence(t, table({ method: 'Rao–Scott first-order chi-square', statistic: 41.234, df: 12, p: 0.00001 }), numbers)).toBe(
      'Answers differ by Age band: Rao–Scott χ² = 41.23, df 12, p < 0.001.',
    );
  });

  it('says there is no evidence of a difference otherwise', () => {
    expect(testSentence(t, table({ method: 'Pearson chi-square', statistic: 28.78, df: 24, p: 0.2291 }), numbers)).toBe(
      'No evidence that answers differ by Age band: Pearson χ² = 28.78, df 24, p = 0.229.',
    );
  });

  it('says nothing when there is no test or no breakdown', () => {
    expect(testSentence(t, table(null), numbers)).toBeNull();
    expect(testSentence(t, { colLabel: null, test: { method: 'Pearson chi-square', statistic: 1, df: 1, p: 0.5 } } as Crosstab, numbers)).toBeNull();
  });
});

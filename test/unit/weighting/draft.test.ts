import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/contract/index.js';
import {
  benchmarkFor,
  categoriesOf,
  cellKey,
  draftFromMarginsFile,
  emptyOptions,
  fillFromBenchmark,
  gridCells,
  nameProblem,
  parseFigure,
  problemsOf,
  toRakeRequest,
  type MarginCounts,
  type MarginDraft,
} from '../../../renderer/features/weighting/draft';

/** The Weighting page's own arithmetic and checks (renderer/features/weighting/draft.ts), without a browser. */

const column = (name: string, label: string, options: string[], nonSubstantive: string[] = []): ColumnInfo => ({
  name,
  label,
  type: 'single',
  role: 'demographic',
  position: 0,
  options,
  nonSubstantive,
});
const sex = column('sex', 'Sex', ['Female', 'Male', 'Prefer not to say'], ['Prefer not to say']);
const age = column('age_band', 'Age band', ['16-34', '35+']);
const columns = [sex, age];

const draft = (variables: string[], figures: Record<string, string>, unit: 'count' | 'percent' = 'count'): MarginDraft => ({
  id: variables.join('-'),
  variables,
  unit,
  figures,
  extra: variables.map(() => []),
  source: null,
});
const cellsOf = (d: MarginDraft) => gridCells(d.variables.map((v, i) => categoriesOf(columns.find((c) => c.name === v), [], d.extra[i])));
const noCounts = () => undefined;

describe('figures as typed', () => {
  it('reads thousands separators, spaces and a percent sign; refuses words; empty is null', () => {
    expect(parseFigure('9,800')).toBe(9800);
    expect(parseFigure(' 9 800 ')).toBe(9800);
    expect(parseFigure('14.5%')).toBe(14.5);
    expect(parseFigure('.5')).toBe(0.5);
    expect(parseFigure('')).toBeNull();
    expect(parseFigure(undefined)).toBeNull();
    expect(parseFigure('many')).toBeNaN();
    expect(parseFigure('-3')).toBeNaN();
    expect(parseFigure('1e3')).toBeNaN();
  });
});

describe('the grid', () => {
  it('lists substantive options, then other answers found, then categories a file brought; combinations first variable outermost', () => {
    expect(categoriesOf(sex, ['Male', 'Intersex', 'Prefer not to say'], ['Other'])).toEqual(['Female', 'Male', 'Intersex', 'Other']);
    expect(gridCells([['a', 'b'], ['x', 'y']])).toEqual([
      ['a', 'x'],
      ['a', 'y'],
      ['b', 'x'],
      ['b', 'y'],
    ]);
  });
});

describe('what stops a preview', () => {
  it('needs a margin, every figure, numbers, and someone in every category with a population', () => {
    const options = emptyOptions();
    expect(problemsOf([], options, cellsOf, noCounts)).toEqual([{ kind: 'noMargins' }]);
    expect(problemsOf([draft(['sex'], { [cellKey(['Female'])]: '10' })], options, cellsOf, noCounts)).toEqual([
      { kind: 'empty', margin: 'sex', count: 1, cell: ['Male'] },
    ]);
    expect(problemsOf([draft(['sex'], { [cellKey(['Female'])]: '10', [cellKey(['Male'])]: 'ten' })], options, cellsOf, noCounts)).toEqual([
      { kind: 'notNumber', margin: 'sex', cell: ['Male'] },
    ]);
    const counts: MarginCounts = { found: [['Female']], n: new Map([[cellKey(['Female']), 12]]) };
    const both = draft(['sex'], { [cellKey(['Female'])]: '10', [cellKey(['Male'])]: '9' });
    expect(problemsOf([both], options, cellsOf, () => counts)).toEqual([{ kind: 'noRespondents', margin: 'sex', cell: ['Male'] }]);
    // Merged: nobody there and no population either is fine.
    const merged = draft(['sex'], { [cellKey(['Female'])]: '19', [cellKey(['Male'])]: '0' });
    expect(problemsOf([merged], options, cellsOf, () => counts)).toEqual([]);
  });

  it('needs percentages to add up to 100 (give or take rounding), a total when all are percentages, and a cap above 1', () => {
    const off = draft(['sex'], { [cellKey(['Female'])]: '50', [cellKey(['Male'])]: '45' }, 'percent');
    expect(problemsOf([off], emptyOptions(), cellsOf, noCounts)).toEqual([{ kind: 'percentSum', margin: 'sex', sum: 95 }, { kind: 'percentTotal' }]);
    const rounded = draft(['sex'], { [cellKey(['Female'])]: '51.4', [cellKey(['Male'])]: '48.5' }, 'percent');
    expect(problemsOf([rounded], { ...emptyOptions(), percentTotal: '1,000' }, cellsOf, noCounts)).toEqual([]);
    expect(problemsOf([rounded], { ...emptyOptions(), percentTotal: '1000', trim: true, trimK: '1' }, cellsOf, noCounts)).toEqual([{ kind: 'trim' }]);
  });
});

describe('the request sent to the backend', () => {
  it('turns percentages into people using the first margin in counts, scaled to add to exactly 100', () => {
    const ageCounts = draft(['age_band'], { [cellKey(['16-34'])]: '400', [cellKey(['35+'])]: '600' });
    const sexShares = draft(['sex'], { [cellKey(['Female'])]: '51.4', [cellKey(['Male'])]: '48.5' }, 'percent');
    const request = toRakeRequest(7, [sexShares, ageCounts], { ...emptyOptions(), excludeMissing: true, trim: true, trimK: '5' }, cellsOf);
    expect(request.waveId).toBe(7);
    expect(request.baseWeight).toBeNull();
    expect(request.excludeMissing).toBe(true);
    expect(request.trim).toBe(5);
    const [sexMargin, ageMargin] = request.margins;
    expect(ageMargin).toEqual({ variables: ['age_band'], cells: [{ values: ['16-34'], population: 400 }, { values: ['35+'], population: 600 }] });
    expect(sexMargin!.cells[0]!.population).toBeCloseTo((1000 * 51.4) / 99.9, 9);
    expect(sexMargin!.cells.reduce((s, c) => s + c.population, 0)).toBeCloseTo(1000, 9);
  });

  it('uses the total given when every margin is in percentages, and the chosen starting weight', () => {
    const shares = draft(['sex'], { [cellKey(['Female'])]: '50', [cellKey(['Male'])]: '50' }, 'percent');
    const request = toRakeRequest(1, [shares], { ...emptyOptions(), percentTotal: '104,000', baseWeight: 'weight' }, cellsOf);
    expect(request.margins[0]!.cells.map((c) => c.population)).toEqual([52000, 52000]);
    expect(request.baseWeight).toBe('weight');
    expect(request.trim).toBeUndefined();
  });
});

describe('figures from files', () => {
  const benchmark = {
    file: 'population-benchmark.csv',
    characteristics: [{ name: 'Sex', cells: [{ category: 'female', population: 53 }, { category: 'Male', population: 50 }, { category: 'Other', population: 1 }] }],
  };

  it('finds a characteristic by the column’s name or label, and fills categories matched loosely, listing the rest', () => {
    const found = benchmarkFor(benchmark, sex)!;
    expect(found.name).toBe('Sex');
    const filled = fillFromBenchmark(draft(['sex'], {}), found, categoriesOf(sex), benchmark.file);
    expect(filled.figures).toEqual({ [cellKey(['Female'])]: '53', [cellKey(['Male'])]: '50', [cellKey(['Other'])]: '1' });
    expect(filled.extra).toEqual([['Other']]);
    expect(filled.source).toEqual({ kind: 'benchmark', file: 'population-benchmark.csv', filled: 2, of: 2 });
    expect(benchmarkFor(benchmark, age)).toBeUndefined();
  });

  it('makes a margin from a margins file over known questions, and says which names it does not know', () => {
    const made = draftFromMarginsFile(
      'm1',
      { variables: ['AGE_BAND', 'sex'], cells: [{ values: ['16-34', 'Female'], population: 5 }, { values: ['16-34', 'Non-binary'], population: 1 }] },
      columns,
      'age-sex.csv',
    );
    expect('draft' in made && made.draft).toMatchObject({
      variables: ['age_band', 'sex'],
      figures: { [cellKey(['16-34', 'Female'])]: '5', [cellKey(['16-34', 'Non-binary'])]: '1' },
      extra: [[], ['Non-binary']],
      source: { kind: 'file', file: 'age-sex.csv' },
    });
    expect(draftFromMarginsFile('m2', { variables: ['tenure'], cells: [{ values: ['Owned'], population: 1 }] }, columns, 'x.csv')).toEqual({ unknown: ['tenure'] });
  });
});

describe('a new weight’s name', () => {
  it('must be given, well formed, and not any weight’s or column’s name in any case', () => {
    expect(nameProblem('  ', [], columns)).toBe('empty');
    expect(nameProblem('-dash first', [], columns)).toBe('form');
    expect(nameProblem('x'.repeat(65), [], columns)).toBe('form');
    expect(nameProblem('Weight', ['weight'], columns)).toBe('taken');
    expect(nameProblem('SEX', [], columns)).toBe('column');
    expect(nameProblem('Ward and age 2023', ['weight'], columns)).toBeNull();
  });
});

import type { Benchmark, ColumnInfo, RakeMargin, RakeRequest } from '../../../src/contract/index.js';

/** How the figures of a margin are typed: numbers of people, or percentages of the population. */
export type MarginUnit = 'count' | 'percent';

/** Where a margin's figures last came from, to say so beside them. */
export type FigureSource =
  | { kind: 'benchmark'; file: string; filled: number; of: number; edited?: boolean }
  | { kind: 'file'; file: string; edited?: boolean }
  | null;

/** One margin as the user is building it: figures as typed, keyed by cellKey(values). */
export interface MarginDraft {
  id: string;
  /** One variable, or two interlocked (age band × sex); column names. */
  variables: string[];
  unit: MarginUnit;
  figures: Record<string, string>;
  /** Per variable, categories brought in by a file that are not answers in this wave (listed so they can be seen). */
  extra: string[][];
  source: FigureSource;
}

/** Respondents per combination of a margin's categories, as found in the wave (substantive answers only). */
export interface MarginCounts {
  /** Per variable, every category someone gave, in the order found. */
  found: string[][];
  n: Map<string, number>;
}

export interface WeightingOptions {
  baseWeight: string;
  excludeMissing: boolean;
  rescale: boolean;
  trim: boolean;
  trimK: string;
  /** The population the percentages describe, when no margin is in counts. */
  percentTotal: string;
}

export const NO_BASE_WEIGHT = '';

export function emptyOptions(): WeightingOptions {
  return { baseWeight: NO_BASE_WEIGHT, excludeMissing: false, rescale: false, trim: false, trimK: '5', percentTotal: '' };
}

export function cellKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** Column types whose answers are categories a population can be counted in. */
export function canBeMargin(column: ColumnInfo): boolean {
  return column.type === 'single' || column.type === 'likert';
}

/** A variable's categories for the grid: its substantive options, then other answers found, then any a file brought. */
export function categoriesOf(column: ColumnInfo | undefined, found: readonly string[] = [], extra: readonly string[] = []): string[] {
  const out: string[] = [];
  const add = (value: string) => {
    if (!out.includes(value)) out.push(value);
  };
  const skip = new Set(column?.nonSubstantive ?? []);
  for (const option of column?.options ?? []) if (!skip.has(option)) add(option);
  for (const value of found) if (!skip.has(value)) add(value);
  for (const value of extra) add(value);
  return out;
}

/** Every cell of a margin's grid: one per category, or per combination for two variables (first variable outermost). */
export function gridCells(categories: readonly string[][]): string[][] {
  return categories.reduce<string[][]>((cells, values) => cells.flatMap((cell) => values.map((v) => [...cell, v])), [[]]);
}

/** A figure as typed: "9,800", "9 800", "14.5%" and the like. NaN when it is not a number; null when empty. */
export function parseFigure(typed: string | undefined): number | null {
  const text = (typed ?? '').replace(/[\s,\u00a0%]/g, '');
  if (text === '') return null;
  return /^[+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

export function marginTotal(draft: MarginDraft, cells: readonly string[][]): number {
  return cells.reduce((sum, values) => {
    const value = parseFigure(draft.figures[cellKey(values)]);
    return value !== null && Number.isFinite(value) ? sum + value : sum;
  }, 0);
}

/** Categories compared loosely: case, spacing and the kind of apostrophe or dash do not matter. */
export function looseName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The benchmark's figures for a variable: named as its column (or its label), without regard to case. */
export function benchmarkFor(benchmark: Benchmark | null, column: ColumnInfo | undefined): Benchmark['characteristics'][number] | undefined {
  if (!benchmark || !column) return undefined;
  const names = [column.name, column.label].filter(Boolean).map(looseName);
  return benchmark.characteristics.find((c) => c.name === column.name) ?? benchmark.characteristics.find((c) => names.includes(looseName(c.name)));
}

/**
 * A one-variable margin filled from the benchmark: each category's population, matched by name. Benchmark
 * categories that are not answers in this wave become extra rows, so their population is seen rather than lost.
 */
export function fillFromBenchmark(
  draft: MarginDraft,
  characteristic: Benchmark['characteristics'][number],
  categories: readonly string[],
  file: string,
): MarginDraft {
  const figures: Record<string, string> = {};
  const extra: string[] = [];
  let filled = 0;
  for (const cell of characteristic.cells) {
    const match = categories.find((c) => c === cell.category) ?? categories.find((c) => looseName(c) === looseName(cell.category));
    if (match !== undefined) filled++;
    else extra.push(cell.category);
    figures[cellKey([match ?? cell.category])] = String(cell.population);
  }
  return { ...draft, unit: 'count', figures, extra: [extra], source: { kind: 'benchmark', file, filled, of: categories.length } };
}

/**
 * A margin made from a margins file (variable columns, then population). Returns null when the file's variables
 * are not columns of this wave that can be margins; the missing names are given instead.
 */
export function draftFromMarginsFile(
  id: string,
  margin: RakeMargin,
  columns: readonly ColumnInfo[],
  file: string,
): { draft: MarginDraft } | { unknown: string[] } {
  const named = margin.variables.map(
    (v) => columns.find((c) => c.name === v && canBeMargin(c)) ?? columns.find((c) => c.name.toLowerCase() === v.toLowerCase() && canBeMargin(c)),
  );
  const unknown = margin.variables.filter((_, i) => !named[i]);
  if (unknown.length > 0 || margin.variables.length > 2) return { unknown: unknown.length > 0 ? unknown : margin.variables.slice(2) };
  const variables = named.map((c) => c!.name);
  const known = named.map((c) => categoriesOf(c));
  const extra = variables.map(() => [] as string[]);
  const figures: Record<string, string> = {};
  for (const cell of margin.cells) {
    const values = cell.values.map((value, i) => {
      const match = known[i]!.find((c) => c === value) ?? known[i]!.find((c) => looseName(c) === looseName(value));
      if (match !== undefined) return match;
      if (!extra[i]!.includes(value)) extra[i]!.push(value);
      return value;
    });
    figures[cellKey(values)] = String(cell.population);
  }
  return { draft: { id, variables, unit: 'count', figures, extra, source: { kind: 'file', file } } };
}

export type DraftProblem =
  | { kind: 'noMargins' }
  | { kind: 'empty'; margin: string; count: number; cell: string[] }
  | { kind: 'notNumber'; margin: string; cell: string[] }
  | { kind: 'noRespondents'; margin: string; cell: string[] }
  | { kind: 'zeroTotal'; margin: string }
  | { kind: 'percentSum'; margin: string; sum: number }
  | { kind: 'percentTotal' }
  | { kind: 'trim' };

/** Percentages may add up to 100 give or take this (rounding in published tables); they are then scaled to 100. */
export const PERCENT_SLACK = 0.5;

/**
 * Everything that stops the margins being raked, in the order of the page (empty when they can go). `cellsOf`
 * gives a margin's grid; `countsOf` its respondents per cell, when known.
 */
export function problemsOf(
  drafts: readonly MarginDraft[],
  options: WeightingOptions,
  cellsOf: (draft: MarginDraft) => string[][],
  countsOf: (draft: MarginDraft) => MarginCounts | undefined,
): DraftProblem[] {
  if (drafts.length === 0) return [{ kind: 'noMargins' }];
  const problems: DraftProblem[] = [];
  for (const draft of drafts) {
    const cells = cellsOf(draft);
    const empty = cells.filter((values) => parseFigure(draft.figures[cellKey(values)]) === null);
    if (empty.length > 0) {
      problems.push({ kind: 'empty', margin: draft.id, count: empty.length, cell: empty[0]! });
      continue;
    }
    const notNumber = cells.find((values) => Number.isNaN(parseFigure(draft.figures[cellKey(values)])));
    if (notNumber) {
      problems.push({ kind: 'notNumber', margin: draft.id, cell: notNumber });
      continue;
    }
    const counts = countsOf(draft);
    if (counts) {
      for (const values of cells) {
        if ((counts.n.get(cellKey(values)) ?? 0) === 0 && parseFigure(draft.figures[cellKey(values)])! > 0) {
          problems.push({ kind: 'noRespondents', margin: draft.id, cell: values });
        }
      }
    }
    const total = marginTotal(draft, cells);
    if (!(total > 0)) problems.push({ kind: 'zeroTotal', margin: draft.id });
    else if (draft.unit === 'percent' && Math.abs(total - 100) > PERCENT_SLACK) problems.push({ kind: 'percentSum', margin: draft.id, sum: total });
  }
  if (drafts.every((d) => d.unit === 'percent') && !(Number(parseFigure(options.percentTotal)) > 0)) problems.push({ kind: 'percentTotal' });
  if (options.trim && !(Number(parseFigure(options.trimK)) > 1)) problems.push({ kind: 'trim' });
  return problems;
}

/**
 * The population that percentages are taken of: the first margin in counts (so every margin's total agrees with
 * it), or else the total the user gave.
 */
export function percentBase(drafts: readonly MarginDraft[], options: WeightingOptions, cellsOf: (draft: MarginDraft) => string[][]): number {
  const counted = drafts.find((d) => d.unit === 'count');
  return counted ? marginTotal(counted, cellsOf(counted)) : Number(parseFigure(options.percentTotal));
}

/** The request for the backend, once problemsOf() finds nothing. Percentages become people, scaled to add to 100. */
export function toRakeRequest(
  waveId: number,
  drafts: readonly MarginDraft[],
  options: WeightingOptions,
  cellsOf: (draft: MarginDraft) => string[][],
): RakeRequest {
  const base = percentBase(drafts, options, cellsOf);
  const margins: RakeMargin[] = drafts.map((draft) => {
    const cells = cellsOf(draft);
    const scale = draft.unit === 'percent' ? base / marginTotal(draft, cells) : 1;
    return {
      variables: draft.variables,
      cells: cells.map((values) => ({ values, population: parseFigure(draft.figures[cellKey(values)])! * scale })),
    };
  });
  const request: RakeRequest = {
    waveId,
    margins,
    baseWeight: options.baseWeight === NO_BASE_WEIGHT ? null : options.baseWeight,
    excludeMissing: options.excludeMissing,
    rescale: options.rescale,
  };
  if (options.trim) request.trim = Number(parseFigure(options.trimK));
  return request;
}

/** The backend's rule for a weight's name (src/contract/weighting.ts). */
export const WEIGHT_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,63}$/u;

export type NameProblem = 'empty' | 'form' | 'taken' | 'column';

export function nameProblem(name: string, weights: readonly string[], columns: readonly ColumnInfo[]): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (!WEIGHT_NAME.test(trimmed)) return 'form';
  const lower = trimmed.toLowerCase();
  if (weights.some((w) => w.toLowerCase() === lower)) return 'taken';
  if (columns.some((c) => c.name.toLowerCase() === lower)) return 'column';
  return null;
}

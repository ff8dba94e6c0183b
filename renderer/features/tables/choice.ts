import type { Comparison, CrosstabRequest, SurveySummary, TableVariable, WaveSummary } from '../../../src/contract/index.js';

/** One "only respondents whose X is Y"; `id` keeps React's keys steady while filters are added and removed. */
export interface FilterChoice {
  id: number;
  column: string;
  value: string;
}

/** What the form holds. Empty strings mean "not chosen" (no column variable, unweighted). */
export interface TableChoice {
  surveyId: number;
  waveId: number;
  row: string;
  col: string;
  weight: string;
  comparison: Comparison;
  filters: FilterChoice[];
}

export type TableField = 'row' | 'col' | `filter-${number}`;

/** The latest wave of a survey: the highest year, then the most recently imported. */
export function latestWave(survey: SurveySummary): WaveSummary | undefined {
  return [...survey.waves].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || b.id - a.id)[0];
}

/** The first survey that has a wave, at its latest wave; nothing chosen yet. */
export function initialChoice(surveys: readonly SurveySummary[]): TableChoice | null {
  for (const survey of surveys) {
    const wave = latestWave(survey);
    if (wave) return { surveyId: survey.id, waveId: wave.id, row: '', col: '', weight: '', comparison: 'holm', filters: [] };
  }
  return null;
}

/**
 * After the wave changes, keeps what the new wave also has (the same question, weight or filter by name) and lets
 * go of the rest, so moving from 2023 to 2024 keeps the table asked for.
 */
export function keepForWave(choice: TableChoice, variables: readonly TableVariable[], weights: readonly string[]): TableChoice {
  const has = (name: string, use: 'row' | 'col' | 'filter') =>
    variables.some((v) => v.name === name && (use === 'row' ? v.asRow : use === 'col' ? v.asColumn : true));
  return {
    ...choice,
    row: has(choice.row, 'row') ? choice.row : '',
    col: has(choice.col, 'col') ? choice.col : '',
    weight: weights.includes(choice.weight) ? choice.weight : '',
    filters: choice.filters.filter((f) => f.column === '' || has(f.column, 'filter')),
  };
}

/** The crosstab to ask for; filters not yet finished (no variable or no answer) are left out. */
export function toRequest(choice: TableChoice): CrosstabRequest & { where: { column: string; value: string }[] } {
  return {
    waveId: choice.waveId,
    row: choice.row,
    col: choice.col || null,
    weight: choice.weight || null,
    where: choice.filters.filter((f) => f.column && f.value).map(({ column, value }) => ({ column, value })),
    comparison: choice.comparison,
  };
}

export type VariableGroup = 'questions' | 'characteristics' | 'places';

/** Questions first, then what the respondent told about themselves, then where they live. */
export function groupOf(variable: TableVariable): VariableGroup {
  if (variable.kind === 'placed' || variable.role === 'locality') return 'places';
  if (variable.role === 'demographic') return 'characteristics';
  return 'questions';
}

export function grouped(variables: readonly TableVariable[]): { group: VariableGroup; variables: TableVariable[] }[] {
  const order: VariableGroup[] = ['questions', 'characteristics', 'places'];
  return order.map((group) => ({ group, variables: variables.filter((v) => groupOf(v) === group) })).filter((g) => g.variables.length > 0);
}

/** A file name for the export: the table's title and wave, with anything a file system might refuse left out. */
export function suggestedFileName(title: string, waveLabel: string, extension: string): string {
  const safe = `${title} ${waveLabel}`
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${safe || 'table'}.${extension}`;
}

/** The folder of a file path, in either style of separator. */
export function folderOf(file: string): string {
  const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return at > 0 ? file.slice(0, at + 1) : '';
}

import { HeardError, type ColumnRole } from '../contract/index.js';
import type { TableVariable, TableVariableKind } from '../contract/tables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { localityTable } from '../locality/attach.js';
import { themeVariables } from '../themes/theme-variables.js';

/**
 * A variable as a crosstab reads it: `sql` gives each respondent's raw answer as text (over the wave aliased `r`, and
 * the placed locality aliased `l` when `usesLocality`), and `categoriesOf` turns a raw answer into the categories it
 * counts in: none when it is blank or not substantive, one for a closed question, any number for a multi-choice one.
 */
export interface TableVariableSpec extends TableVariable {
  sql: string;
  usesLocality: boolean;
  categoriesOf(raw: string | null): readonly string[];
  /** The raw answers that count in `category` (for filters). */
  rawValuesOf(category: string): string[];
}

export const PLACED_WARD = 'placed:ward';
export const PLACED_DECILE = 'placed:decile';

const NONE: readonly string[] = [];

/** Every variable of a wave that a table can use, in question order, then coded free-text questions as themes, then the placed locality. */
export async function tableVariables(project: ProjectFile, waveId: number): Promise<TableVariableSpec[]> {
  const [wave] = await project.read('SELECT id FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const questions = await project.read(
    `SELECT name, label, type, role, options, non_substantive FROM questions
     WHERE wave_id = $1 AND type IN ('single', 'likert', 'multi') ORDER BY position`,
    [waveId],
  );
  const splits = await multiSplits(project, waveId);
  const variables = questions.map((q) => {
    const nonSubstantive = (q.non_substantive as string[]) ?? [];
    const base = {
      name: String(q.name),
      label: String(q.label),
      kind: q.type as TableVariableKind,
      role: q.role as ColumnRole,
      categories: ((q.options as string[]) ?? []).filter((o) => !nonSubstantive.includes(o)),
      nonSubstantive,
      sql: `CAST(r.${quoteIdent(String(q.name))} AS VARCHAR)`,
      usesLocality: false,
    };
    return q.type === 'multi' ? multiVariable(base, splits.get(base.name) ?? new Map()) : closedVariable(base);
  });
  return [...variables, ...(await themeVariables(project, waveId)), ...(await placedVariables(project, waveId))];
}

/** One variable by name, checked for the use asked of it. */
export function findTableVariable(variables: readonly TableVariableSpec[], name: string, use: 'row' | 'column'): TableVariableSpec {
  const found = variables.find((v) => v.name === name);
  if (!found) {
    const known = variables.map((v) => v.name).join(', ');
    throw new HeardError('not_found', `This wave has no question "${name}" that a table can use. Closed and multi-choice questions can: ${known || 'there are none'}.`);
  }
  if (use === 'column' && !found.asColumn) {
    throw new HeardError('bad_request', `"${name}" is a multi-choice question, so one respondent can be in several of its columns; use it as the row variable instead.`);
  }
  return found;
}

/** What the contract shows of a variable. */
export function describeVariable({ name, label, kind, role, categories, nonSubstantive, asRow, asColumn }: TableVariableSpec): TableVariable {
  return { name, label, kind, role, categories, nonSubstantive, asRow, asColumn };
}

type Base = Omit<TableVariableSpec, 'asRow' | 'asColumn' | 'categoriesOf' | 'rawValuesOf'>;

function substantiveTest(nonSubstantive: readonly string[]): (value: string | null) => value is string {
  const excluded = new Set(nonSubstantive);
  return (value): value is string => value !== null && value.trim() !== '' && !excluded.has(value);
}

function closedVariable(base: Base): TableVariableSpec {
  const substantive = substantiveTest(base.nonSubstantive);
  return {
    ...base,
    asRow: true,
    asColumn: true,
    categoriesOf: (raw) => (substantive(raw) ? [raw] : NONE),
    rawValuesOf: (category) => [category],
  };
}

/** A multi-choice answer is kept as written; multi_splits says which options each distinct answer ticks. */
function multiVariable(base: Base, splits: Map<string, string[]>): TableVariableSpec {
  const substantive = substantiveTest(base.nonSubstantive);
  const optionsOf = (raw: string | null) => (raw === null ? NONE : (splits.get(raw) ?? [raw]).filter(substantive));
  return {
    ...base,
    asRow: true,
    asColumn: false,
    categoriesOf: optionsOf,
    rawValuesOf: (category) => [...splits.keys()].filter((raw) => optionsOf(raw).includes(category)),
  };
}

async function multiSplits(project: ProjectFile, waveId: number): Promise<Map<string, Map<string, string[]>>> {
  const rows = await project.read('SELECT column_name, value, options FROM multi_splits WHERE wave_id = $1', [waveId]);
  const byColumn = new Map<string, Map<string, string[]>>();
  for (const r of rows) {
    const column = String(r.column_name);
    if (!byColumn.has(column)) byColumn.set(column, new Map());
    byColumn.get(column)!.set(String(r.value), r.options as string[]);
  }
  return byColumn;
}

/**
 * The ward and deprivation decile placed from postcodes (heard locality), when the wave has been placed. Wards are
 * read by code and shown by name (with the code where two wards share a name); respondents not placed are blank.
 */
async function placedVariables(project: ProjectFile, waveId: number): Promise<TableVariableSpec[]> {
  const table = localityTable(waveId);
  const [exists] = await project.read('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1', [table]);
  if (Number(exists!.n) === 0) return [];
  const wards = await project.read(
    `SELECT l.ward_code AS code, any_value(p.ward_name) AS name
     FROM (SELECT DISTINCT ward_code FROM ${quoteIdent(table)} WHERE ward_code IS NOT NULL) l
     LEFT JOIN lookup_postcodes p ON p.ward_code = l.ward_code GROUP BY ALL`,
  );
  const nameCount = new Map<string, number>();
  for (const w of wards) if (w.name !== null) nameCount.set(String(w.name), (nameCount.get(String(w.name)) ?? 0) + 1);
  const labelOf = new Map<string, string>();
  for (const w of wards) {
    const code = String(w.code);
    const name = w.name === null ? null : String(w.name);
    labelOf.set(code, name === null ? code : nameCount.get(name)! > 1 ? `${name} (${code})` : name);
  }
  const byLabel = new Map([...labelOf].map(([code, label]) => [label, code]));
  const [index] = await project.read('SELECT string_agg(DISTINCT index_name, \', \') AS name FROM lookup_deprivation');
  const indexName = index?.name ? String(index.name) : 'Deprivation';
  const deciles = Array.from({ length: 10 }, (_, i) => decileLabel(i + 1));
  const placed = { role: 'locality' as const, kind: 'placed' as const, nonSubstantive: [], asRow: true, asColumn: true, usesLocality: true };
  return [
    {
      ...placed,
      name: PLACED_WARD,
      label: 'Ward (from postcode)',
      categories: [...byLabel.keys()].sort((a, b) => a.localeCompare(b, 'en-GB')),
      sql: 'l.ward_code',
      categoriesOf: (raw) => (raw === null ? NONE : [labelOf.get(raw) ?? raw]),
      rawValuesOf: (category) => [byLabel.get(category) ?? category],
    },
    {
      ...placed,
      name: PLACED_DECILE,
      label: `${indexName} decile (from postcode)`,
      categories: deciles,
      sql: 'CAST(l.imd_decile AS VARCHAR)',
      categoriesOf: (raw) => (raw === null ? NONE : [decileLabel(Number(raw))]),
      rawValuesOf: (category) => {
        const i = deciles.indexOf(category);
        return [String(i >= 0 ? i + 1 : category)];
      },
    },
  ];
}

function decileLabel(decile: number): string {
  return decile === 1 ? '1 (most deprived)' : decile === 10 ? '10 (least deprived)' : String(decile);
}

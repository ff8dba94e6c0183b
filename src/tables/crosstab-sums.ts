import { HeardError } from '../contract/index.js';
import type { TableFilter } from '../contract/tables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';
import { localityTable } from '../locality/attach.js';
import type { WeightSql } from '../weighting/resolve-weight.js';
import type { TableVariableSpec } from './variables.js';

/** Respondents sharing one raw row answer, column answer and filter result: count, Σw and Σw² (what variances need). */
export interface AnswerGroup {
  row: string | null;
  col: string | null;
  inFilter: boolean;
  n: number;
  /** Respondents with a positive weight (R's degrees of freedom count only these). */
  nPositive: number;
  sumW: number;
  sumW2: number;
}

export interface WaveSums {
  groups: AnswerGroup[];
  /** Rows of the wave in the (weighted) design: the N of n/(n−1). */
  designRows: number;
  /** Rows a saved weight leaves out of its design (a raking could not place them). */
  outsideDesign: number;
  missingWeights: number;
  /** Answer groups holding a negative, NaN or infinite weight. */
  invalidGroups: number;
}

export interface SumsQuery {
  table: string;
  waveId: number;
  row: TableVariableSpec;
  col: TableVariableSpec | null;
  filters: { variable: TableVariableSpec; values: string[] }[];
  weight: WeightSql;
  /** Every row of the wave, in the design or not. */
  waveRows: number;
}

/**
 * One pass over the wave: GROUP BY the raw row answer, the raw column answer and (when there are filters) whether they
 * hold, summing counts, weights and squared weights over the rows in the weighted design. Classifying answers
 * (substantive, options of a multi-choice answer, labels) happens afterwards on the few distinct groups, so the query
 * stays a plain aggregate however the variables are defined. Filters are computed, not applied: every row of the
 * design still counts in N.
 */
export async function waveSums(project: ProjectFile, q: SumsQuery, signal?: AbortSignal): Promise<WaveSums> {
  const usesLocality = q.row.usesLocality || q.col?.usesLocality || q.filters.some((f) => f.variable.usesLocality);
  // The locality table has one row per respondent in row order (heard locality keeps everyone), so it lines up with
  // the wave by position, which DuckDB joins much faster than on _row.
  const localityJoin = usesLocality ? `POSITIONAL JOIN ${quoteIdent(localityTable(q.waveId))} l` : '';
  const filtered = q.filters.length > 0;
  // count(nullif(w, 0)) counts the positive weights once negative ones are ruled out (w_min below).
  const rows = await project.read(
    `SELECT rv, cv, ${filtered ? 'f,' : ''} count(*) AS n, count(w) AS n_w, count(nullif(w, 0)) AS n_pos, min(w) AS w_min,
            sum(w) AS sw, sum(w * w) AS sw2
     FROM (
       SELECT ${q.row.sql} AS rv, ${q.col ? q.col.sql : 'NULL::VARCHAR'} AS cv, ${filtered ? `${filterSql(q.filters)} AS f,` : ''} ${q.weight.expr} AS w
       FROM ${quoteIdent(q.table)} r ${q.weight.join} ${localityJoin}
       WHERE ${q.weight.where}
     ) GROUP BY ALL`,
    undefined,
    { signal },
  );
  const sums: WaveSums = { groups: [], designRows: 0, outsideDesign: 0, missingWeights: 0, invalidGroups: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    sums.missingWeights += n - Number(r.n_w);
    // A NaN or infinite weight makes the group's sum non-finite; a negative one shows in the minimum.
    if ((r.w_min !== null && Number(r.w_min) < 0) || !Number.isFinite(Number(r.sw ?? 0))) sums.invalidGroups += 1;
    sums.designRows += n;
    sums.groups.push({
      row: r.rv === null ? null : String(r.rv),
      col: r.cv === null ? null : String(r.cv),
      inFilter: !filtered || r.f === true,
      n,
      nPositive: Number(r.n_pos),
      sumW: Number(r.sw ?? 0),
      sumW2: Number(r.sw2 ?? 0),
    });
  }
  sums.outsideDesign = q.waveRows - sums.designRows;
  return sums;
}

/** How many respondents of the design have a negative, NaN or infinite weight (asked only once the sums show some). */
export async function countInvalidWeights(project: ProjectFile, table: string, weight: WeightSql): Promise<number> {
  const [row] = await project.read(
    `SELECT count(*) AS n FROM ${quoteIdent(table)} r ${weight.join} WHERE ${weight.where} AND (${weight.expr} < 0 OR NOT isfinite(${weight.expr}))`,
  );
  return Number(row!.n);
}

/** Filters on different variables must all hold; several values of one variable mean any of them. */
function filterSql(filters: SumsQuery['filters']): string {
  if (filters.length === 0) return 'TRUE';
  return filters
    .map(({ variable, values }) => (values.length === 0 ? 'FALSE' : `coalesce(${variable.sql} IN (${values.map(quoteLiteral).join(', ')}), FALSE)`))
    .join(' AND ');
}

/**
 * Groups `where` clauses by variable and turns each category into the raw answers that count in it. A value that is
 * neither a known answer nor found in the wave is refused, since a typo would otherwise give an empty table.
 */
export async function resolveFilters(
  project: ProjectFile,
  table: string,
  where: readonly TableFilter[],
  variables: readonly TableVariableSpec[],
): Promise<SumsQuery['filters']> {
  const byName = new Map<string, { variable: TableVariableSpec; values: string[] }>();
  for (const clause of where) {
    const variable = variables.find((v) => v.name === clause.column);
    if (!variable) throw new HeardError('not_found', `Cannot filter on "${clause.column}": this wave has no closed or multi-choice question of that name.`);
    const values = variable.rawValuesOf(clause.value);
    const known = variable.categories.includes(clause.value) || variable.nonSubstantive.includes(clause.value);
    if (!known && !(variable.kind !== 'placed' && (await answerExists(project, table, variable, values)))) {
      throw new HeardError(
        'bad_request',
        `Cannot filter on ${variable.name} = "${clause.value}": nobody gave that answer. Its answers are: ${[...variable.categories, ...variable.nonSubstantive].join('; ')}.`,
      );
    }
    const entry = byName.get(variable.name) ?? { variable, values: [] };
    entry.values.push(...values);
    byName.set(variable.name, entry);
  }
  return [...byName.values()];
}

async function answerExists(project: ProjectFile, table: string, variable: TableVariableSpec, values: string[]): Promise<boolean> {
  if (values.length === 0) return false;
  const rows = await project.read(`SELECT 1 FROM ${quoteIdent(table)} r WHERE ${variable.sql} IN (${values.map(quoteLiteral).join(', ')}) LIMIT 1`);
  return rows.length > 0;
}

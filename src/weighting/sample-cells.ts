import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';
import type { SampleCell } from './margins.js';
import type { WeightSql } from './resolve-weight.js';

/**
 * A respondent's value of a margin variable as raking compares it with the margins: text, blank as NULL. Whole
 * numbers in a numeric column read as written in a margins file ("2023", not DuckDB's "2023.0").
 */
export function keySql(column: string, type: string): string {
  const x = `r.${quoteIdent(column)}`;
  if (type === 'numeric') return `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END`;
  return `NULLIF(CAST(${x} AS VARCHAR), '')`;
}

/**
 * The wave's respondents grouped by every combination of the margin variables, with each cell's count and sum of
 * base weights: the one pass over the rows that raking needs. A base weight that is missing or negative is refused
 * (a raked weight must come from a real starting weight).
 */
export async function readSampleCells(
  tx: Tx,
  waveTable: string,
  keys: readonly string[],
  base: WeightSql,
  options: RunOptions = {},
): Promise<SampleCell[]> {
  const rows = await tx.read(
    `SELECT ${keys.map((key, i) => `${key} AS k${i}`).join(', ')}, count(*) AS n, sum(${base.expr}) AS base,
       count(*) FILTER (WHERE ${base.expr} IS NULL) AS base_missing,
       count(*) FILTER (WHERE ${base.expr} < 0) AS base_negative
     FROM ${quoteIdent(waveTable)} r ${base.join}
     GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`,
    undefined,
    { ...options, message: 'Counting respondents in each cell' },
  );
  const missing = rows.reduce((n, r) => n + Number(r.base_missing), 0);
  const negative = rows.reduce((n, r) => n + Number(r.base_negative), 0);
  if (missing > 0 || negative > 0) {
    const what = [missing > 0 ? `${missing} have none` : '', negative > 0 ? `${negative} have a negative one` : ''].filter(Boolean).join(' and ');
    throw new HeardError('bad_request', `Raking starts from the base weight "${base.name}", but ${what}. Choose another base weight or correct it.`);
  }
  return rows.map((r) => ({
    key: keys.map((_, i) => (r[`k${i}`] === null ? null : String(r[`k${i}`]))),
    rows: Number(r.n),
    base: Number(r.base),
  }));
}

/**
 * A VALUES table of cells, `c(k0, k1, …, <columns>)`, to join to the wave on the margin variables, carrying numbers
 * per cell. Numbers are written as text cast to DOUBLE so that DuckDB does not read them as DECIMAL and round them.
 */
export function cellTableSql(cells: readonly SampleCell[], columns: Record<string, ArrayLike<number>>): string {
  const names = Object.keys(columns);
  const rows = cells.map((cell, c) => {
    const keys = cell.key.map((k) => (k === null ? 'NULL' : quoteLiteral(k)));
    const numbers = names.map((name) => `CAST('${String(columns[name]![c])}' AS DOUBLE)`);
    return `(${[...keys, ...numbers].join(', ')})`;
  });
  const aliases = [...cells[0]!.key.map((_, i) => `k${i}`), ...names];
  return `(VALUES ${rows.join(', ')}) AS c(${aliases.join(', ')})`;
}

/** The join condition between the wave (`r`) and a cell table (`c`), given each variable's key (keySql). */
export function cellJoinSql(keys: readonly string[]): string {
  return keys.map((key, i) => `c.k${i} = ${key}`).join(' AND ');
}

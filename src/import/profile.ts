import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import type { ColumnProfile, LayoutColumn } from './types.js';
import { DATE_FORMATS } from './column-sql.js';
import { sourceColumn } from './read-csv-sql.js';

export const PROFILE_SAMPLE_ROWS = 20_000;
const TOP_VALUES = 60;

/**
 * Facts about each column for inference, from the first rows of the data (staged in a temp table). Inference only
 * needs to recognise what a column is; the complete option lists come from every row after the import.
 *
 * One statement: each column's answers are grouped once, and every fact is taken from the groups, so a closed
 * question's few distinct answers are parsed as numbers or dates a handful of times rather than once per row
 * (a statement of per-row aggregates plus a second for the top answers took three times as long).
 */
export async function profileColumns(tx: Tx, sampleTable: string, columns: LayoutColumn[]): Promise<ColumnProfile[]> {
  const table = quoteIdent(sampleTable);
  const [totals] = await tx.read(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  const rows = Number(totals!.n);
  // Grouped as written, then trimmed: trimming the few distinct answers is far cheaper than trimming every cell.
  const written = columns
    .map((column, i) => `SELECT ${i} AS i, ${quoteIdent(sourceColumn(column.source))} AS raw, count(*)::INTEGER AS n FROM ${table} GROUP BY 2`)
    .join(' UNION ALL ');
  const answers = `SELECT i, NULLIF(trim(raw), '') AS value, sum(n)::INTEGER AS n FROM (${written}) GROUP BY i, value HAVING value IS NOT NULL`;
  // Dates are only parsed where a value starts like one: parsing free text against each format is slow.
  // (CASE, not AND: DuckDB evaluates both sides of an AND.)
  const dateLike = `CASE WHEN regexp_matches(value, '^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}') THEN coalesce(TRY_CAST(value AS TIMESTAMP), try_strptime(value, [${DATE_FORMATS.map((f) => `'${f}'`).join(', ')}])) IS NOT NULL END`;
  const facts = await tx.read(
    `SELECT i,
       sum(n)::INTEGER AS answered,
       count(*)::INTEGER AS distinct_values,
       max(length(value))::INTEGER AS max_length,
       (sum(length(value) * n) / sum(n))::DOUBLE AS mean_length,
       coalesce(sum(n) FILTER (WHERE TRY_CAST(value AS DOUBLE) IS NOT NULL), 0)::INTEGER AS numeric,
       coalesce(sum(n) FILTER (WHERE ${dateLike}), 0)::INTEGER AS dates,
       list({'value': value, 'count': n} ORDER BY n DESC, value)[1:${TOP_VALUES}] AS top
     FROM (${answers}) GROUP BY i`,
  );
  const byColumn = new Map(facts.map((f) => [Number(f.i), f]));
  return columns.map((column, i): ColumnProfile => {
    const f = byColumn.get(i);
    const answered = f ? Number(f.answered) : 0;
    const top = (f?.top ?? []) as Array<{ value: string; count: number }>;
    return {
      name: column.name,
      label: column.label,
      rows,
      answered,
      distinct: f ? Number(f.distinct_values) : 0,
      maxLength: f ? Number(f.max_length) : 0,
      meanLength: f ? Number(f.mean_length) : 0,
      numericShare: answered ? Number(f!.numeric) / answered : 0,
      dateShare: answered ? Number(f!.dates) / answered : 0,
      top: top.map((t) => ({ value: String(t.value), count: Number(t.count) })),
    };
  });
}

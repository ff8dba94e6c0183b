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
 */
export async function profileColumns(tx: Tx, sampleTable: string, columns: LayoutColumn[]): Promise<ColumnProfile[]> {
  const table = quoteIdent(sampleTable);
  const [totals] = await tx.read(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  const rows = Number(totals!.n);
  // One scan for every column's counts, each cell trimmed once. Dates are only parsed where a value starts like one:
  // parsing every free-text answer against each format was most of the profiling time.
  const trimmed = columns.map((column, i) => {
    const c = quoteIdent(sourceColumn(column.source));
    return `NULLIF(trim(${c}), '') AS p${i}, length(${c}) AS l${i}`;
  });
  const parts = columns.map((_, i) => {
    const present = `p${i}`;
    const dateLike = `CASE WHEN regexp_matches(${present}, '^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}') THEN coalesce(TRY_CAST(${present} AS TIMESTAMP), try_strptime(${present}, [${DATE_FORMATS.map((f) => `'${f}'`).join(', ')}])) END`;
    return [
      `count(${present})::INTEGER AS a${i}`,
      `count(DISTINCT ${present})::INTEGER AS d${i}`,
      `coalesce(max(l${i}), 0)::INTEGER AS x${i}`,
      `coalesce(avg(length(${present})), 0)::DOUBLE AS m${i}`,
      `count(TRY_CAST(${present} AS DOUBLE))::INTEGER AS n${i}`,
      `count(${dateLike})::INTEGER AS t${i}`,
    ].join(', ');
  });
  const [stats] = await tx.read(`SELECT ${parts.join(', ')} FROM (SELECT ${trimmed.join(', ')} FROM ${table})`);
  // Every column's most common answers in one statement: a query per column cost more in round trips than in work.
  const tops = await tx.read(
    `SELECT i, value, n FROM (${columns
      .map((column, i) => {
        const present = `NULLIF(trim(${quoteIdent(sourceColumn(column.source))}), '')`;
        return `SELECT ${i} AS i, ${present} AS value, count(*)::INTEGER AS n FROM ${table} WHERE ${present} IS NOT NULL GROUP BY 2`;
      })
      .join(' UNION ALL ')}) QUALIFY row_number() OVER (PARTITION BY i ORDER BY n DESC, value) <= ${TOP_VALUES} ORDER BY i, n DESC, value`,
  );
  const profiles: ColumnProfile[] = [];
  for (const [i, column] of columns.entries()) {
    const top = tops.filter((t) => Number(t.i) === i);
    const answered = Number(stats![`a${i}`]);
    profiles.push({
      name: column.name,
      label: column.label,
      rows,
      answered,
      distinct: Number(stats![`d${i}`]),
      maxLength: Number(stats![`x${i}`]),
      meanLength: Number(stats![`m${i}`]),
      numericShare: answered ? Number(stats![`n${i}`]) / answered : 0,
      dateShare: answered ? Number(stats![`t${i}`]) / answered : 0,
      top: top.map((t) => ({ value: String(t.value), count: Number(t.n) })),
    });
  }
  return profiles;
}

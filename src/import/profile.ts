import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import type { ColumnProfile, LayoutColumn } from './types.js';
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
  const profiles: ColumnProfile[] = [];
  for (const column of columns) {
    const c = quoteIdent(sourceColumn(column.source));
    const present = `NULLIF(trim(${c}), '')`;
    const [stats] = await tx.read(`
      SELECT count(${present})::INTEGER AS answered,
             count(DISTINCT ${present})::INTEGER AS distinct_values,
             coalesce(max(length(${c})), 0)::INTEGER AS max_length,
             coalesce(avg(length(${present})), 0)::DOUBLE AS mean_length,
             count(TRY_CAST(${present} AS DOUBLE))::INTEGER AS numeric_cells,
             count(coalesce(TRY_CAST(${present} AS TIMESTAMP),
                   try_strptime(${present}, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %H:%M:%S'])))::INTEGER AS date_cells
      FROM ${table}`);
    const top = await tx.read(
      `SELECT ${present} AS value, count(*)::INTEGER AS n FROM ${table} WHERE ${present} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_VALUES}`,
    );
    const answered = Number(stats!.answered);
    profiles.push({
      name: column.name,
      label: column.label,
      rows,
      answered,
      distinct: Number(stats!.distinct_values),
      maxLength: Number(stats!.max_length),
      meanLength: Number(stats!.mean_length),
      numericShare: answered ? Number(stats!.numeric_cells) / answered : 0,
      dateShare: answered ? Number(stats!.date_cells) / answered : 0,
      top: top.map((t) => ({ value: String(t.value), count: Number(t.n) })),
    });
  }
  return profiles;
}

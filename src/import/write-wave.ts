import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';
import { compressionFor, flagExpression, flagReason, storageType, valueExpression } from './column-sql.js';
import { readCsvSql, type ReadCsvOptions } from './read-csv-sql.js';
import type { DescribedColumnModel, LayoutColumn } from './types.js';
import { splitMultiAnswers } from './infer/split-multi.js';

export interface PlannedColumn {
  layout: LayoutColumn;
  model: DescribedColumnModel;
}

export interface WaveWriteResult {
  rows: number;
  rejected: number;
  flagged: number;
  /** Final models: option lists completed from every row. */
  models: DescribedColumnModel[];
}

/**
 * Writes one wave in a single pass: INSERT … SELECT from read_csv into a table declared with each column's type and
 * compression, each column computed from its source text. read_csv keeps file order (preserve_insertion_order), so
 * the table's rowid is the respondent's row number.
 * Values that do not fit their type, and records DuckDB cannot read, are recorded rather than lost.
 */
export async function writeWave(
  tx: Tx,
  waveId: number,
  csv: Omit<ReadCsvOptions, 'rejects'>,
  columns: PlannedColumn[],
  options: RunOptions,
): Promise<WaveWriteResult> {
  const table = quoteIdent(`wave_${waveId}`);
  const rejects = { table: `rejects_${waveId}`, scan: `rejects_scan_${waveId}` };
  const declared: string[] = [];
  const select: string[] = [];
  const flags: Array<{ alias: string; column: PlannedColumn }> = [];
  columns.forEach((column, i) => {
    const compression = compressionFor(column.model);
    declared.push(`${quoteIdent(column.model.name)} ${storageType(column.model)}${compression ? ` USING COMPRESSION ${compression}` : ''}`);
    select.push(valueExpression(column.model, column.layout.source));
    const flag = flagExpression(column.model, column.layout.source);
    if (flag) {
      const alias = `__flag_${i}`;
      declared.push(`${quoteIdent(alias)} VARCHAR`);
      select.push(flag);
      flags.push({ alias, column });
    }
  });
  await tx.run(`CREATE TABLE ${table} (${declared.join(', ')})`);
  await tx.run(`INSERT INTO ${table} SELECT ${select.join(', ')} FROM ${readCsvSql({ ...csv, rejects })}`, undefined, {
    ...options,
    message: 'Reading responses',
  });

  // Rows not yet committed have offset rowids; the base turns them into row numbers that match after commit.
  const [scan] = await tx.read(
    `SELECT ${['coalesce(min(rowid), 0) AS base', 'count(*)::BIGINT AS n', ...flags.map(({ alias }, i) => `count(${quoteIdent(alias)})::INTEGER AS f${i}`)].join(', ')} FROM ${table}`,
  );
  const rowBase = scan!.base as bigint | number;
  const closed = columns.map((c) => c.model).filter((m) => m.type === 'single' || m.type === 'likert' || m.type === 'multi');
  const seen = await answersSeen(tx, table, closed.map((m) => m.name));
  let flagged = 0;
  for (const [i, { alias, column }] of flags.entries()) {
    const n = Number(scan![`f${i}`]);
    if (n > 0) {
      await tx.run(
        `INSERT INTO flagged_values (wave_id, _row, column_name, raw, reason)
         SELECT $1, rowid - $2, $3, ${quoteIdent(alias)}, $4 FROM ${table} WHERE ${quoteIdent(alias)} IS NOT NULL`,
        [waveId, rowBase, column.model.name, flagReason(column.model)],
      );
    }
    flagged += n;
    await tx.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(alias)}`);
  }

  await tidyClosedAnswers(tx, table, seen);
  const models: DescribedColumnModel[] = [];
  for (const { model } of columns) {
    const values = seen.get(model.name);
    models.push(values ? await completeOptions(tx, waveId, table, rowBase, model, values, (n) => (flagged += n)) : model);
  }

  await tx.run(
    `INSERT INTO import_rejects (wave_id, line, column_name, reason, raw)
     SELECT $1, line, column_name, error_type || ': ' || error_message, csv_line FROM ${quoteIdent(rejects.table)}`,
    [waveId],
  );
  // One unreadable record can raise several errors; it is one rejected row.
  const [rejected] = await tx.read('SELECT count(DISTINCT line)::INTEGER AS n FROM import_rejects WHERE wave_id = $1', [waveId]);
  return { rows: Number(scan!.n), rejected: Number(rejected!.n), flagged, models };
}

/**
 * Completes a closed question's options from every row. Answers off a recognised scale stay in the cell as
 * written and are flagged for the user; a category list simply grows (most frequent first after the known ones).
 */
async function completeOptions(
  tx: Tx,
  waveId: number,
  table: string,
  rowBase: bigint | number,
  model: DescribedColumnModel,
  values: AnswerCount[],
  countFlagged: (n: number) => void,
): Promise<DescribedColumnModel> {
  const c = quoteIdent(model.name);

  if (model.type === 'multi') {
    const split = splitMultiAnswers(values, model.separator ? [model.separator] : undefined);
    if (!split) return { ...model, type: 'text', options: [] };
    for (const [value, parts] of split.splits) {
      await tx.run(
        `INSERT INTO multi_splits VALUES ($1, $2, $3, [${parts.map(quoteLiteral).join(', ')}]::VARCHAR[])`,
        [waveId, model.name, value],
      );
    }
    return { ...model, separator: split.separator, options: merge(model.options, split.options) };
  }
  if (model.type === 'likert' && model.options.length > 0) {
    const known = new Set(model.options);
    const off = values.filter((v) => !known.has(v.value)).map((v) => v.value);
    if (off.length > 0) {
      await tx.run(
        `INSERT INTO flagged_values (wave_id, _row, column_name, raw, reason)
         SELECT $1, rowid - $2, $3, ${c}, 'not one of the answers on this scale' FROM ${table}
         WHERE ${c} IN (${off.map(quoteLiteral).join(', ')})`,
        [waveId, rowBase, model.name],
      );
      countFlagged(values.filter((v) => !known.has(v.value)).reduce((n, v) => n + v.count, 0));
    }
    return model;
  }
  return { ...model, options: merge(model.options, values.map((v) => v.value)) };
}

interface AnswerCount {
  value: string;
  count: number;
}

/**
 * Every answer given to each of these columns, with its count, most frequent first (ties in DuckDB's text order). One
 * statement of per-column GROUP BYs: DuckDB runs them as one plan, twice as fast as histogram() on a wave still inside
 * its transaction, and a statement per column cost a scan each.
 */
async function answersSeen(tx: Tx, table: string, names: string[]): Promise<Map<string, AnswerCount[]>> {
  const seen = new Map<string, AnswerCount[]>(names.map((name) => [name, []]));
  if (names.length === 0) return seen;
  const rows = await tx.read(
    `SELECT i, value, n FROM (${names
      .map((name, i) => `SELECT ${i} AS i, ${quoteIdent(name)} AS value, count(*)::INTEGER AS n FROM ${table} WHERE ${quoteIdent(name)} IS NOT NULL GROUP BY 2`)
      .join(' UNION ALL ')}) ORDER BY i, n DESC, value`,
  );
  for (const row of rows) seen.get(names[Number(row.i)]!)!.push({ value: String(row.value), count: Number(row.n) });
  return seen;
}

/**
 * "Very satisfied " must match its option, and a cell of spaces is no answer. Only columns where some answer is
 * untidy are rewritten (rare), and only their counts are taken again.
 */
async function tidyClosedAnswers(tx: Tx, table: string, seen: Map<string, AnswerCount[]>): Promise<void> {
  const untidy = [...seen].filter(([, values]) => values.some((v) => isUntidy(v.value))).map(([name]) => name);
  if (untidy.length === 0) return;
  for (const name of untidy) {
    const c = quoteIdent(name);
    await tx.run(`UPDATE ${table} SET ${c} = NULLIF(trim(${c}), '') WHERE ${c} <> trim(${c}) OR ${c} = ''`);
  }
  for (const [name, values] of await answersSeen(tx, table, untidy)) seen.set(name, values);
}

/** Leading or trailing spaces, or nothing but spaces: what DuckDB's trim() would change. */
function isUntidy(value: string): boolean {
  return value === '' || value.startsWith(' ') || value.endsWith(' ');
}

function merge(known: readonly string[], seen: readonly string[]): string[] {
  const out = [...known];
  for (const value of seen) if (!out.includes(value)) out.push(value);
  return out;
}

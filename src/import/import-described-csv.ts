import path from 'node:path';
import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { enumType, quoteIdent, quoteLiteral } from '../engine/sql.js';
import type { DescribedColumn } from '../sample/manifest.js';

export interface DescribedWave {
  surveyId: number;
  label: string;
  year: number | null;
  file: string;
  columns: DescribedColumn[];
}

/**
 * Imports a CSV whose layout is already known (one header row, every column described), inside the caller's
 * transaction. Closed questions become ENUM columns in scale order, so a value outside the described options
 * fails the import with the column named, rather than slipping through as free text.
 */
export async function importDescribedCsv(tx: Tx, wave: DescribedWave, options: RunOptions = {}): Promise<number> {
  const [created] = await tx.read("SELECT nextval('wave_id_seq') AS id");
  const waveId = Number(created!.id);
  const table = `wave_${waveId}`;
  const staging = `staging_${waveId}`;

  await tx.run(
    `CREATE TEMP TABLE ${quoteIdent(staging)} AS SELECT * FROM read_csv(${quoteLiteral(wave.file)},
       header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', normalize_names = false)`,
    undefined,
    { ...options, message: `Reading ${path.basename(wave.file)}` },
  );
  const headers = (await tx.read(`SELECT column_name FROM (DESCRIBE ${quoteIdent(staging)})`)).map((r) => String(r.column_name));
  checkHeaders(wave, headers);

  const select = wave.columns.map((column, i) => `${castExpression(column, quoteIdent(headers[i]!))} AS ${quoteIdent(column.name)}`);
  // rowids of rows not yet committed are offset, so _row is renumbered densely from 0 in file order.
  try {
    await tx.run(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT row_number() OVER (ORDER BY rowid) - 1 AS _row, ${select.join(', ')} FROM ${quoteIdent(staging)} ORDER BY rowid`,
      undefined,
      { ...options, message: 'Storing responses' },
    );
  } catch (err) {
    if (err instanceof HeardError) throw err;
    throw new HeardError('invalid_file', `${path.basename(wave.file)} has a value Heard was not told to expect.`, {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  const [count] = await tx.read(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  await tx.run(`DROP TABLE ${quoteIdent(staging)}`);
  await tx.run(
    'INSERT INTO waves (id, survey_id, label, year, table_name, source_file, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [waveId, wave.surveyId, wave.label, wave.year, table, path.basename(wave.file), Number(count!.n)],
  );
  for (const [position, column] of wave.columns.entries()) {
    await tx.run(
      `INSERT INTO questions (wave_id, position, name, label, source_header, type, role, options, non_substantive, pair)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${listLiteral(column.options)}, ${listLiteral(column.nonSubstantive)}, $8)`,
      [waveId, position, column.name, column.label, column.header, column.type, column.role, column.pair ?? null],
    );
  }
  return waveId;
}

function checkHeaders(wave: DescribedWave, headers: string[]): void {
  const file = path.basename(wave.file);
  if (headers.length !== wave.columns.length) {
    throw new HeardError('invalid_file', `${file} has ${headers.length} columns; ${wave.columns.length} were described.`);
  }
  wave.columns.forEach((column, i) => {
    if (headers[i] !== column.header) {
      throw new HeardError('invalid_file', `${file}, column ${i + 1}: expected the heading "${column.header}" but found "${headers[i]}".`);
    }
  });
}

function castExpression(column: DescribedColumn, source: string): string {
  switch (column.type) {
    case 'numeric':
    case 'weight':
      return `CAST(${source} AS DOUBLE)`;
    case 'date':
      return `CAST(${source} AS DATE)`;
    case 'likert':
    case 'single':
      return column.options.length > 0 ? `CAST(${source} AS ${enumType(column.options)})` : source;
    default:
      return source;
  }
}

function listLiteral(values: readonly string[]): string {
  return values.length === 0 ? 'CAST([] AS VARCHAR[])' : `[${values.map(quoteLiteral).join(', ')}]`;
}

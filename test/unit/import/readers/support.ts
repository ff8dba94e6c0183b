import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, expect } from 'vitest';
import { HeardError } from '../../../../src/contract/index.js';
import type { CsvDialect, DecodedTable } from '../../../../src/import/types.js';

/** ../shared/fixtures/real beside the repository: present on developers' machines and CI, absent in a user's clone. */
export const REAL_FIXTURES = path.resolve(__dirname, '../../../../..', 'shared', 'fixtures', 'real');
export const HAS_REAL_FIXTURES = fs.existsSync(REAL_FIXTURES);
export const NO_FIXTURES_REASON = 'skipped: ../shared/fixtures/real is not present (a user\'s clone does not have it)';

let connection: Promise<DuckDBConnection> | undefined;
function duck(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  return connection;
}
afterAll(async () => {
  if (connection) (await connection).closeSync();
});

/**
 * Reads a reader's csvPath the way the pipeline does: every cell as text, DuckDB's NULL (an empty field) as ''.
 * `extra` adds read_csv options, e.g. null_padding for a source with ragged rows.
 */
export async function duckRows(table: Pick<DecodedTable, 'csvPath' | 'dialect'>, extra = ''): Promise<string[][]> {
  const conn = await duck();
  const sql = `SELECT * FROM read_csv(${literal(table.csvPath)}, header = false, all_varchar = true, delim = ${literal(table.dialect.delimiter)},
    quote = ${literal(table.dialect.quote)}, escape = ${literal(table.dialect.escape)}${extra ? `, ${extra}` : ''})`;
  const result = await conn.runAndReadAll(sql);
  return result.getRows().map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export async function expectHeardError(promise: Promise<unknown>, code: string, message: RegExp): Promise<HeardError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HeardError);
  expect((err as HeardError).code).toBe(code);
  expect((err as HeardError).message).toMatch(message);
  return err as HeardError;
}

/** A CSV text in RFC 4180 form, for building sources. */
export function toCsv(rows: string[][], dialect: Pick<CsvDialect, 'delimiter'> = { delimiter: ',' }, newline = '\n'): string {
  const special = new RegExp(`["\\r\\n${dialect.delimiter === '\t' ? '\\t' : escapeRegExp(dialect.delimiter)}]`);
  return rows.map((row) => row.map((cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(dialect.delimiter)).join(newline) + newline;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pads rows to the widest, as DuckDB (with null_padding) and the preview both do. */
export function padded(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

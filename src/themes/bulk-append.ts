import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';

export type ColumnKind = 'bigint' | 'integer' | 'double' | 'varchar' | 'boolean';
type Cell = number | string | boolean | null;

const SQL_TYPE: Record<ColumnKind, string> = { bigint: 'BIGINT', integer: 'INTEGER', double: 'DOUBLE', varchar: 'VARCHAR', boolean: 'BOOLEAN' };

/**
 * Writes many rows into a fresh temporary table of the transaction through DuckDB's appender (one statement's worth of
 * work instead of one INSERT per row), for an INSERT … SELECT from it. The caller drops it (or lets the connection go).
 */
export async function stageRows(tx: Tx, name: string, columns: readonly [string, ColumnKind][], rows: Iterable<readonly Cell[]>): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} (${columns.map(([c, k]) => `${quoteIdent(c)} ${SQL_TYPE[k]}`).join(', ')})`);
  const appender = await tx.connection.createAppender(name, 'main', 'temp');
  try {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const v = row[i];
        if (v === null || v === undefined) {
          appender.appendNull();
          continue;
        }
        switch (columns[i]![1]) {
          case 'bigint':
            appender.appendBigInt(BigInt(v as number));
            break;
          case 'integer':
            appender.appendInteger(v as number);
            break;
          case 'double':
            appender.appendDouble(v as number);
            break;
          case 'boolean':
            appender.appendBoolean(v as boolean);
            break;
          default:
            appender.appendVarchar(String(v));
        }
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

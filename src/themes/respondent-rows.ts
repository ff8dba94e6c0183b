import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { stageRows } from './bulk-append.js';
import { responseIdSql, type TextQuestion } from './question.js';

/** Maps respondent ids (as text) to wave rows; without an id column, ids are 1-based row numbers. */
export async function rowsById(tx: Tx, q: TextQuestion, ids: readonly string[]): Promise<Map<string, number>> {
  await stageRows(tx, 'wanted_ids', [['id', 'varchar']], ids.map((id) => [id]));
  const rows = await tx.read(
    `SELECT w.id, r.rowid AS _row FROM wanted_ids w JOIN ${quoteIdent(q.table)} r ON trim(${responseIdSql(q)}) = w.id`,
  );
  await tx.run('DROP TABLE wanted_ids');
  return new Map(rows.map((r) => [String(r.id), Number(r._row)]));
}

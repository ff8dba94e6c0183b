import { HeardError } from '../contract/index.js';
import type { CodedQuestion } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';

type Reader = Pick<ProjectFile, 'read'> | Tx;

/** A free-text question of a wave as the coding reads it: its wave table, label, and respondent-id column if any. */
export interface TextQuestion extends CodedQuestion {
  table: string;
  label: string;
  rows: number;
  idColumn: string | null;
}

/** Checks the question exists and is free text; every themes method starts here. */
export async function textQuestion(db: Reader, { waveId, question }: CodedQuestion): Promise<TextQuestion> {
  const [wave] = await db.read('SELECT table_name, row_count FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const [q] = await db.read('SELECT label, type FROM questions WHERE wave_id = $1 AND name = $2', [waveId, question]);
  if (!q) throw new HeardError('not_found', `Wave ${waveId} has no question "${question}".`);
  if (q.type !== 'text') throw new HeardError('bad_request', `"${question}" is not a free-text question (it is ${String(q.type)}), so it cannot be coded into themes.`);
  const [id] = await db.read("SELECT name FROM questions WHERE wave_id = $1 AND role = 'respondent_id' ORDER BY position LIMIT 1", [waveId]);
  return { waveId, question, table: String(wave.table_name), label: String(q.label), rows: Number(wave.row_count), idColumn: id ? String(id.name) : null };
}

/** SQL for the answer text of each row (`_row`, `text`), blanks left out, in row order. */
export function answersSql(q: TextQuestion): string {
  return `SELECT rowid AS _row, CAST(${quoteIdent(q.question)} AS VARCHAR) AS text FROM ${quoteIdent(q.table)}
          WHERE trim(coalesce(CAST(${quoteIdent(q.question)} AS VARCHAR), '')) <> '' ORDER BY rowid`;
}

/** SQL for a row's respondent id as text (the row number, 1-based, when the wave has no id column). */
export function responseIdSql(q: TextQuestion, alias = 'r'): string {
  return q.idColumn ? `CAST(${alias}.${quoteIdent(q.idColumn)} AS VARCHAR)` : `CAST(${alias}.rowid + 1 AS VARCHAR)`;
}

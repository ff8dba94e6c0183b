import type { CodedQuestion } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { integerList } from '../engine/sql.js';

/**
 * The coding audit log and undo. Every change to codes records, under one audit id, the rows it touched and the codes
 * and review state those rows had before (written with INSERT … SELECT, so a change to 100,000 rows snapshots in one
 * statement). Undo puts those rows back as they were and brings back or retires the themes the change retired or made.
 */

export interface AuditEntry {
  action: string;
  summary: string;
  who?: string | null;
  question?: CodedQuestion | null;
  codeframeId?: number | null;
  /** Themes to bring back (restore) or retire on undo. */
  undoThemes?: { restore: number[]; retire: number[] } | null;
  undoable?: boolean;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<number> {
  const [row] = await tx.read(
    `INSERT INTO coding_audit (wave_id, question, codeframe_id, action, summary, who, undo_themes, undoable)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      entry.question?.waveId ?? null,
      entry.question?.question ?? null,
      entry.codeframeId ?? null,
      entry.action,
      entry.summary,
      entry.who ?? null,
      entry.undoThemes ? JSON.stringify(entry.undoThemes) : null,
      entry.undoable ?? false,
    ],
  );
  return Number(row!.id);
}

/**
 * Keeps, for undo, the codes and review state of the rows of `question` selected by `rowsSql` (a query returning
 * `_row`), as they are now. Call before changing them.
 */
export async function snapshotRows(tx: Tx, auditId: number, question: CodedQuestion, rowsSql: string, params: unknown[] = []): Promise<void> {
  const p = params.length;
  const args = [...params, auditId, question.waveId, question.question] as never[];
  const [a, w, q] = [`$${p + 1}`, `$${p + 2}`, `$${p + 3}`];
  await tx.run(
    `INSERT INTO coding_undo_rows SELECT ${a}, ${w}, ${q}, s._row, cr.reviewed
     FROM (SELECT DISTINCT _row FROM (${rowsSql})) s
     LEFT JOIN coded_responses cr ON cr.wave_id = ${w} AND cr.question = ${q} AND cr._row = s._row`,
    args,
  );
  await tx.run(
    `INSERT INTO coding_undo_codes SELECT $1, c.wave_id, c.question, c._row, c.theme_id, c.present, c.source, c.confidence, c.coder, c.coded_at
     FROM codes c SEMI JOIN coding_undo_rows u ON u.audit_id = $1 AND u._row = c._row AND u.wave_id = c.wave_id AND u.question = c.question
     WHERE c.wave_id = $2 AND c.question = $3`,
    [auditId, question.waveId, question.question],
  );
}

/** How many of a question's changes stay undoable; older undo data is dropped so repeated auto-coding cannot pile up. */
export const UNDO_DEPTH = 20;

/** Drops the undo data of this question's changes beyond the latest UNDO_DEPTH undoable ones (the log keeps them). */
export async function pruneUndo(tx: Tx, question: CodedQuestion): Promise<void> {
  const old = await tx.read(
    `SELECT id FROM coding_audit WHERE wave_id = $1 AND question = $2 AND undoable AND NOT undone ORDER BY id DESC OFFSET ${UNDO_DEPTH}`,
    [question.waveId, question.question],
  );
  if (old.length === 0) return;
  const ids = integerList(old.map((r) => Number(r.id)));
  await tx.run(`UPDATE coding_audit SET undoable = false WHERE list_contains(${ids}, id)`);
  await tx.run(`DELETE FROM coding_undo_rows WHERE list_contains(${ids}, audit_id)`);
  await tx.run(`DELETE FROM coding_undo_codes WHERE list_contains(${ids}, audit_id)`);
}

/** The latest change to this question (or to its codeframe) that can still be undone. */
export async function latestUndoable(db: Pick<ProjectFile, 'read'> | Tx, question: CodedQuestion): Promise<{ id: number; summary: string } | null> {
  const [row] = await db.read(
    `SELECT id, summary FROM coding_audit
     WHERE undoable AND NOT undone
       AND ((wave_id = $1 AND question = $2)
         OR (wave_id IS NULL AND codeframe_id = (SELECT codeframe_id FROM coded_questions WHERE wave_id = $1 AND question = $2)))
     ORDER BY id DESC LIMIT 1`,
    [question.waveId, question.question],
  );
  return row ? { id: Number(row.id), summary: String(row.summary) } : null;
}

/** Undoes one audit entry: the touched rows get back their codes and review state; retired themes come back. */
export async function undoEntry(tx: Tx, auditId: number, who: string | null, question: CodedQuestion): Promise<string> {
  const [entry] = await tx.read('SELECT summary, undo_themes FROM coding_audit WHERE id = $1', [auditId]);
  await tx.run(
    `DELETE FROM codes c USING (SELECT DISTINCT wave_id, question, _row FROM coding_undo_rows WHERE audit_id = $1) u
     WHERE c.wave_id = u.wave_id AND c.question = u.question AND c._row = u._row`,
    [auditId],
  );
  await tx.run(
    `INSERT INTO codes SELECT wave_id, question, _row, theme_id, present, source, confidence, coder, coded_at
     FROM coding_undo_codes WHERE audit_id = $1`,
    [auditId],
  );
  await tx.run(
    `UPDATE coded_responses cr SET reviewed = coalesce(u.reviewed, false)
     FROM coding_undo_rows u WHERE u.audit_id = $1 AND cr.wave_id = u.wave_id AND cr.question = u.question AND cr._row = u._row`,
    [auditId],
  );
  const themes = entry?.undo_themes ? (JSON.parse(String(entry.undo_themes)) as { restore: number[]; retire: number[] }) : null;
  if (themes?.restore.length) await tx.run(`UPDATE themes SET retired = false WHERE list_contains(${integerList(themes.restore)}, id)`);
  if (themes?.retire.length) await tx.run(`UPDATE themes SET retired = true WHERE list_contains(${integerList(themes.retire)}, id)`);
  await tx.run('UPDATE coding_audit SET undone = true WHERE id = $1', [auditId]);
  // The undo data has done its job; the log keeps the entry, marked undone.
  await tx.run('DELETE FROM coding_undo_rows WHERE audit_id = $1', [auditId]);
  await tx.run('DELETE FROM coding_undo_codes WHERE audit_id = $1', [auditId]);
  const summary = String(entry?.summary ?? '');
  await recordAudit(tx, { action: 'undo', summary: `Undid: ${summary}`, who, question });
  return summary;
}

export async function history(project: ProjectFile, question: CodedQuestion, limit: number) {
  const rows = await project.read(
    `SELECT id, strftime(logged_at, '%Y-%m-%dT%H:%M:%S') AS logged_at, who, action, summary, undone FROM coding_audit
     WHERE (wave_id = $1 AND question = $2)
        OR (wave_id IS NULL AND codeframe_id = (SELECT codeframe_id FROM coded_questions WHERE wave_id = $1 AND question = $2))
     ORDER BY id DESC LIMIT $3`,
    [question.waveId, question.question, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), at: String(r.logged_at), who: r.who === null ? null : String(r.who), action: String(r.action), summary: String(r.summary), undone: Boolean(r.undone) }));
}

import { HeardError } from '../contract/index.js';
import type { CodedQuestion, ReviewItem } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { pruneUndo, recordAudit, snapshotRows } from './audit.js';
import { activeThemes } from './codeframe-store.js';
import { codedResponses } from './codes-read.js';
import { requireCodeframe } from './question-coding.js';
import { textQuestion } from './question.js';

/**
 * The review queue: responses no person has finished, least certain first (certainty is the auto-coding's distance
 * from a coin toss on its least sure theme), so people spend their time where the machine is weakest. One top-1 query
 * over coded_responses and one lookup of that row, so the next response comes back in a few milliseconds.
 */
export async function reviewNext(project: ProjectFile, request: CodedQuestion & { skip: number[] }): Promise<ReviewItem> {
  const q = await textQuestion(project, request);
  await requireCodeframe(project, q);
  const skip = `[${request.skip.map((r) => Math.trunc(r)).join(',')}]::BIGINT[]`;
  const [next] = await project.read(
    `SELECT _row, count(*) OVER () AS remaining FROM coded_responses
     WHERE wave_id = $1 AND question = $2 AND NOT reviewed AND NOT list_contains(${skip}, _row)
     ORDER BY certainty ASC NULLS LAST, _row LIMIT 1`,
    [q.waveId, q.question],
  );
  if (!next) return { response: null, remaining: 0 };
  const [response] = await codedResponses(project, q, [Number(next._row)]);
  return { response: response ?? null, remaining: Number(next.remaining) };
}

/**
 * A person's decisions on one response. Each decision replaces any earlier human decision on that theme (the rule or
 * model code stays beside it, for the agreement figures); with `done`, auto codes not decided are accepted as human and
 * the response leaves the queue. One undoable audit entry.
 */
export async function decide(
  project: ProjectFile,
  request: CodedQuestion & { row: number; decisions: { themeId: number; present: boolean }[]; done: boolean; who?: string | undefined },
): Promise<ReviewItem> {
  const q = await textQuestion(project, request);
  await project.write(async (tx) => {
    const codeframeId = await requireCodeframe(tx, q);
    const themes = new Map((await activeThemes(tx, codeframeId)).map((t) => [t.id, t]));
    const [exists] = await tx.read('SELECT reviewed FROM coded_responses WHERE wave_id = $1 AND question = $2 AND _row = $3', [q.waveId, q.question, request.row]);
    if (!exists) throw new HeardError('not_found', `Row ${request.row} of "${q.question}" has no answer to code.`);
    for (const d of request.decisions) {
      if (!themes.has(d.themeId)) throw new HeardError('bad_request', `Theme ${d.themeId} is not in this question's codeframe.`);
    }
    const words = request.decisions.map((d) => `${d.present ? '+' : '−'}${themes.get(d.themeId)!.code}`);
    const summary = `Row ${request.row + 1}: ${[...words, ...(request.done ? ['reviewed'] : [])].join(' ') || 'no change'}`;
    const auditId = await recordAudit(tx, { action: 'review', summary, who: request.who, question: q, undoable: true });
    await snapshotRows(tx, auditId, q, 'SELECT $1::BIGINT AS _row', [request.row]);
    await applyDecisions(tx, q, request.row, request.decisions, request.who ?? null);
    if (request.done) await finishReview(tx, q, `SELECT $3::BIGINT AS _row`, [request.row], request.who ?? null);
    await pruneUndo(tx, q);
  });
  const [response] = await codedResponses(project, q, [request.row]);
  const [left] = await project.read('SELECT count(*) AS n FROM coded_responses WHERE wave_id = $1 AND question = $2 AND NOT reviewed', [q.waveId, q.question]);
  return { response: response ?? null, remaining: Number(left!.n) };
}

async function applyDecisions(tx: Tx, q: CodedQuestion, row: number, decisions: readonly { themeId: number; present: boolean }[], who: string | null): Promise<void> {
  for (const d of decisions) {
    await tx.run("DELETE FROM codes WHERE wave_id = $1 AND question = $2 AND _row = $3 AND theme_id = $4 AND source = 'human'", [q.waveId, q.question, row, d.themeId]);
    await tx.run(
      "INSERT INTO codes (wave_id, question, _row, theme_id, present, source, confidence, coder) VALUES ($1, $2, $3, $4, $5, 'human', 1, $6)",
      [q.waveId, q.question, row, d.themeId, d.present, who],
    );
  }
}

/**
 * Marks rows (a query on $3… returning `_row`) reviewed: their auto codes without a human decision become human
 * codes, so what the person saw and accepted is what stands.
 */
export async function finishReview(tx: Tx, q: CodedQuestion, rowsSql: string, params: unknown[], who: string | null): Promise<void> {
  const args = [q.waveId, q.question, ...params, who] as never[];
  const whoParam = `$${args.length}`;
  await tx.run(
    `INSERT INTO codes (wave_id, question, _row, theme_id, present, source, confidence, coder)
     SELECT DISTINCT a.wave_id, a.question, a._row, a.theme_id, true, 'human', 1, ${whoParam} FROM codes a
     WHERE a.wave_id = $1 AND a.question = $2 AND a.source <> 'human' AND a.present AND a._row IN (${rowsSql})
       AND NOT EXISTS (SELECT 1 FROM codes h WHERE h.wave_id = a.wave_id AND h.question = a.question AND h._row = a._row
                       AND h.theme_id = a.theme_id AND h.source = 'human')`,
    args,
  );
  await tx.run(`UPDATE coded_responses SET reviewed = true WHERE wave_id = $1 AND question = $2 AND _row IN (${rowsSql})`, args.slice(0, -1));
}

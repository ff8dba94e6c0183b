import type { CodedQuestion } from '../contract/themes.js';
import type { Tx } from '../engine/project-file.js';
import { stageRows } from './bulk-append.js';
import { answersSql, type TextQuestion } from './question.js';
import { sentimentOf } from './sentiment.js';
import { readResponse } from './text.js';

/**
 * Makes sure every response with text has its row in coded_responses (language and sentiment, worked out once), so
 * summaries, the review queue and the table variables read them rather than recomputing.
 */
export async function ensureResponses(tx: Tx, q: TextQuestion): Promise<void> {
  const missing = await tx.read(
    `SELECT a._row, a.text FROM (${answersSql(q)}) a
     ANTI JOIN coded_responses cr ON cr.wave_id = $1 AND cr.question = $2 AND cr._row = a._row`,
    [q.waveId, q.question],
  );
  if (missing.length === 0) return;
  const rows = missing.map((r) => {
    const text = readResponse(String(r.text));
    const { sentiment, score } = sentimentOf(text.words, text.language);
    return [Number(r._row), text.language, sentiment, score] as const;
  });
  await stageRows(tx, 'new_responses', [['_row', 'bigint'], ['language', 'varchar'], ['sentiment', 'varchar'], ['score', 'double']], rows);
  await tx.run(
    `INSERT INTO coded_responses (wave_id, question, _row, language, sentiment, sentiment_score, certainty, reviewed)
     SELECT $1, $2, _row, language, sentiment, score, NULL, false FROM new_responses`,
    [q.waveId, q.question],
  );
  await tx.run('DROP TABLE new_responses');
}

/** The codeframe a question is coded with, or null. */
export async function codeframeOf(tx: Pick<Tx, 'read'>, q: CodedQuestion): Promise<number | null> {
  const [row] = await tx.read('SELECT codeframe_id FROM coded_questions WHERE wave_id = $1 AND question = $2', [q.waveId, q.question]);
  return row ? Number(row.codeframe_id) : null;
}

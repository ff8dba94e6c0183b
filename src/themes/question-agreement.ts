import type { Agreement } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { codingAgreement } from '../stats/agreement.js';
import type { TextQuestion } from './question.js';

type Reader = Pick<ProjectFile, 'read'> | Tx;

/**
 * How well the auto-coding agrees with people on the responses people have reviewed: the rule and model codes each
 * response had, against the person's final codes. Auto codes of a reviewed response are never rewritten (auto-coding
 * skips responses with a human code), so this compares with what the machine said before it was corrected.
 */
export async function questionAgreement(db: Reader, q: TextQuestion): Promise<Agreement> {
  const rows = await db.read(
    `SELECT cr._row, c.source = 'human' AS human, t.code FROM coded_responses cr
     JOIN coded_questions q ON q.wave_id = cr.wave_id AND q.question = cr.question
     LEFT JOIN codes c ON c.wave_id = cr.wave_id AND c.question = cr.question AND c._row = cr._row AND c.present
     LEFT JOIN themes t ON t.id = c.theme_id AND t.codeframe_id = q.codeframe_id AND NOT t.retired
     WHERE cr.wave_id = $1 AND cr.question = $2 AND cr.reviewed AND cr.certainty IS NOT NULL`,
    [q.waveId, q.question],
  );
  const themes = await db.read(
    'SELECT t.code FROM themes t JOIN coded_questions q ON q.codeframe_id = t.codeframe_id WHERE q.wave_id = $1 AND q.question = $2 AND NOT t.retired ORDER BY t.position, t.id',
    [q.waveId, q.question],
  );
  const auto = new Map<number, Set<string>>();
  const human = new Map<number, Set<string>>();
  for (const r of rows) {
    const row = Number(r._row);
    if (!auto.has(row)) [auto.set(row, new Set()), human.set(row, new Set())];
    if (r.code === null) continue;
    (r.human ? human : auto).get(row)!.add(String(r.code));
  }
  const order = [...auto.keys()].sort((a, b) => a - b);
  return codingAgreement(order.map((r) => auto.get(r)!), order.map((r) => human.get(r)!), themes.map((t) => String(t.code)));
}

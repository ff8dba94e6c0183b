import type { Progress } from '../contract/index.js';
import type { ApplyResult, CodedQuestion } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { cancelled } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';
import { pruneUndo, recordAudit, snapshotRows } from './audit.js';
import { buildCoder, codeText, type TrainingResponse } from './auto-code.js';
import { stageRows } from './bulk-append.js';
import { activeThemes } from './codeframe-store.js';
import { themeCounts } from './codes-read.js';
import { requireCodeframe } from './question-coding.js';
import { ensureResponses } from './responses-store.js';
import { textQuestion, type TextQuestion } from './question.js';

export interface ApplyOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: Progress) => void) | undefined;
}

/**
 * Auto-codes every response no person has coded: their earlier rule and model codes are replaced, in one transaction
 * (a failure or cancellation leaves the codes as they were), and the change can be undone. Responses a person has
 * reviewed or coded are left alone; the reviewed ones train the classifier when asked.
 */
export async function applyCoding(
  project: ProjectFile,
  request: CodedQuestion & { trainFromHuman: boolean; threshold?: number | undefined; who?: string | undefined },
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const started = performance.now();
  const q = await textQuestion(project, request);
  const { signal, onProgress } = options;
  let codeframeId = 0;
  const outcome = await project.write(async (tx) => {
    codeframeId = await requireCodeframe(tx, q);
    await ensureResponses(tx, q);
    const themes = await activeThemes(tx, codeframeId);
    onProgress?.({ done: 0, total: 3, message: 'Learning from the coded responses' });
    const training = request.trainFromHuman ? await humanTraining(tx, q, themes) : [];
    const coder = buildCoder(themes, training);
    if (signal?.aborted) throw cancelled();

    onProgress?.({ done: 1, total: 3, message: 'Coding' });
    const targets = await tx.read(
      `SELECT cr._row, CAST(r.${quoteIdent(q.question)} AS VARCHAR) AS text FROM coded_responses cr
       JOIN ${quoteIdent(q.table)} r ON r.rowid = cr._row
       WHERE cr.wave_id = $1 AND cr.question = $2 AND NOT cr.reviewed
         AND NOT EXISTS (SELECT 1 FROM codes h WHERE h.wave_id = cr.wave_id AND h.question = cr.question AND h._row = cr._row AND h.source = 'human')
       ORDER BY cr._row`,
      [q.waveId, q.question],
    );
    const codes: [number, number, string, number][] = [];
    const certainty: [number, number][] = [];
    // The same words get the same codes: campaign responses and one-word answers are coded once.
    const seen = new Map<string, ReturnType<typeof codeText>>();
    for (let i = 0; i < targets.length; i++) {
      if (i % 5000 === 0 && signal?.aborted) throw cancelled();
      const row = Number(targets[i]!._row);
      const text = String(targets[i]!.text);
      let coded = seen.get(text);
      if (!coded) seen.set(text, (coded = codeText(coder, text, request.threshold)));
      certainty.push([row, coded.certainty]);
      for (const c of coded.codes) codes.push([row, c.themeId, c.source, c.confidence]);
    }

    onProgress?.({ done: 2, total: 3, message: 'Saving the codes' });
    const summary = `Auto-coded ${targets.length} responses (${coder.modelThemes.length ? `rules and a model for ${coder.modelThemes.length} themes` : 'rules only'})`;
    const auditId = await recordAudit(tx, { action: 'apply', summary, who: request.who, question: q, undoable: true });
    await stageRows(tx, 'apply_rows', [['_row', 'bigint'], ['certainty', 'double']], certainty);
    await snapshotRows(tx, auditId, q, 'SELECT _row FROM apply_rows');
    await tx.run(`DELETE FROM codes WHERE wave_id = $1 AND question = $2 AND source <> 'human' AND _row IN (SELECT _row FROM apply_rows)`, [q.waveId, q.question]);
    await stageRows(tx, 'apply_codes', [['_row', 'bigint'], ['theme_id', 'integer'], ['source', 'varchar'], ['confidence', 'double']], codes);
    await tx.run(
      `INSERT INTO codes (wave_id, question, _row, theme_id, present, source, confidence, coder)
       SELECT $1, $2, _row, theme_id, true, source, confidence, $3 FROM apply_codes`,
      [q.waveId, q.question, request.who ?? 'auto-coding'],
    );
    await tx.run(
      `UPDATE coded_responses cr SET certainty = a.certainty FROM apply_rows a WHERE cr.wave_id = $1 AND cr.question = $2 AND cr._row = a._row`,
      [q.waveId, q.question],
    );
    await tx.run('DROP TABLE apply_rows');
    await tx.run('DROP TABLE apply_codes');
    await pruneUndo(tx, q);
    if (signal?.aborted) throw cancelled();
    const [all] = await tx.read('SELECT count(*) AS n FROM coded_responses WHERE wave_id = $1 AND question = $2', [q.waveId, q.question]);
    return {
      coded: targets.length,
      human: Number(all!.n) - targets.length,
      model: { trained: coder.modelThemes.length > 0, examples: training.length, themes: themes.filter((t) => coder.modelThemes.includes(t.id)).map((t) => t.code) },
    };
  });
  onProgress?.({ done: 3, total: 3 });
  return { ...outcome, counts: await themeCounts(project, q, codeframeId), ms: Math.round(performance.now() - started) };
}

/**
 * What people decided: every reviewed response with its human-coded themes (the rest count as absent), plus each
 * theme's examples as responses carrying that theme alone.
 */
async function humanTraining(tx: Tx, q: TextQuestion, themes: Awaited<ReturnType<typeof activeThemes>>): Promise<TrainingResponse[]> {
  const rows = await tx.read(
    `SELECT cr._row, CAST(r.${quoteIdent(q.question)} AS VARCHAR) AS text,
            list(c.theme_id) FILTER (c.theme_id IS NOT NULL) AS themes
     FROM coded_responses cr JOIN ${quoteIdent(q.table)} r ON r.rowid = cr._row
     LEFT JOIN codes c ON c.wave_id = cr.wave_id AND c.question = cr.question AND c._row = cr._row AND c.source = 'human' AND c.present
     WHERE cr.wave_id = $1 AND cr.question = $2 AND cr.reviewed
     GROUP BY ALL ORDER BY cr._row`,
    [q.waveId, q.question],
  );
  const active = new Set(themes.map((t) => t.id));
  const training: TrainingResponse[] = rows.map((r) => ({ text: String(r.text), themes: new Set(((r.themes as number[] | null) ?? []).map(Number).filter((id) => active.has(id))) }));
  for (const t of themes) for (const example of t.examples) training.push({ text: example, themes: new Set([t.id]), example: true });
  return training;
}

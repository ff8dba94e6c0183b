import { HeardError } from '../contract/index.js';
import type { CodedQuestion, QuestionCoding } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { latestUndoable, recordAudit } from './audit.js';
import { listCodeframes } from './codeframe-store.js';
import { EFFECTIVE_CODES, themeCounts } from './codes-read.js';
import { questionAgreement } from './question-agreement.js';
import { codeframeOf, ensureResponses } from './responses-store.js';
import { textQuestion, type TextQuestion } from './question.js';

type Reader = Pick<ProjectFile, 'read'> | Tx;

export async function requireCodeframe(db: Reader, q: CodedQuestion): Promise<number> {
  const id = await codeframeOf(db, q);
  if (id === null) throw new HeardError('bad_request', `"${q.question}" has no codeframe yet. Choose or import one first.`);
  return id;
}

/** Codes a question with a codeframe (replacing the one it had: codes of the old one stay, unused, for undo). */
export async function attachCodeframe(project: ProjectFile, request: CodedQuestion & { codeframeId: number }, who?: string | null): Promise<QuestionCoding> {
  const q = await textQuestion(project, request);
  await project.write(async (tx) => {
    const [frame] = await tx.read('SELECT name FROM codeframes WHERE id = $1', [request.codeframeId]);
    if (!frame) throw new HeardError('not_found', `There is no codeframe ${request.codeframeId} in this project.`);
    await tx.run('DELETE FROM coded_questions WHERE wave_id = $1 AND question = $2', [q.waveId, q.question]);
    await tx.run('INSERT INTO coded_questions VALUES ($1, $2, $3)', [q.waveId, q.question, request.codeframeId]);
    await ensureResponses(tx, q);
    await recordAudit(tx, { action: 'attach', summary: `Coded "${q.label}" with codeframe "${String(frame.name)}"`, who, question: q, codeframeId: request.codeframeId });
  });
  return questionSummary(project, request);
}

/** Everything the Themes page shows about a coded (or not yet coded) question. */
export async function questionSummary(project: ProjectFile, request: CodedQuestion): Promise<QuestionCoding> {
  const q = await textQuestion(project, request);
  const codeframeId = await codeframeOf(project, q);
  const [stats] = await project.read(
    `SELECT count(*) AS responses, count(*) FILTER (reviewed) AS reviewed, count(*) FILTER (language = 'cy') AS welsh,
            count(*) FILTER (sentiment = 'positive') AS positive, count(*) FILTER (sentiment = 'neutral') AS neutral,
            count(*) FILTER (sentiment = 'negative') AS negative,
            (SELECT count(DISTINCT _row) FROM (${EFFECTIVE_CODES})) AS coded
     FROM coded_responses WHERE wave_id = $1 AND question = $2`,
    [q.waveId, q.question],
  );
  const responses = codeframeId === null ? await textCount(project, q) : Number(stats!.responses);
  const frames = await listCodeframes(project);
  return {
    waveId: q.waveId,
    question: q.question,
    label: q.label,
    rows: q.rows,
    responses,
    codeframe: frames.find((f) => f.id === codeframeId) ?? null,
    coded: Number(stats!.coded),
    reviewed: Number(stats!.reviewed),
    welsh: Number(stats!.welsh),
    sentiment: { positive: Number(stats!.positive), neutral: Number(stats!.neutral), negative: Number(stats!.negative) },
    counts: codeframeId === null ? [] : await themeCounts(project, q, codeframeId),
    agreement: await questionAgreement(project, q),
    undo: (await latestUndoable(project, q))?.summary ?? null,
  };
}

async function textCount(db: Reader, q: TextQuestion): Promise<number> {
  const col = quoteIdent(q.question);
  const [row] = await db.read(`SELECT count(*) AS n FROM ${quoteIdent(q.table)} WHERE trim(coalesce(CAST(${col} AS VARCHAR), '')) <> ''`);
  return Number(row!.n);
}

/** The free-text questions of a wave, in question order, with how far each is coded. */
export async function themeQuestions(project: ProjectFile, waveId: number) {
  const [wave] = await project.read('SELECT id FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const questions = await project.read("SELECT name FROM questions WHERE wave_id = $1 AND type = 'text' AND role = 'none' ORDER BY position", [waveId]);
  const out = [];
  for (const row of questions) {
    const q = await textQuestion(project, { waveId, question: String(row.name) });
    const [s] = await project.read(
      `SELECT (SELECT codeframe_id FROM coded_questions WHERE wave_id = $1 AND question = $2) AS codeframe_id,
              (SELECT count(DISTINCT _row) FROM (${EFFECTIVE_CODES})) AS coded,
              (SELECT count(*) FROM coded_responses WHERE wave_id = $1 AND question = $2 AND reviewed) AS reviewed`,
      [waveId, q.question],
    );
    out.push({
      question: q.question,
      label: q.label,
      responses: await textCount(project, q),
      codeframeId: s!.codeframe_id === null ? null : Number(s!.codeframe_id),
      coded: Number(s!.coded),
      reviewed: Number(s!.reviewed),
    });
  }
  return out;
}

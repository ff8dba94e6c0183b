import type { CodedResponse, Language, ResponseCode, Sentiment, ThemeCount } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { responseIdSql, type TextQuestion } from './question.js';

type Reader = Pick<ProjectFile, 'read'> | Tx;

/**
 * The codes that count for a question ($1 wave, $2 question): a person's decision on a (row, theme) when there is
 * one, otherwise the rule or model code; only the active themes of the question's codeframe. Columns: _row, theme_id,
 * source.
 */
export const EFFECTIVE_CODES = `
  SELECT c._row, c.theme_id, c.source FROM codes c
  JOIN coded_questions q ON q.wave_id = c.wave_id AND q.question = c.question
  JOIN themes t ON t.id = c.theme_id AND t.codeframe_id = q.codeframe_id AND NOT t.retired
  WHERE c.wave_id = $1 AND c.question = $2 AND c.present
    AND (c.source = 'human' OR NOT EXISTS (
      SELECT 1 FROM codes h WHERE h.wave_id = c.wave_id AND h.question = c.question AND h._row = c._row
        AND h.theme_id = c.theme_id AND h.source = 'human'))`;

/** Effective codes with each net also carrying the rows of the themes inside it. */
export const EFFECTIVE_CODES_WITH_NETS = `
  WITH eff AS (${EFFECTIVE_CODES})
  SELECT _row, theme_id, source FROM eff
  UNION ALL
  SELECT e._row, p.id, e.source FROM eff e
  JOIN themes t ON t.id = e.theme_id
  JOIN themes p ON p.codeframe_id = t.codeframe_id AND p.code = t.parent AND NOT p.retired`;

/** Responses carrying each theme (nets count a response once however many of their themes it has). */
export async function themeCounts(db: Reader, q: TextQuestion, codeframeId: number): Promise<ThemeCount[]> {
  const rows = await db.read(
    `WITH x AS (${EFFECTIVE_CODES_WITH_NETS}),
     n AS (SELECT theme_id, count(DISTINCT _row) AS n,
                  count(DISTINCT _row) FILTER (source = 'rule') AS rule,
                  count(DISTINCT _row) FILTER (source = 'model') AS model,
                  count(DISTINCT _row) FILTER (source = 'human') AS human
           FROM x GROUP BY theme_id)
     SELECT t.id, t.code, t.name, t.parent, coalesce(n.n, 0) AS n, coalesce(n.rule, 0) AS rule, coalesce(n.model, 0) AS model,
            coalesce(n.human, 0) AS human,
            (SELECT count(*) FROM coded_responses WHERE wave_id = $1 AND question = $2) AS responses
     FROM themes t LEFT JOIN n ON n.theme_id = t.id
     WHERE t.codeframe_id = $3 AND NOT t.retired ORDER BY t.position, t.id`,
    [q.waveId, q.question, codeframeId],
  );
  return rows.map((r) => ({
    themeId: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    parent: r.parent === null ? null : String(r.parent),
    n: Number(r.n),
    pct: Number(r.responses) > 0 ? (100 * Number(r.n)) / Number(r.responses) : 0,
    bySource: { rule: Number(r.rule), model: Number(r.model), human: Number(r.human) },
  }));
}

/** Responses with their text, language, sentiment and every code (human decisions and auto codes), by row. */
export async function codedResponses(db: Reader, q: TextQuestion, rows: readonly number[]): Promise<CodedResponse[]> {
  if (rows.length === 0) return [];
  const list = `[${rows.map((r) => Math.trunc(r)).join(',')}]::BIGINT[]`;
  const base = await db.read(
    `SELECT r.rowid AS _row, ${responseIdSql(q)} AS response_id, CAST(r.${quoteIdent(q.question)} AS VARCHAR) AS text,
            cr.language, cr.sentiment, cr.certainty, cr.reviewed
     FROM ${quoteIdent(q.table)} r
     JOIN coded_responses cr ON cr.wave_id = $1 AND cr.question = $2 AND cr._row = r.rowid
     WHERE list_contains(${list}, r.rowid)`,
    [q.waveId, q.question],
  );
  const codes = await db.read(
    `SELECT c._row, c.theme_id, t.code, t.name, c.present, c.source, c.confidence, c.coder,
            strftime(c.coded_at, '%Y-%m-%dT%H:%M:%S') AS at
     FROM codes c
     JOIN coded_questions q ON q.wave_id = c.wave_id AND q.question = c.question
     JOIN themes t ON t.id = c.theme_id AND t.codeframe_id = q.codeframe_id AND NOT t.retired
     WHERE c.wave_id = $1 AND c.question = $2 AND list_contains(${list}, c._row)
     ORDER BY c._row, t.position, t.id, c.source = 'human' DESC`,
    [q.waveId, q.question],
  );
  const byRow = new Map<number, ResponseCode[]>();
  for (const c of codes) {
    const row = Number(c._row);
    const list = byRow.get(row) ?? [];
    // The human decision comes first in the order above and wins; the auto code it overrides is not shown.
    if (list.some((x) => x.themeId === Number(c.theme_id))) continue;
    list.push({
      themeId: Number(c.theme_id),
      code: String(c.code),
      name: String(c.name),
      present: Boolean(c.present),
      source: c.source as ResponseCode['source'],
      confidence: c.confidence === null ? null : Number(c.confidence),
      who: c.coder === null ? null : String(c.coder),
      at: c.at === null ? null : String(c.at),
    });
    byRow.set(row, list);
  }
  const found = new Map(base.map((r) => [Number(r._row), r]));
  return rows.flatMap((row) => {
    const r = found.get(row);
    if (!r) return [];
    return [{
      row,
      responseId: r.response_id === null ? null : String(r.response_id),
      text: String(r.text ?? ''),
      language: r.language as Language,
      sentiment: r.sentiment as Sentiment,
      certainty: r.certainty === null ? null : Number(r.certainty),
      reviewed: Boolean(r.reviewed),
      codes: byRow.get(row) ?? [],
    }];
  });
}

/** A page of responses, optionally only those carrying one theme (or a theme inside it, for a net). */
export async function responsesPage(db: Reader, q: TextQuestion, themeId: number | undefined, offset: number, limit: number) {
  const filter = themeId === undefined ? '' : `AND _row IN (SELECT _row FROM (${EFFECTIVE_CODES_WITH_NETS}) WHERE theme_id = $3)`;
  const params = themeId === undefined ? [q.waveId, q.question] : [q.waveId, q.question, themeId];
  const [total] = await db.read(`SELECT count(*) AS n FROM coded_responses WHERE wave_id = $1 AND question = $2 ${filter}`, params);
  const rows = await db.read(
    `SELECT _row FROM coded_responses WHERE wave_id = $1 AND question = $2 ${filter} ORDER BY _row LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { total: Number(total!.n), responses: await codedResponses(db, q, rows.map((r) => Number(r._row))) };
}

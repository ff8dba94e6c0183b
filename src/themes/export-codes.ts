import fs from 'node:fs';
import { HeardError } from '../contract/index.js';
import type { Agreement, CodedQuestion } from '../contract/themes.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { csvField } from '../export/spreadsheet-text.js';
import { codingAgreement } from '../stats/agreement.js';
import { activeThemes } from './codeframe-store.js';
import { EFFECTIVE_CODES } from './codes-read.js';
import { readCodesFile } from './codes-file.js';
import { rowsById } from './respondent-rows.js';
import { requireCodeframe } from './question-coding.js';
import { responseIdSql, textQuestion, type TextQuestion } from './question.js';

/** Each response's respondent id and the codes of its effective codes (human decisions over rule and model). */
async function effectiveSets(project: ProjectFile, q: TextQuestion): Promise<{ ids: Map<number, string>; sets: Map<number, Set<string>> }> {
  const rows = await project.read(
    `SELECT cr._row, ${responseIdSql(q)} AS id, list(t.code) FILTER (t.code IS NOT NULL) AS codes
     FROM coded_responses cr JOIN ${quoteIdent(q.table)} r ON r.rowid = cr._row
     LEFT JOIN (${EFFECTIVE_CODES}) e ON e._row = cr._row LEFT JOIN themes t ON t.id = e.theme_id
     WHERE cr.wave_id = $1 AND cr.question = $2 GROUP BY ALL ORDER BY cr._row`,
    [q.waveId, q.question],
  );
  return {
    ids: new Map(rows.map((r) => [Number(r._row), String(r.id)])),
    sets: new Map(rows.map((r) => [Number(r._row), new Set((r.codes as string[] | null) ?? [])])),
  };
}

/** Writes respondent id plus one 0/1 column per theme (named by code) for every response with text. */
export async function exportCodes(project: ProjectFile, request: CodedQuestion & { path: string }) {
  const q = await textQuestion(project, request);
  const codeframeId = await requireCodeframe(project, q);
  const themes = await activeThemes(project, codeframeId);
  const { ids, sets } = await effectiveSets(project, q);
  const lines = [[q.idColumn ?? 'row', ...themes.map((t) => t.code)].map(csvField).join(',')];
  for (const [row, id] of ids) lines.push([csvField(id), ...themes.map((t) => (sets.get(row)!.has(t.code) ? '1' : '0'))].join(','));
  try {
    fs.writeFileSync(request.path, `${lines.join('\r\n')}\r\n`, 'utf8');
  } catch (err) {
    throw new HeardError('io', `Cannot write ${request.path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  return { path: request.path, rows: ids.size, themes: themes.length };
}

/**
 * Agreement of the question's codes with a gold file (import-codes layout) over the respondents the file lists.
 * Gold columns are matched to theme codes, then names; kappa is reported by theme code.
 */
export async function evaluateAgainst(project: ProjectFile, request: CodedQuestion & { path: string; idColumn?: string | undefined }): Promise<Agreement> {
  const gold = readCodesFile(request.path, request.idColumn);
  const q = await textQuestion(project, request);
  const themes = await activeThemes(project, await requireCodeframe(project, q));
  const codeOf = new Map<string, string>();
  for (const head of gold.themes) {
    const t = themes.find((x) => x.code.toLowerCase() === head.toLowerCase()) ?? themes.find((x) => x.name.toLowerCase() === head.toLowerCase());
    if (!t) throw new HeardError('invalid_file', `${gold.name} has a column "${head}" that is not a theme of this codeframe.`);
    codeOf.set(head, t.code);
  }
  const rowOf = await project.write((tx) => rowsById(tx, q, gold.rows.map((r) => r.id)));
  const unknown = gold.rows.find((r) => !rowOf.has(r.id));
  if (unknown) throw new HeardError('invalid_file', `Respondent "${unknown.id}" (line ${unknown.line} of ${gold.name}) is not in this wave.`);
  const { sets } = await effectiveSets(project, q);
  const compared = [...codeOf.values()];
  const ours = gold.rows.map((r) => new Set([...(sets.get(rowOf.get(r.id)!) ?? [])].filter((c) => compared.includes(c))));
  const theirs = gold.rows.map((r) => new Set(r.themes.map((h) => codeOf.get(h)!)));
  return codingAgreement(theirs, ours, compared);
}

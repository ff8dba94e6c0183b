import { HeardError } from '../contract/index.js';
import type { ImportCodesResult } from '../contract/themes.js';
import type { ProjectFile } from '../engine/project-file.js';
import { recordAudit, snapshotRows } from './audit.js';
import { stageRows } from './bulk-append.js';
import { activeThemes, createCodeframe, insertTheme } from './codeframe-store.js';
import { themeCounts } from './codes-read.js';
import { readCodesFile } from './codes-file.js';
import { ThemeInput, type CodedQuestion } from '../contract/themes.js';
import { finishReview } from './review.js';
import { codeframeOf, ensureResponses } from './responses-store.js';
import { rowsById } from './respondent-rows.js';
import { textQuestion, type TextQuestion } from './question.js';
import type { Tx } from '../engine/project-file.js';

/**
 * Stores codes people assigned elsewhere as human decisions (1 → present, 0 → absent, for every theme of the file) and
 * marks those responses reviewed. Themes the codeframe lacks are added to it. All or nothing; undoable.
 */
export async function importCodes(project: ProjectFile, request: CodedQuestion & { path: string; idColumn?: string | undefined; who?: string | undefined }): Promise<ImportCodesResult> {
  const file = readCodesFile(request.path, request.idColumn);
  const q = await textQuestion(project, request);
  const who = request.who ?? `import: ${file.name}`;
  let codeframeId = 0;
  const added: string[] = [];
  const matched = await project.write(async (tx) => {
    // Codes can arrive before any codeframe: their columns then make one, named after the question.
    codeframeId = (await codeframeOf(tx, q)) ?? (await newCodeframeFor(tx, q, who));
    await ensureResponses(tx, q);
    const themes = await activeThemes(tx, codeframeId);
    const themeOf = new Map<string, number>();
    for (const head of file.themes) {
      const found = themes.find((t) => t.code.toLowerCase() === head.toLowerCase()) ?? themes.find((t) => t.name.toLowerCase() === head.toLowerCase());
      if (found) themeOf.set(head, found.id);
      else {
        themeOf.set(head, await insertTheme(tx, codeframeId, ThemeInput.parse({ name: head })));
        added.push(head);
      }
    }
    const rowOf = await rowsById(tx, q, file.rows.map((r) => r.id));
    const unknown = file.rows.filter((r) => !rowOf.has(r.id));
    if (unknown.length > 0) {
      throw new HeardError('invalid_file', `${unknown.length} respondent id(s) in ${file.name} are not in this wave, e.g. "${unknown[0]!.id}" on line ${unknown[0]!.line}. Nothing was imported.`);
    }
    await stageRows(tx, 'import_rows', [['_row', 'bigint']], file.rows.map((r) => [rowOf.get(r.id)!]));
    await stageRows(tx, 'import_themes', [['theme_id', 'integer']], [...new Set(themeOf.values())].map((id) => [id]));
    await stageRows(tx, 'import_yes', [['_row', 'bigint'], ['theme_id', 'integer']], file.rows.flatMap((r) => r.themes.map((t) => [rowOf.get(r.id)!, themeOf.get(t)!])));
    const [blank] = await tx.read(
      `SELECT y._row FROM import_yes y ANTI JOIN coded_responses cr ON cr.wave_id = $1 AND cr.question = $2 AND cr._row = y._row LIMIT 1`,
      [q.waveId, q.question],
    );
    if (blank) {
      const line = file.rows.find((r) => rowOf.get(r.id) === Number(blank._row))!;
      throw new HeardError('invalid_file', `Respondent ${line.id} (line ${line.line} of ${file.name}) has a theme, but gave no answer to "${q.question}". Nothing was imported.`);
    }
    const auditId = await recordAudit(tx, { action: 'import_codes', summary: `Imported codes for ${file.rows.length} responses from ${file.name}`, who, question: q, undoable: true });
    // Respondents who left the question blank have nothing to code.
    await tx.run(`DELETE FROM import_rows WHERE _row NOT IN (SELECT _row FROM coded_responses WHERE wave_id = $1 AND question = $2)`, [q.waveId, q.question]);
    await snapshotRows(tx, auditId, q, 'SELECT _row FROM import_rows');
    await tx.run(
      `DELETE FROM codes WHERE wave_id = $1 AND question = $2 AND source = 'human'
       AND _row IN (SELECT _row FROM import_rows) AND theme_id IN (SELECT theme_id FROM import_themes)`,
      [q.waveId, q.question],
    );
    await tx.run(
      `INSERT INTO codes (wave_id, question, _row, theme_id, present, source, confidence, coder)
       SELECT $1, $2, r._row, t.theme_id, y._row IS NOT NULL, 'human', 1, $3
       FROM import_rows r CROSS JOIN import_themes t LEFT JOIN import_yes y ON y._row = r._row AND y.theme_id = t.theme_id`,
      [q.waveId, q.question, who],
    );
    await finishReview(tx, q, 'SELECT _row FROM import_rows', [], who);
    for (const t of ['import_rows', 'import_themes', 'import_yes']) await tx.run(`DROP TABLE ${t}`);
    return file.rows.length;
  });
  return { matched, addedThemes: added, counts: await themeCounts(project, q, codeframeId) };
}

async function newCodeframeFor(tx: Tx, q: TextQuestion, who: string): Promise<number> {
  const taken = new Set((await tx.read('SELECT name FROM codeframes')).map((r) => String(r.name)));
  let name = q.label.slice(0, 180);
  for (let i = 2; taken.has(name); i++) name = `${q.label.slice(0, 180)} (${i})`;
  const id = await createCodeframe(tx, name, `Made from imported codes for "${q.question}".`, [], who);
  await tx.run('INSERT INTO coded_questions VALUES ($1, $2, $3)', [q.waveId, q.question, id]);
  return id;
}

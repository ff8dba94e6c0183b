import { HeardError } from '../contract/index.js';
import { ThemeInput, type Codeframe, type CodeframeSummary, type Theme } from '../contract/themes.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { integerList, varcharList } from '../engine/sql.js';
import { recordAudit, snapshotRows } from './audit.js';

type Reader = Pick<ProjectFile, 'read'> | Tx;
type ParsedTheme = ReturnType<typeof ThemeInput.parse>;

/** Codeframes and their themes: create, edit, merge, split, retire. Codes move with merges; see audit.ts for undo. */

export async function listCodeframes(db: Reader): Promise<CodeframeSummary[]> {
  const rows = await db.read(
    `SELECT f.id, f.name, f.description, (SELECT count(*) FROM themes t WHERE t.codeframe_id = f.id AND NOT t.retired) AS n
     FROM codeframes f ORDER BY f.name`,
  );
  const used = await usedBy(db);
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), description: String(r.description), themeCount: Number(r.n), usedBy: used.get(Number(r.id)) ?? [] }));
}

export async function getCodeframe(db: Reader, codeframeId: number): Promise<Codeframe> {
  const [f] = await db.read('SELECT id, name, description FROM codeframes WHERE id = $1', [codeframeId]);
  if (!f) throw new HeardError('not_found', `There is no codeframe ${codeframeId} in this project.`);
  return { id: Number(f.id), name: String(f.name), description: String(f.description), themes: await activeThemes(db, codeframeId), usedBy: (await usedBy(db)).get(codeframeId) ?? [] };
}

/** The codeframe's themes in order, nets before the themes inside them is not required: order is the user's. */
export async function activeThemes(db: Reader, codeframeId: number): Promise<Theme[]> {
  const rows = await db.read(
    `SELECT id, code, name, description, keywords, exclusions, parent, examples, position FROM themes
     WHERE codeframe_id = $1 AND NOT retired ORDER BY position, id`,
    [codeframeId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    description: String(r.description),
    keywords: r.keywords as string[],
    exclusions: r.exclusions as string[],
    parent: r.parent === null ? null : String(r.parent),
    examples: r.examples as string[],
    position: Number(r.position),
  }));
}

async function usedBy(db: Reader): Promise<Map<number, { waveId: number; question: string }[]>> {
  const map = new Map<number, { waveId: number; question: string }[]>();
  for (const r of await db.read('SELECT codeframe_id, wave_id, question FROM coded_questions ORDER BY wave_id, question')) {
    const id = Number(r.codeframe_id);
    if (!map.has(id)) map.set(id, []);
    map.get(id)!.push({ waveId: Number(r.wave_id), question: String(r.question) });
  }
  return map;
}

export async function createCodeframe(tx: Tx, name: string, description: string, themes: readonly ThemeInput[], who?: string | null): Promise<number> {
  const [clash] = await tx.read('SELECT id FROM codeframes WHERE name = $1', [name]);
  if (clash) throw new HeardError('bad_request', `There is already a codeframe called "${name}". Choose another name.`);
  const [row] = await tx.read('INSERT INTO codeframes (name, description) VALUES ($1, $2) RETURNING id', [name, description]);
  const id = Number(row!.id);
  const parsed = themes.map((t) => ThemeInput.parse(t));
  // Nets first, so a theme's parent exists when it is checked.
  const ordered = [...parsed.keys()].sort((a, b) => Number(Boolean(parsed[a]!.parent)) - Number(Boolean(parsed[b]!.parent)));
  for (const i of ordered) await insertTheme(tx, id, parsed[i]!, i);
  await recordAudit(tx, { action: 'create_codeframe', summary: `Created codeframe "${name}" with ${themes.length} themes`, who, codeframeId: id });
  return id;
}

/** Adds a theme; its code is made from its name when not given, and must be new among the codeframe's themes. */
export async function insertTheme(tx: Tx, codeframeId: number, theme: ParsedTheme, position?: number): Promise<number> {
  const existing = await activeThemes(tx, codeframeId);
  const code = theme.code ?? uniqueCode(theme.name, existing.map((t) => t.code));
  if (existing.some((t) => t.code.toLowerCase() === code.toLowerCase())) {
    throw new HeardError('bad_request', `The codeframe already has a theme with the code "${code}".`);
  }
  checkParent(existing, theme.parent ?? null, code);
  const [row] = await tx.read(
    `INSERT INTO themes (codeframe_id, code, name, description, keywords, exclusions, parent, examples, position)
     VALUES ($1, $2, $3, $4, ${varcharList(theme.keywords)}, ${varcharList(theme.exclusions)}, $5, ${varcharList(theme.examples)}, $6) RETURNING id`,
    [codeframeId, code, theme.name, theme.description, theme.parent ?? null, position ?? nextPosition(existing)],
  );
  return Number(row!.id);
}

export async function updateTheme(tx: Tx, codeframeId: number, themeId: number, theme: ParsedTheme, who?: string | null): Promise<void> {
  const existing = await activeThemes(tx, codeframeId);
  const current = existing.find((t) => t.id === themeId);
  if (!current) throw new HeardError('not_found', `Codeframe ${codeframeId} has no theme ${themeId}.`);
  const code = theme.code ?? current.code;
  if (existing.some((t) => t.id !== themeId && t.code.toLowerCase() === code.toLowerCase())) {
    throw new HeardError('bad_request', `The codeframe already has a theme with the code "${code}".`);
  }
  checkParent(existing.filter((t) => t.id !== themeId), theme.parent ?? null, code);
  if (code !== current.code && existing.some((t) => t.parent === current.code)) {
    await tx.run('UPDATE themes SET parent = $1 WHERE codeframe_id = $2 AND parent = $3 AND NOT retired', [code, codeframeId, current.code]);
  }
  await tx.run(
    `UPDATE themes SET code = $1, name = $2, description = $3, keywords = ${varcharList(theme.keywords)}, exclusions = ${varcharList(theme.exclusions)},
            parent = $4, examples = ${varcharList(theme.examples)}
     WHERE id = $5`,
    [code, theme.name, theme.description, theme.parent ?? null, themeId],
  );
  await recordAudit(tx, { action: 'edit_theme', summary: `Edited theme ${code} (${theme.name})`, who, codeframeId });
}

/** Retires themes (their codes stay in the table for undo but no longer count), with a snapshot of every coded question. */
export async function retireThemes(tx: Tx, codeframeId: number, themeIds: number[], action: string, summary: string, who: string | null | undefined, make?: (auditId: number) => Promise<number[]>): Promise<number> {
  const auditId = await recordAudit(tx, { action, summary, who, codeframeId, undoable: true });
  for (const q of await tx.read('SELECT wave_id, question FROM coded_questions WHERE codeframe_id = $1', [codeframeId])) {
    const question = { waveId: Number(q.wave_id), question: String(q.question) };
    await snapshotRows(tx, auditId, question, `SELECT _row FROM codes WHERE wave_id = $1 AND question = $2 AND list_contains(${integerList(themeIds)}, theme_id)`, [question.waveId, question.question]);
  }
  const made = make ? await make(auditId) : [];
  await tx.run(`UPDATE themes SET retired = true WHERE list_contains(${integerList(themeIds)}, id)`);
  // A net that goes takes its children out of it rather than with it.
  await tx.run(
    `UPDATE themes SET parent = NULL WHERE codeframe_id = $1 AND NOT retired AND parent IN (SELECT code FROM themes WHERE list_contains(${integerList(themeIds)}, id))`,
    [codeframeId],
  );
  await tx.run('UPDATE coding_audit SET undo_themes = $1 WHERE id = $2', [JSON.stringify({ restore: themeIds, retire: made }), auditId]);
  return auditId;
}

export async function deleteTheme(tx: Tx, codeframeId: number, themeId: number, who?: string | null): Promise<void> {
  const theme = await themeOf(tx, codeframeId, themeId);
  await retireThemes(tx, codeframeId, [themeId], 'delete_theme', `Deleted theme ${theme.code} (${theme.name})`, who);
}

/**
 * Every response coded with one of `from` is coded with `into`, keeping the strongest source (a person's code stays a
 * person's); then `from` is retired.
 */
export async function mergeThemes(tx: Tx, codeframeId: number, from: number[], into: number, who?: string | null): Promise<void> {
  const target = await themeOf(tx, codeframeId, into);
  const sources = [];
  for (const id of from.filter((f) => f !== into)) sources.push(await themeOf(tx, codeframeId, id));
  if (sources.length === 0) throw new HeardError('bad_request', 'Choose at least one theme other than the one merged into.');
  const ids = sources.map((t) => t.id);
  // Snapshot rows carrying the target as well, since their target codes are rewritten.
  await retireThemes(tx, codeframeId, ids, 'merge_themes', `Merged ${sources.map((t) => t.code).join(', ')} into ${target.code}`, who, async (auditId) => {
    for (const q of await tx.read('SELECT wave_id, question FROM coded_questions WHERE codeframe_id = $1', [codeframeId])) {
      const question = { waveId: Number(q.wave_id), question: String(q.question) };
      await snapshotRows(tx, auditId, question, 'SELECT _row FROM codes WHERE wave_id = $1 AND question = $2 AND theme_id = $3 AND _row NOT IN (SELECT _row FROM coding_undo_rows WHERE audit_id = $4 AND wave_id = $1 AND question = $2)', [question.waveId, question.question, into, auditId]);
    }
    // One code per (row, source kind): a human yes beats a human no beats an auto code; rule beats model.
    await tx.run(
      `CREATE TEMP TABLE merged AS
       SELECT wave_id, question, _row,
              CASE WHEN bool_or(source = 'human') THEN 'human' WHEN bool_or(source = 'rule') THEN 'rule' ELSE 'model' END AS source_kind,
              arg_max(present, CASE WHEN source = 'human' AND present THEN 3 WHEN source = 'human' THEN 2 WHEN source = 'rule' THEN 1 ELSE 0 END) AS present,
              max(confidence) AS confidence, arg_max(coder, coded_at) AS coder, max(coded_at) AS coded_at
       FROM codes c JOIN coded_questions q USING (wave_id, question)
       WHERE q.codeframe_id = $1 AND list_contains(${integerList([...ids, into])}, c.theme_id)
       GROUP BY wave_id, question, _row, source = 'human'`,
      [codeframeId],
    );
    await tx.run(
      `DELETE FROM codes c USING coded_questions q WHERE q.wave_id = c.wave_id AND q.question = c.question AND q.codeframe_id = $1 AND c.theme_id = $2`,
      [codeframeId, into],
    );
    await tx.run(`INSERT INTO codes SELECT wave_id, question, _row, $1, present, source_kind, confidence, coder, coded_at FROM merged`, [into]);
    await tx.run('DROP TABLE merged');
    return [];
  });
}

/** Replaces a theme by several new ones; responses that carried it go back to the review queue. */
export async function splitTheme(tx: Tx, codeframeId: number, themeId: number, into: readonly ThemeInput[], who?: string | null): Promise<void> {
  const theme = await themeOf(tx, codeframeId, themeId);
  await retireThemes(tx, codeframeId, [themeId], 'split_theme', `Split ${theme.code} into ${into.map((t) => t.name).join(', ')}`, who, async () => {
    const made = [];
    for (const t of into) made.push(await insertTheme(tx, codeframeId, ThemeInput.parse({ parent: theme.parent, ...t }), theme.position));
    await tx.run(
      `UPDATE coded_responses cr SET reviewed = false FROM codes c
       WHERE c.theme_id = $1 AND c.wave_id = cr.wave_id AND c.question = cr.question AND c._row = cr._row`,
      [themeId],
    );
    return made;
  });
}

async function themeOf(db: Reader, codeframeId: number, themeId: number): Promise<Theme> {
  const theme = (await activeThemes(db, codeframeId)).find((t) => t.id === themeId);
  if (!theme) throw new HeardError('not_found', `Codeframe ${codeframeId} has no theme ${themeId}.`);
  return theme;
}

function checkParent(others: readonly Theme[], parent: string | null, code: string): void {
  if (parent === null) return;
  if (parent.toLowerCase() === code.toLowerCase()) throw new HeardError('bad_request', `Theme ${code} cannot be its own net.`);
  const net = others.find((t) => t.code === parent);
  if (!net) throw new HeardError('bad_request', `Theme ${code} names the net "${parent}", which is not a theme of this codeframe.`);
  if (net.parent !== null) throw new HeardError('bad_request', `Theme ${code} cannot sit in ${parent}: ${parent} is itself inside ${net.parent}, and nets have two levels.`);
}

function nextPosition(themes: readonly Theme[]): number {
  return themes.reduce((max, t) => Math.max(max, t.position), -1) + 1;
}

/** A code from a theme name: its words' letters in capitals ("Cost and value" → COST_AND_VALUE), made unique. */
export function uniqueCode(name: string, taken: readonly string[]): string {
  const base = name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').toUpperCase().slice(0, 30) || 'THEME';
  const used = new Set(taken.map((c) => c.toLowerCase()));
  let code = base;
  for (let i = 2; used.has(code.toLowerCase()); i++) code = `${base}_${i}`;
  return code;
}

/**
 * Brings a codeframe in line with a file: themes matched by code are updated, new ones added; themes the file does
 * not mention stay (removing them is a deliberate act, done with delete). Nets first, so children find them.
 */
export async function syncCodeframe(tx: Tx, codeframeId: number, themes: readonly ThemeInput[], who?: string | null): Promise<void> {
  const parsed = themes.map((t) => ThemeInput.parse(t)).sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
  for (const theme of parsed) {
    const existing = await activeThemes(tx, codeframeId);
    const match = theme.code ? existing.find((t) => t.code.toLowerCase() === theme.code!.toLowerCase()) : existing.find((t) => t.name === theme.name);
    if (match) await updateTheme(tx, codeframeId, match.id, { ...theme, code: match.code }, who);
    else await insertTheme(tx, codeframeId, theme);
  }
}

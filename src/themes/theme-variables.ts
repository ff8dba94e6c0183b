import type { TableVariableSpec } from '../tables/variables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';
import { EFFECTIVE_CODES_WITH_NETS } from './codes-read.js';

/** Name prefix of a coded question's themes as a table variable: `theme:comments`. */
export const THEME_VARIABLE_PREFIX = 'theme:';
/** The category of respondents who wrote an answer that carries no theme, so they stay in the base. */
export const NO_THEME = 'No theme';

/**
 * Each coded free-text question of a wave as a multi-choice-like table variable: one category per theme (a net counts a
 * respondent once however many of its themes they have), plus "No theme" for answers that carry none, so the base is
 * everyone who wrote something and each theme's percentage is its prevalence among them. A respondent's raw value is
 * the ids of their themes joined by commas ('' when none; NULL when they wrote nothing), from the codes that count
 * (people's decisions over rule and model codes).
 */
export async function themeVariables(project: ProjectFile, waveId: number): Promise<TableVariableSpec[]> {
  const questions = await project.read(
    `SELECT c.question, c.codeframe_id, q.label FROM coded_questions c JOIN questions q ON q.wave_id = c.wave_id AND q.name = c.question
     WHERE c.wave_id = $1 ORDER BY q.position`,
    [waveId],
  );
  const out: TableVariableSpec[] = [];
  for (const q of questions) {
    const question = String(q.question);
    const labelOf = new Map((await codeframeThemes(project, Number(q.codeframe_id))).map((t) => [String(t.id), t.label]));
    const codes = EFFECTIVE_CODES_WITH_NETS.replaceAll('$1', String(waveId)).replaceAll('$2', quoteLiteral(question));
    const column = `CAST(r.${quoteIdent(question)} AS VARCHAR)`;
    const sql = `CASE WHEN trim(coalesce(${column}, '')) = '' THEN NULL ELSE coalesce((
        SELECT string_agg(DISTINCT CAST(e.theme_id AS VARCHAR), ',' ORDER BY CAST(e.theme_id AS VARCHAR)) FROM (${codes}) e WHERE e._row = r.rowid), '') END`;
    const distinct = await distinctValues(project, waveId, question, sql);
    const categoriesOf = (raw: string | null): readonly string[] => {
      if (raw === null) return [];
      if (raw === '') return [NO_THEME];
      return raw.split(',').flatMap((id) => (labelOf.has(id) ? [labelOf.get(id)!] : []));
    };
    out.push({
      name: `${THEME_VARIABLE_PREFIX}${question}`,
      label: `Themes: ${String(q.label)}`,
      kind: 'multi',
      role: 'none',
      categories: [...labelOf.values(), NO_THEME],
      nonSubstantive: [],
      asRow: true,
      asColumn: false,
      sql,
      usesLocality: false,
      categoriesOf,
      rawValuesOf: (category) => distinct.filter((raw): raw is string => raw !== null && categoriesOf(raw).includes(category)),
    });
  }
  return out;
}

export interface ThemeCategory {
  id: number;
  code: string;
  name: string;
  /** The theme's category in `theme:<question>`: its name, with its code when another theme has the same name. */
  label: string;
}

/** The live (not retired) themes of a codeframe in its order, each with its category label. */
export async function codeframeThemes(project: ProjectFile, codeframeId: number): Promise<ThemeCategory[]> {
  const themes = await project.read('SELECT id, code, name FROM themes WHERE codeframe_id = $1 AND NOT retired ORDER BY position, id', [codeframeId]);
  const names = themes.map((t) => String(t.name));
  return themes.map((t) => {
    const name = String(t.name);
    const code = String(t.code);
    return { id: Number(t.id), code, name, label: names.filter((n) => n === name).length > 1 ? `${name} (${code})` : name };
  });
}

/**
 * The distinct raw values (theme combinations) of a coded question, for filters. Working them out reads every code of
 * the wave (half a second at 100,000 responses), and every table of the wave lists its variables, so they are kept
 * (per open project) until the codes change: any change to codes writes a coding_audit entry, whose latest id is
 * part of the key.
 */
const distinctCache = new WeakMap<ProjectFile, Map<string, (string | null)[]>>();

async function distinctValues(project: ProjectFile, waveId: number, question: string, sql: string): Promise<(string | null)[]> {
  const [latest] = await project.read('SELECT max(id) AS id FROM coding_audit');
  const key = JSON.stringify([waveId, question, String(latest?.id ?? '')]);
  let cache = distinctCache.get(project);
  if (!cache) distinctCache.set(project, (cache = new Map()));
  const known = cache.get(key);
  if (known) return known;
  const [wave] = await project.read('SELECT table_name FROM waves WHERE id = $1', [waveId]);
  const values = (await project.read(`SELECT DISTINCT ${sql} AS v FROM ${quoteIdent(String(wave!.table_name))} r`)).map((r) => (r.v === null ? null : String(r.v)));
  if (cache.size > 50) cache.clear();
  cache.set(key, values);
  return values;
}

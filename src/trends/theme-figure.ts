import type { TrendPoint } from '../contract/gaps.js';
import { CrosstabRequest } from '../contract/tables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { crosstab } from '../tables/crosstab.js';
import { codeframeThemes, THEME_VARIABLE_PREFIX, type ThemeCategory } from '../themes/theme-variables.js';
import type { WaveQuestion } from './match-question.js';

/** The theme as found in the first coded wave, followed into later waves by its code, then its name. */
export type ThemeRef = Pick<ThemeCategory, 'code' | 'name'>;

type Figure = Pick<TrendPoint, 'estimate' | 'se' | 'ci' | 'n' | 'weightedBase' | 'nEff' | 'top' | 'theme'>;

export type ThemeFigure = { left: string } | { left: null; theme: ThemeRef; figure: Figure; notes: string[] };

const same = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) === 0;

/**
 * One wave's prevalence of a theme: its row in the Tables page's crosstab of `theme:<question>` (the share of those who
 * wrote an answer whose codes include the theme; a net counts once), so SE and interval are the Tables page's own.
 * `theme` is what the caller typed (its code, else its name) until a wave has resolved it to a theme; after that, that
 * theme's code, else its name. `left` says why a wave has no figure: the question is not coded, or has no such theme.
 */
export async function themeFigure(
  project: ProjectFile,
  args: { waveId: number; where: string; question: WaveQuestion; theme: string | ThemeRef; weight: string | null },
  signal?: AbortSignal,
): Promise<ThemeFigure> {
  const { waveId, where, question, theme } = args;
  const [coded] = await project.read('SELECT codeframe_id FROM coded_questions WHERE wave_id = $1 AND question = $2', [waveId, question.name]);
  if (!coded) return { left: `${where} is left out: ${question.label} is not coded into themes in that wave.` };
  const themes = await codeframeThemes(project, Number(coded.codeframe_id));
  const code = typeof theme === 'string' ? theme : theme.code;
  const name = typeof theme === 'string' ? theme : theme.name;
  const found = themes.find((t) => t.code === code) ?? themes.find((t) => same(t.code, code)) ?? themes.find((t) => same(t.name, name)) ?? themes.find((t) => same(t.label, name));
  if (!found) return { left: `${where} is left out: the codeframe used for ${question.label} there has no theme "${name}"${typeof theme === 'string' ? '' : ` (${code})`}.` };
  const notes: string[] = [];
  if (typeof theme !== 'string' && found.code !== theme.code) notes.push(`In ${where}, the theme "${theme.name}" has the code ${found.code} (not ${theme.code}); it is matched by its name.`);
  const table = await crosstab(project, CrosstabRequest.parse({ waveId, row: `${THEME_VARIABLE_PREFIX}${question.name}`, weight: args.weight }), signal);
  const cell = table.cells.find((c) => c.row === found.label)!;
  const base = table.bases[0]!;
  // The crosstab's notes cover every theme; an interval note concerns this theme only when its figure sits at 0 or
  // 100% (or has no interval), and the rest name the weight (respondents outside its design).
  const edge = cell.ci === null || cell.pct <= 0 || cell.pct >= 100;
  for (const note of table.notes) if (edge || (args.weight && note.includes(`"${args.weight}"`))) notes.push(`In ${where}: ${note}`);
  return {
    left: null,
    theme: { code: found.code, name: found.name },
    notes,
    figure: { estimate: cell.pct, se: cell.se, ci: cell.ci, n: base.n, weightedBase: base.weighted_n, nEff: base.n_eff, top: [], theme: found.name },
  };
}

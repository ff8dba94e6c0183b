import { HeardError, type ColumnRole } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { tableVariables, type TableVariableSpec } from '../tables/variables.js';

/**
 * The variables equality analyses can use: every variable a table can (closed questions, placed ward and decile),
 * plus free-text questions, whose typed answers ("Woman", "female ") are mapped through the mapping screen and its
 * dictionary like any other answers. Each respondent's answer is trimmed; blanks are no answer.
 */
export async function equalityVariables(project: ProjectFile, waveId: number): Promise<TableVariableSpec[]> {
  const closed = await tableVariables(project, waveId);
  const texts = await project.read("SELECT name, label, role FROM questions WHERE wave_id = $1 AND type = 'text' ORDER BY position", [waveId]);
  return [
    ...closed,
    ...texts.map((q) => ({
      name: String(q.name),
      label: String(q.label),
      kind: 'single' as const,
      role: q.role as ColumnRole,
      categories: [],
      nonSubstantive: [],
      asRow: true,
      asColumn: true,
      sql: `nullif(trim(CAST(r.${quoteIdent(String(q.name))} AS VARCHAR)), '')`,
      usesLocality: false,
      categoriesOf: (raw: string | null) => (raw === null ? [] : [raw]),
      rawValuesOf: (category: string) => [category],
    })),
  ];
}

export function findEqualityVariable(variables: readonly TableVariableSpec[], name: string, what: string): TableVariableSpec {
  const found = variables.find((v) => v.name === name);
  if (!found) {
    throw new HeardError('not_found', `This wave has no question "${name}" to use as ${what}. These can be: ${variables.map((v) => v.name).join(', ') || 'none'}.`);
  }
  if (!found.asColumn) throw new HeardError('bad_request', `"${name}" is a multi-choice question, so one respondent can be in several of its groups; choose a single-answer question.`);
  return found;
}

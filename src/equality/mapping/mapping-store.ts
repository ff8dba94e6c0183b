import type { ProjectFile } from '../../engine/project-file.js';

export interface StoredMapping {
  answer: string;
  category: string | null;
}

/** The mapping saved for a survey's question (every wave of the survey shares it). */
export async function storedMapping(project: ProjectFile, surveyId: number, variable: string): Promise<Map<string, string | null>> {
  const rows = await project.read('SELECT answer, category FROM equality_mappings WHERE survey_id = $1 AND variable = $2', [surveyId, variable]);
  return new Map(rows.map((r) => [String(r.answer), r.category === null ? null : String(r.category)]));
}

/** Saves the user's mapping of these answers (others keep theirs), in one transaction. */
export async function saveMapping(project: ProjectFile, surveyId: number, variable: string, entries: readonly StoredMapping[]): Promise<void> {
  await project.write(async (tx) => {
    for (const e of entries) {
      await tx.run(
        `INSERT OR REPLACE INTO equality_mappings (survey_id, variable, answer, category, source, updated_at) VALUES ($1, $2, $3, $4, 'user', current_timestamp)`,
        [surveyId, variable, e.answer, e.category],
      );
    }
    await tx.run("INSERT INTO audit_log (action, detail) VALUES ('equality_mapping', $1)", [JSON.stringify({ surveyId, variable, answers: entries.length })]);
  });
}

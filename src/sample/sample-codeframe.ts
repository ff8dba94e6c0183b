import type { ProjectFile } from '../engine/project-file.js';
import { applyCoding } from '../themes/apply.js';
import { readCodeframeFile } from '../themes/codeframe-file.js';
import { createCodeframe } from '../themes/codeframe-store.js';
import { attachCodeframe } from '../themes/question-coding.js';

/** The consultation question the sample codeframe was written for. */
const SAMPLE_QUESTION = 'comments';

/**
 * Opens the sample with its codeframe loaded on the consultation's comments and the comments auto-coded by its
 * keyword rules, so the Themes page has codes, a review queue and figures to show from the start.
 */
export async function codeSampleConsultation(project: ProjectFile, codeframeFile: string): Promise<void> {
  const [wave] = await project.read(
    `SELECT w.id FROM waves w JOIN surveys s ON s.id = w.survey_id JOIN questions q ON q.wave_id = w.id
     WHERE s.kind = 'consultation' AND q.name = $1 AND q.type = 'text' ORDER BY w.id LIMIT 1`,
    [SAMPLE_QUESTION],
  );
  if (!wave) return;
  const frame = readCodeframeFile(codeframeFile);
  const codeframeId = await project.write((tx) => createCodeframe(tx, 'Town Centre Plan consultation', 'Example codeframe for the comments on the draft Town Centre Plan.', frame.themes, 'sample'));
  const question = { waveId: Number(wave.id), question: SAMPLE_QUESTION };
  await attachCodeframe(project, { ...question, codeframeId }, 'sample');
  await applyCoding(project, { ...question, trainFromHuman: false, threshold: 0.4, who: 'sample' });
}

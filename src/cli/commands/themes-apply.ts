import path from 'node:path';
import { ApplyRequest } from '../../contract/themes.js';
import type { ProjectFile } from '../../engine/project-file.js';
import { applyCoding } from '../../themes/apply.js';
import { readCodeframeFile } from '../../themes/codeframe-file.js';
import { createCodeframe, syncCodeframe } from '../../themes/codeframe-store.js';
import { attachCodeframe } from '../../themes/question-coding.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';
import { countsByCode, renderCounts } from './themes-counts.js';

/** heard themes apply: auto-codes every response no person has coded, optionally with a codeframe from a file. */
export async function themesApplyCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'question', 'codeframe', 'train-from-human']);
  const question = required(values.question, '--question VARIABLE');
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    if (values.codeframe) await useCodeframeFile(project, waveId, question, values.codeframe);
    return applyCoding(project, ApplyRequest.parse({ waveId, question, trainFromHuman: values['train-from-human'] ?? false }));
  });
  if (values.json) printJson(out, { coded: result.coded, human: result.human, model_themes: result.model.themes, counts: countsByCode(result.counts) });
  else {
    const model = result.model.trained ? `rules and a model learned from ${result.model.examples} reviewed responses (${result.model.themes.join(', ')})` : 'rules only';
    out.stdout(`Auto-coded ${result.coded} responses with ${model}; ${result.human} coded by people were left as they are.\n${renderCounts(result.counts)}`);
  }
  return 0;
}

/** The file's codeframe (by its name: updated from the file when the project has it already) codes the question. */
async function useCodeframeFile(project: ProjectFile, waveId: number, question: string, file: string): Promise<void> {
  const read = readCodeframeFile(path.resolve(file));
  const codeframeId = await project.write(async (tx) => {
    const [existing] = await tx.read('SELECT id FROM codeframes WHERE name = $1', [read.name]);
    if (!existing) return createCodeframe(tx, read.name, read.description, read.themes);
    await syncCodeframe(tx, Number(existing.id), read.themes);
    return Number(existing.id);
  });
  await attachCodeframe(project, { waveId, question, codeframeId });
}

import fs from 'node:fs';
import path from 'node:path';
import { HeardError } from '../contract/index.js';
import { ProjectFile } from '../engine/project-file.js';
import { ensureSampleProject } from '../sample/build-sample-project.js';
import { sampleDataDir } from '../paths.js';

/** Opens the project a command names ('sample' is the sample project), optionally creating it, and always closes it. */
export async function withProject<T>(
  spec: string,
  dataDir: string,
  work: (project: ProjectFile) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const file = spec === 'sample' ? await ensureSampleProject(dataDir, sampleDataDir()) : path.resolve(spec);
  const project = options.create && !fs.existsSync(file) ? await ProjectFile.create(file) : await ProjectFile.open(file);
  try {
    return await work(project);
  } finally {
    await project.close();
  }
}

/** A survey by id or exact name, and one of its waves (the latest unless a label is given). */
export async function findWave(project: ProjectFile, survey: string, waveLabel?: string): Promise<{ surveyId: number; waveId: number }> {
  const byId = /^\d+$/.test(survey);
  const [row] = await project.read(`SELECT id FROM surveys WHERE ${byId ? 'id = $1' : 'name = $1'}`, [byId ? Number(survey) : survey]);
  if (!row) throw new HeardError('not_found', `There is no survey "${survey}" in this project. Run "heard surveys" to see them.`);
  const surveyId = Number(row.id);
  const waves = await project.read(
    `SELECT id, label FROM waves WHERE survey_id = $1 ${waveLabel ? 'AND label = $2' : ''} ORDER BY year DESC NULLS LAST, imported_at DESC, id DESC LIMIT 1`,
    waveLabel ? [surveyId, waveLabel] : [surveyId],
  );
  if (!waves[0]) throw new HeardError('not_found', waveLabel ? `Survey "${survey}" has no wave "${waveLabel}".` : `Survey "${survey}" has no waves.`);
  return { surveyId, waveId: Number(waves[0].id) };
}

import type { LocalityRequest, LocalitySummary } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { attachLocality } from './attach.js';
import { loadDeprivation } from './deprivation.js';
import { loadPostcodeDirectory } from './onspd.js';

/** Loads any lookups given, then places the wave's respondents: one transaction, so a bad lookup changes nothing. */
export function placeWave(project: ProjectFile, request: LocalityRequest, options: RunOptions = {}): Promise<LocalitySummary> {
  return project.write(async (tx) => {
    if (request.directoryPath) await loadPostcodeDirectory(tx, request.directoryPath, options);
    if (request.deprivationPath) await loadDeprivation(tx, request.deprivationPath, { index: request.deprivationIndex ?? 'IMD2019' }, options);
    return attachLocality(tx, request.waveId, request.postcodeColumn, options);
  });
}

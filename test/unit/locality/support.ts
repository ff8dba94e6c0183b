import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { HeardError } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { tempDir } from '../../support/temp-dir.js';

export const REAL_LOOKUPS = path.resolve(__dirname, '../../../../shared/fixtures/real/lookups');
export const ONSPD_SAMPLE = path.join(REAL_LOOKUPS, 'postcodes_io_test_seed_onspd_sample.csv');
export const IMD_FILE = path.join(REAL_LOOKUPS, 'mysociety_UK_IMD_E_lsoa.csv');

/** True (and says why) when the shared real fixtures are not on this machine, so their tests skip. */
export function missingRealLookups(): boolean {
  const missing = !fs.existsSync(ONSPD_SAMPLE) || !fs.existsSync(IMD_FILE);
  if (missing) console.warn(`Skipping real lookup fixture tests: ${REAL_LOOKUPS} is absent.`);
  return missing;
}

/** A fresh project and a folder for generated files, removed after the test file. */
export function workspace(): { dir: string; project: () => Promise<ProjectFile>; file: (name: string, text: string) => string } {
  const dir = tempDir('heard-locality-');
  let counter = 0;
  return {
    dir,
    project: () => ProjectFile.create(path.join(dir, `p${counter++}.heard`)),
    file: (name, text) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
  };
}

export async function expectHeardError(promise: Promise<unknown>, code: string): Promise<HeardError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HeardError);
  expect((err as HeardError).code).toBe(code);
  return err as HeardError;
}

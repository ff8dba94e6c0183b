import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../contract/index.js';
import { ProjectFile } from '../engine/project-file.js';
import { insertBenchmark } from '../equality/benchmark/benchmark-store.js';
import { readBenchmarkFile } from '../equality/benchmark/read-benchmark.js';
import { importDescribedCsv } from '../import/import-described-csv.js';
import { readManifest } from './manifest.js';
import { codeSampleConsultation } from './sample-codeframe.js';

export const SAMPLE_PROJECT_FILE = 'Sample project.heard';
/** Bump when the way the sample is built changes, so existing copies are rebuilt. */
const SAMPLE_BUILD = '4';
/** The name the sample's population benchmark is saved under in the sample project. */
export const SAMPLE_BENCHMARK_NAME = 'Bryncoed residents aged 16+ (sample)';

/**
 * Returns the path of the sample project in `dataDir`, building it from the sample data when it is missing or
 * was built from different sample files. It is built beside its final place and renamed in, so an interrupted
 * build never leaves a half-made sample project behind.
 */
export async function ensureSampleProject(
  dataDir: string,
  sampleDir: string,
  onProgress?: (progress: Progress) => void,
): Promise<string> {
  const target = path.join(dataDir, SAMPLE_PROJECT_FILE);
  const fingerprint = sampleFingerprint(sampleDir);
  if (fs.existsSync(target) && (await storedFingerprint(target)) === fingerprint) return target;

  fs.mkdirSync(dataDir, { recursive: true });
  const building = `${target}.building-${process.pid}`;
  removeProjectFiles(building);
  const manifest = readManifest(sampleDir);
  const project = await ProjectFile.create(building);
  try {
    const totalWaves = manifest.surveys.reduce((sum, s) => sum + s.waves.length, 0);
    let done = 0;
    await project.write(async (tx) => {
      for (const survey of manifest.surveys) {
        const [row] = await tx.read('INSERT INTO surveys (name, kind) VALUES ($1, $2) RETURNING id', [survey.name, survey.kind]);
        for (const wave of survey.waves) {
          onProgress?.({ done, total: totalWaves, message: `${survey.name} ${wave.label}` });
          await importDescribedCsv(tx, {
            surveyId: Number(row!.id),
            label: wave.label,
            year: wave.year,
            file: path.join(sampleDir, wave.file),
            columns: survey.columns,
          });
          done += 1;
        }
      }
      // The borough's benchmark travels with the sample, so the Equality page has figures to compare with at once.
      if (manifest.benchmark) await insertBenchmark(tx, SAMPLE_BENCHMARK_NAME, readBenchmarkFile(path.join(sampleDir, manifest.benchmark)), false);
      await tx.run("INSERT INTO heard_meta VALUES ('sample_fingerprint', $1), ('is_sample', 'true')", [fingerprint]);
      await tx.run("INSERT INTO audit_log (action, detail) VALUES ('build_sample', $1)", [JSON.stringify({ waves: totalWaves })]);
    });
    if (manifest.codeframe) await codeSampleConsultation(project, path.join(sampleDir, manifest.codeframe));
    onProgress?.({ done: totalWaves, total: totalWaves });
  } finally {
    await project.close();
  }
  removeProjectFiles(target);
  fs.renameSync(building, target);
  return target;
}

function sampleFingerprint(sampleDir: string): string {
  const hash = crypto.createHash('sha256').update(SAMPLE_BUILD);
  for (const name of fs.readdirSync(sampleDir).sort()) {
    if (name.endsWith('.md')) continue;
    hash.update(name).update(fs.readFileSync(path.join(sampleDir, name)));
  }
  return hash.digest('hex');
}

async function storedFingerprint(file: string): Promise<string | null> {
  try {
    const project = await ProjectFile.open(file);
    try {
      const rows = await project.read("SELECT value FROM heard_meta WHERE key = 'sample_fingerprint'");
      return rows[0] ? String(rows[0].value) : null;
    } finally {
      await project.close();
    }
  } catch {
    return null;
  }
}

function removeProjectFiles(file: string): void {
  for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
}

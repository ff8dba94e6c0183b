/**
 * Builds every file in sample-data/ (except the hand-written README.md) as text,
 * so the CLI can write them and the test can compare them with the committed copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchmarkCsv } from './benchmark.js';
import { codeframeCsv } from './codeframe.js';
import { CONSULTATION_COLUMNS, consultationCsv } from './consultation.js';
import { seedFrom } from './random.js';
import { generateResidentsWave } from './residents.js';
import { RESIDENT_COLUMNS, type ColumnSpec } from './schema.js';

export const RESIDENT_WAVES = [
  { label: '2023', year: 2023, file: 'residents-survey-2023.csv', rows: 2512, seed: seedFrom('heard-sample', 'residents', 2023) },
  { label: '2024', year: 2024, file: 'residents-survey-2024.csv', rows: 2468, seed: seedFrom('heard-sample', 'residents', 2024) },
] as const;
export const CONSULTATION_FILE = 'consultation-2024.csv';
export const BENCHMARK_FILE = 'population-benchmark.csv';
export const CODEFRAME_FILE = 'codeframe.csv';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestSurvey {
  name: string;
  kind: 'survey' | 'consultation';
  waves: Array<{ label: string; year: number; file: string }>;
  columns: ColumnSpec[];
}

export interface Manifest {
  surveys: ManifestSurvey[];
  benchmark: string;
  codeframe: string;
}

export function buildManifest(): Manifest {
  return {
    surveys: [
      {
        name: "Residents' Survey",
        kind: 'survey',
        waves: RESIDENT_WAVES.map(({ label, year, file }) => ({ label, year, file })),
        columns: RESIDENT_COLUMNS.map((c) => ({ ...c })),
      },
      {
        name: 'Town Centre Consultation',
        kind: 'consultation',
        waves: [{ label: '2024', year: 2024, file: CONSULTATION_FILE }],
        columns: CONSULTATION_COLUMNS.map((c) => ({ ...c })),
      },
    ],
    benchmark: BENCHMARK_FILE,
    codeframe: CODEFRAME_FILE,
  };
}

/** File name → exact content (UTF-8, LF). */
export function sampleDataFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const w of RESIDENT_WAVES) files.set(w.file, generateResidentsWave({ year: w.year, rows: w.rows, seed: w.seed }).toCsv());
  files.set(CONSULTATION_FILE, consultationCsv(seedFrom('heard-sample', 'consultation', 2024)));
  files.set(BENCHMARK_FILE, benchmarkCsv());
  files.set(CODEFRAME_FILE, codeframeCsv());
  files.set(MANIFEST_FILE, JSON.stringify(buildManifest(), null, 2) + '\n');
  return files;
}

/** Writes the generated files into outDir (created if needed); returns their names. */
export function writeSampleData(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const files = sampleDataFiles();
  for (const [name, content] of files) fs.writeFileSync(path.join(outDir, name), content, 'utf8');
  return [...files.keys()];
}

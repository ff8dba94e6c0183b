import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ColumnRole, ColumnType, HeardError } from '../contract/index.js';

/** sample-data/manifest.json: what the generator wrote and how each column is to be read. */
export const DescribedColumn = z.object({
  header: z.string(),
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string(),
  type: ColumnType,
  role: ColumnRole,
  options: z.array(z.string()).default([]),
  nonSubstantive: z.array(z.string()).default([]),
  pair: z.string().optional(),
});
export type DescribedColumn = z.infer<typeof DescribedColumn>;

export const SampleManifest = z.object({
  surveys: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['survey', 'consultation']),
      waves: z.array(z.object({ label: z.string(), year: z.number().int().nullable().default(null), file: z.string() })),
      columns: z.array(DescribedColumn),
    }),
  ),
  benchmark: z.string().optional(),
  codeframe: z.string().optional(),
});
export type SampleManifest = z.infer<typeof SampleManifest>;

export function readManifest(sampleDir: string): SampleManifest {
  const file = path.join(sampleDir, 'manifest.json');
  if (!fs.existsSync(file)) {
    throw new HeardError('not_found', `The sample data is missing (${file}). Run "npm run sample-data" to make it.`);
  }
  const parsed = SampleManifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new HeardError('invalid_file', `${file} is not a valid sample manifest.`, parsed.error.issues);
  return parsed.data;
}

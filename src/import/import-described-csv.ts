import path from 'node:path';
import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import type { DescribedColumn } from '../sample/manifest.js';
import { readPreview } from './readers/preview.js';
import { recordQuestion } from './record-question.js';
import { writeWave } from './write-wave.js';

export interface DescribedWave {
  surveyId: number;
  label: string;
  year: number | null;
  file: string;
  columns: DescribedColumn[];
}

/**
 * Imports a UTF-8 CSV whose layout is already known (one heading row, every column described, as the sample data's
 * manifest does), through the same single-pass writer as every other import, inside the caller's transaction.
 */
export async function importDescribedCsv(tx: Tx, wave: DescribedWave, options: RunOptions = {}): Promise<number> {
  const file = path.basename(wave.file);
  const preview = await readPreview(wave.file, { delimiter: ',', newline: '\n', sourceName: file });
  const headings = preview.rows[0] ?? [];
  wave.columns.forEach((column, i) => {
    if (headings[i] !== column.header) {
      throw new HeardError('invalid_file', `${file}, column ${i + 1}: expected the heading "${column.header}" but found "${headings[i] ?? ''}".`);
    }
  });
  const [created] = await tx.read("SELECT nextval('wave_id_seq')::INTEGER AS id");
  const waveId = Number(created!.id);
  const planned = wave.columns.map((column, source) => ({
    layout: { source, name: column.name, label: column.label, question: column.label, header: column.header },
    model: { name: column.name, label: column.label, type: column.type, role: column.role, options: column.options, nonSubstantive: column.nonSubstantive },
  }));
  const csv = { path: wave.file, dialect: preview.dialect, columnCount: wave.columns.length, skipRows: 1 };
  const written = await writeWave(tx, waveId, csv, planned, options);
  if (written.rejected > 0) throw new HeardError('invalid_file', `${file} has ${written.rejected} records that could not be read.`);
  await tx.run(
    'INSERT INTO waves (id, survey_id, label, year, table_name, source_file, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [waveId, wave.surveyId, wave.label, wave.year, `wave_${waveId}`, file, written.rows],
  );
  for (const [position, column] of wave.columns.entries()) {
    await recordQuestion(tx, waveId, position, written.models[position]!, column.header, column.pair ?? null);
  }
  return waveId;
}

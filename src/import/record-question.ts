import type { Tx } from '../engine/project-file.js';
import { varcharList } from '../engine/sql.js';
import type { DescribedColumnModel } from './types.js';

/** One column's row in `questions`: the metadata every analysis reads (label, type, role, option order). */
export async function recordQuestion(
  tx: Tx,
  waveId: number,
  position: number,
  model: DescribedColumnModel,
  sourceHeader: string,
  pair: string | null = null,
): Promise<void> {
  await tx.run(
    `INSERT INTO questions (wave_id, position, name, label, source_header, type, role, options, non_substantive, pair, separator)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ${varcharList(model.options)}, ${varcharList(model.nonSubstantive)}, $8, $9)`,
    [waveId, position, model.name, model.label, sourceHeader, model.type, model.role, pair, model.separator ?? null],
  );
}

import { HeardError, type ImportProblems } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';

/** What an import could not read, for the user to see: rejected records by line, flagged values by row. */
export async function importProblems(project: ProjectFile, waveId: number, limit: number): Promise<ImportProblems> {
  const [wave] = await project.read('SELECT id FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const rejected = await project.read(
    'SELECT line, column_name, reason, raw FROM import_rejects WHERE wave_id = $1 ORDER BY line LIMIT $2',
    [waveId, limit],
  );
  const flagged = await project.read(
    'SELECT _row, column_name, raw, reason FROM flagged_values WHERE wave_id = $1 ORDER BY _row, column_name LIMIT $2',
    [waveId, limit],
  );
  const [totals] = await project.read(
    `SELECT (SELECT count(DISTINCT line) FROM import_rejects WHERE wave_id = $1)::INTEGER AS r,
            (SELECT count(*) FROM flagged_values WHERE wave_id = $1)::INTEGER AS f`,
    [waveId],
  );
  return {
    rejected: rejected.map((r) => ({
      line: r.line === null ? null : Number(r.line),
      column: r.column_name === null ? null : String(r.column_name),
      reason: String(r.reason),
      raw: r.raw === null ? null : String(r.raw),
    })),
    flagged: flagged.map((f) => ({ row: Number(f._row), column: String(f.column_name), raw: String(f.raw), reason: String(f.reason) })),
    totalRejected: Number(totals!.r),
    totalFlagged: Number(totals!.f),
  };
}

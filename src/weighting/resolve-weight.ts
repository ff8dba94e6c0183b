import { HeardError } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';

/**
 * How an analysis reads a named weight for one wave. Queries alias the wave table as `r`; `join` (possibly empty) is
 * appended after `FROM wave_<id> r`, and `expr` is the per-row weight (1.0 when unweighted).
 */
export interface WeightSql {
  /** The name as the user chose it, or null for unweighted. */
  name: string | null;
  join: string;
  expr: string;
}

/**
 * A weight is either a column of the wave whose type is `weight` (a design weight that came with the file) or, once
 * weighting exists, a weight saved by raking. Null means unweighted: every respondent counts 1.
 */
export async function resolveWeight(project: ProjectFile, waveId: number, name: string | null | undefined): Promise<WeightSql> {
  if (!name) return { name: null, join: '', expr: '1.0' };
  const [column] = await project.read("SELECT name FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [waveId, name]);
  if (column) return { name, join: '', expr: `CAST(r.${quoteIdent(name)} AS DOUBLE)` };
  throw new HeardError('not_found', `This wave has no weight called "${name}". Weights are columns of type "weight" or weights saved by raking.`);
}

import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { findSavedWeight } from './weight-catalogue.js';

/**
 * How an analysis reads a named weight for one wave. Queries alias the wave table as `r`; `join` (possibly empty) is
 * appended after `FROM wave_<id> r`, and `expr` is the per-row weight (1.0 when unweighted).
 *
 * `expr` is NULL for a respondent outside the weighted design: one a raking left out (a blank age band, say) or one
 * with no design weight. Such rows are not part of the design at all (not in n, not in n/(n−1)), as in R where the
 * raked design is built from the data without them; `where` is the SQL condition that keeps the rest ('TRUE' when
 * every row has a weight).
 */
export interface WeightSql {
  /** The name as the user chose it, or null for unweighted. */
  name: string | null;
  join: string;
  expr: string;
  where: string;
}

/** Anything that can read the project: the project itself, or a transaction that may have saved a weight. */
type Reader = Pick<Tx, 'read'>;

/**
 * A weight is either a column of the wave whose type is `weight` (a design weight that came with the file) or a
 * weight saved by raking (src/weighting/weight-catalogue.ts). Null means unweighted: every respondent counts 1.
 */
export async function resolveWeight(project: Reader, waveId: number, name: string | null | undefined): Promise<WeightSql> {
  if (!name) return { name: null, join: '', expr: '1.0', where: 'TRUE' };
  const [column] = await project.read("SELECT name FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [waveId, name]);
  if (column) {
    const expr = `CAST(r.${quoteIdent(name)} AS DOUBLE)`;
    return { name, join: '', expr, where: `${expr} IS NOT NULL` };
  }
  const saved = await findSavedWeight(project, waveId, name);
  if (saved) {
    // A saved weight's table has one row per respondent in row order, so it lines up with the wave by position:
    // a positional join reads it several times faster than joining on _row.
    const alias = `wt_${saved.id}`;
    return { name, join: `POSITIONAL JOIN ${quoteIdent(saved.table)} ${alias}`, expr: `${alias}.weight`, where: `${alias}.weight IS NOT NULL` };
  }
  throw new HeardError('not_found', `This wave has no weight called "${name}". Weights are columns of type "weight" or weights saved by raking.`);
}

import { HeardError, type RakeMargin, type TrimmingSummary, type WeightInfo } from '../contract/index.js';
import type { ProjectFile, Row, Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';

/*
 * Saved weights: a row in `weights` (how it was made) and a table of values per weight, `wave_<wave>_weight_<id>`
 * (_row, weight), one row per respondent in row order.
 *
 * Why a table per weight rather than one wide table per wave or one long table for all: an analysis reads one weight,
 * and a table that lines up with the wave row for row is read with a POSITIONAL JOIN, which on 1,000,000 rows costs a
 * few milliseconds where a join on _row costs 50-80 ms and a long table must first be filtered to the weight. Saving,
 * replacing or deleting a weight then touches only its own table (CREATE OR REPLACE / DROP), never the others.
 */

type Reader = Pick<Tx, 'read'>;

export interface WeightClaim {
  id: number;
  table: string;
  /** True when an existing weight of that name is being replaced. */
  replacing: boolean;
}

export interface RakingRecord {
  baseWeight: string | null;
  margins: RakeMargin[];
  converged: boolean;
  iterations: number;
  maxError: number;
  nEff: number;
  efficiency: number;
  trimming: TrimmingSummary | null;
}

export function weightTable(waveId: number, id: number): string {
  return `wave_${waveId}_weight_${id}`;
}

export async function findSavedWeight(reader: Reader, waveId: number, name: string): Promise<{ id: number; table: string } | null> {
  const [row] = await reader.read('SELECT id, table_name FROM weights WHERE wave_id = $1 AND name = $2', [waveId, name]);
  return row ? { id: Number(row.id), table: String(row.table_name) } : null;
}

/**
 * Makes sure `name` can be saved for the wave: not a column of the wave (an analysis could not tell them apart) and
 * not an existing saved weight unless `replace`. Names compare without regard to case, as DuckDB's identifiers do.
 */
export async function claimWeightName(tx: Tx, waveId: number, name: string, replace: boolean): Promise<WeightClaim> {
  const [column] = await tx.read('SELECT name FROM questions WHERE wave_id = $1 AND lower(name) = lower($2)', [waveId, name]);
  if (column) {
    throw new HeardError('bad_request', `"${name}" is already a column of this wave (${String(column.name)}). Choose another name for the weight.`);
  }
  const [existing] = await tx.read('SELECT id, name, table_name FROM weights WHERE wave_id = $1 AND lower(name) = lower($2)', [waveId, name]);
  if (existing) {
    if (!replace) {
      throw new HeardError('bad_request', `This wave already has a weight called "${String(existing.name)}". Choose another name, or replace it.`);
    }
    return { id: Number(existing.id), table: String(existing.table_name), replacing: true };
  }
  const [next] = await tx.read("SELECT nextval('weight_id_seq') AS id");
  const id = Number(next!.id);
  return { id, table: weightTable(waveId, id), replacing: false };
}

/** Records a weight whose values are already in `claim.table`. */
export async function recordWeight(tx: Tx, waveId: number, name: string, claim: WeightClaim, raking: RakingRecord): Promise<void> {
  const details = [
    raking.baseWeight,
    JSON.stringify(raking.margins),
    raking.converged,
    raking.iterations,
    raking.maxError,
    raking.nEff,
    raking.efficiency,
    raking.trimming ? JSON.stringify(raking.trimming) : null,
  ];
  // A replaced weight keeps its id and table (rewritten by the caller); its name takes the new spelling.
  if (claim.replacing) await tx.run('DELETE FROM weights WHERE id = $1', [claim.id]);
  await tx.run(
    `INSERT INTO weights (id, wave_id, name, kind, table_name, base_weight, margins, converged, iterations, max_error, n_eff, efficiency, trimming)
     VALUES ($1, $2, $3, 'raked', $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [claim.id, waveId, name, claim.table, ...details],
  );
}

/** The wave's design-weight columns, then its saved weights, each with its Kish n_eff and efficiency. */
export async function listWeights(project: ProjectFile, waveId: number): Promise<WeightInfo[]> {
  const [wave] = await project.read('SELECT table_name FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const design = (await project.read("SELECT name FROM questions WHERE wave_id = $1 AND type = 'weight' ORDER BY position", [waveId])).map((r) =>
    String(r.name),
  );
  const designInfo: WeightInfo[] = [];
  if (design.length > 0) {
    const sums = design.map((name, i) => {
      const w = `CAST(${quoteIdent(name)} AS DOUBLE)`;
      return `sum(${w}) AS s${i}, sum(${w} * ${w}) AS q${i}, count(${w}) AS n${i}`;
    });
    const [row] = await project.read(`SELECT ${sums.join(', ')} FROM ${quoteIdent(String(wave.table_name))}`);
    design.forEach((name, i) => {
      const nEff = kish(Number(row![`s${i}`]), Number(row![`q${i}`]));
      designInfo.push({ name, kind: 'design', nEff, efficiency: nEff / Number(row![`n${i}`]), raking: null });
    });
  }
  const saved = await project.read('SELECT * FROM weights WHERE wave_id = $1 ORDER BY name', [waveId]);
  return [...designInfo, ...saved.map(savedInfo)];
}

/** Deletes a saved weight and its values, in one transaction. Design-weight columns are part of the data and stay. */
export function deleteWeight(project: ProjectFile, waveId: number, name: string): Promise<void> {
  return project.write(async (tx) => {
    const saved = await findSavedWeight(tx, waveId, name);
    if (!saved) {
      const names = (await tx.read('SELECT name FROM weights WHERE wave_id = $1 ORDER BY name', [waveId])).map((r) => String(r.name));
      const list = names.length > 0 ? `Saved weights: ${names.join(', ')}.` : 'It has no saved weights.';
      throw new HeardError('not_found', `This wave has no saved weight called "${name}". ${list}`);
    }
    await tx.run(`DROP TABLE ${quoteIdent(saved.table)}`);
    await tx.run('DELETE FROM weights WHERE id = $1', [saved.id]);
    await tx.run("INSERT INTO audit_log (action, detail) VALUES ('delete_weight', $1)", [JSON.stringify({ wave_id: waveId, name })]);
  });
}

function kish(sum: number, sumOfSquares: number): number {
  return sumOfSquares > 0 ? (sum * sum) / sumOfSquares : 0;
}

function savedInfo(row: Row): WeightInfo {
  return {
    name: String(row.name),
    kind: 'raked',
    nEff: Number(row.n_eff),
    efficiency: Number(row.efficiency),
    raking: {
      baseWeight: row.base_weight === null ? null : String(row.base_weight),
      margins: JSON.parse(String(row.margins)) as RakeMargin[],
      converged: Boolean(row.converged),
      iterations: Number(row.iterations),
      maxError: Number(row.max_error),
      trimming: row.trimming === null ? null : (JSON.parse(String(row.trimming)) as TrimmingSummary),
      createdAt: new Date(row.created_at as Date).toISOString(),
    },
  };
}

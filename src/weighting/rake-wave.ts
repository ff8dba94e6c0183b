import type { z } from 'zod';
import { HeardError, type RakeAndSaveRequest, type RakeMargin, type RakeRequest, type RakeResult } from '../contract/index.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';
import { ipf, RAKE_MAX_SWEEPS, RAKE_TOLERANCE } from './ipf.js';
import { prepareMargins } from './margins.js';
import { resolveWeight } from './resolve-weight.js';
import { cellJoinSql, cellTableSql, keySql, readSampleCells } from './sample-cells.js';
import { trimAndRerake } from './trim.js';
import { trimPassOver } from './trim-pass.js';
import { claimWeightName, recordWeight } from './weight-catalogue.js';
import { achievedMargins, storedWeightStats } from './weight-summary.js';

type Rake = z.output<typeof RakeRequest>;
type RakeAndSave = z.output<typeof RakeAndSaveRequest>;

/** Rakes without saving: the same work in a transaction that is rolled back, so the figures are exactly a save's. */
export async function previewRake(project: ProjectFile, request: Rake, options: RunOptions = {}): Promise<RakeResult> {
  const { result } = await project.dryRun((tx) => rakeInto(tx, request, `wave_${request.waveId}_weight_preview`, options));
  return result;
}

/** Rakes and saves the weights under `name`, all in one transaction: a failure leaves the project as it was. */
export function rakeAndSave(project: ProjectFile, request: RakeAndSave, options: RunOptions = {}): Promise<RakeResult> {
  return project.write(async (tx) => {
    const claim = await claimWeightName(tx, request.waveId, request.name, request.replace);
    const { result, margins } = await rakeInto(tx, request, claim.table, options);
    await recordWeight(tx, request.waveId, request.name, claim, {
      baseWeight: result.baseWeight,
      margins,
      converged: result.converged,
      iterations: result.iterations,
      maxError: result.maxError,
      nEff: result.nEff,
      efficiency: result.efficiency,
      trimming: result.trimming,
    });
    await tx.run("INSERT INTO audit_log (action, detail) VALUES ('rake', $1)", [
      JSON.stringify({
        wave_id: request.waveId,
        name: request.name,
        replaced: claim.replacing,
        base_weight: result.baseWeight,
        margins: result.margins.map((m) => m.variables),
        rows: result.rows,
        excluded: result.excluded,
        n_eff: result.nEff,
      }),
    ]);
    return { ...result, name: request.name };
  });
}

/**
 * Rakes the wave's base weights to the margins and writes them to `table` (_row, weight), one row per respondent in
 * row order, NULL for anyone left out. The rows are read twice (cells, then the write) plus once per trimming round.
 * Also returns the margins as given, with their variables named as the wave's columns.
 */
async function rakeInto(tx: Tx, request: Rake, table: string, options: RunOptions): Promise<{ result: RakeResult; margins: RakeMargin[] }> {
  const [wave] = await tx.read('SELECT table_name, row_count FROM waves WHERE id = $1', [request.waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${request.waveId} in this project.`);
  const waveTable = String(wave.table_name);
  const { margins, variables, types, nonSubstantive } = await marginColumns(tx, request.waveId, request.margins);
  const keyOf = (variable: string) => keySql(variable, types.get(variable)!);
  const keys = variables.map(keyOf);
  const base = await resolveWeight(tx, request.waveId, request.baseWeight);

  const sample = await readSampleCells(tx, waveTable, keys, base, options);
  const prepared = prepareMargins(margins, variables, sample, { rescale: request.rescale, excludeMissing: request.excludeMissing, nonSubstantive });
  const cells = prepared.included.map((c) => sample[c]!);
  const raked = ipf(Float64Array.from(cells, (c) => c.base), prepared.ipf, { tolerance: RAKE_TOLERANCE, maxSweeps: RAKE_MAX_SWEEPS });
  if (!raked.converged) {
    throw new HeardError(
      'bad_request',
      `Raking did not converge in ${RAKE_MAX_SWEEPS} sweeps: some margin is still ${raked.maxError.toExponential(2)} of the total from its ` +
        `target. The margins may ask for something the sample cannot give (for example a combination of categories nobody is in).`,
    );
  }

  const rows = cells.reduce((n, c) => n + c.rows, 0);
  // The wave joined to a table of per-cell numbers on the margin variables.
  const from = (join: 'JOIN' | 'LEFT JOIN', perCell: Record<string, ArrayLike<number>>) =>
    `${quoteIdent(waveTable)} r ${base.join} ${join} ${cellTableSql(cells, perCell)} ON ${cellJoinSql(keys)}`;
  let weight = `${base.expr} * c.a`;
  let factors: Record<string, Float64Array> = { a: raked.factors };
  let trimming: RakeResult['trimming'] = null;
  let sweeps = raked.sweeps;
  if (request.trim !== undefined) {
    const cap = (request.trim * prepared.total) / rows;
    const capSql = `CAST('${String(cap)}' AS DOUBLE)`;
    const groups = await trimPassOver(tx, from('JOIN', { cell: cells.map((_, i) => i) }), base.expr, cells.length, cap, options);
    const trimmed = await trimAndRerake(raked.factors, prepared.ipf, cap, groups.pass, options.signal);
    await groups.drop();
    factors = { a: trimmed.a, b: trimmed.b };
    weight = `least(${base.expr} * c.a, ${capSql} * c.b)`;
    trimming = { k: request.trim, cap, rounds: trimmed.rounds, capped: trimmed.capped };
    if (trimmed.rounds > 0) sweeps = trimmed.sweeps;
  }

  await tx.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
     SELECT r.rowid AS _row, ${weight} AS weight
     FROM ${from('LEFT JOIN', factors)}
     ORDER BY _row`,
    undefined,
    { ...options, message: 'Saving the weights' },
  );

  const stats = await storedWeightStats(tx, table, options);
  const excluded = prepared.excluded.reduce((n, e) => n + e.respondents, 0);
  if (stats.rows !== rows || stats.rows + stats.without !== Number(wave.row_count) || stats.without !== excluded) {
    throw new HeardError('internal', `Raking wrote ${stats.rows} weights for ${rows} respondents (${stats.without} without); nothing was saved.`);
  }
  const achieved = await achievedMargins(tx, waveTable, table, margins, prepared.ipf.map((m) => m.targets), prepared.givenTotals, keyOf, options);
  const maxError = Math.max(...achieved.flatMap((m) => m.cells.map((c) => Math.abs(c.achieved - c.target) / prepared.total)));
  const result: RakeResult = {
    name: null,
    baseWeight: base.name,
    rows,
    excluded: prepared.excluded,
    total: stats.total,
    converged: true,
    iterations: sweeps,
    maxError,
    nEff: stats.nEff,
    efficiency: stats.nEff / rows,
    margins: achieved,
    distribution: stats.distribution,
    trimming,
  };
  return { result, margins };
}

/**
 * The margins with their variables named as the wave's columns (names match without regard to case, as DuckDB's
 * do), the distinct variables in order of first use, and each variable's type and non-substantive answers.
 */
async function marginColumns(tx: Tx, waveId: number, margins: readonly RakeMargin[]) {
  const questions = await tx.read('SELECT name, type, non_substantive FROM questions WHERE wave_id = $1 ORDER BY position', [waveId]);
  const closed = questions.filter((q) => !UNSUITABLE.has(String(q.type)));
  const column = (wanted: string): string => {
    const q = questions.find((c) => c.name === wanted) ?? questions.find((c) => String(c.name).toLowerCase() === wanted.toLowerCase());
    if (!q) {
      throw new HeardError('not_found', `This wave has no column "${wanted}" to rake to. Columns that can be margins: ${closed.map((c) => c.name).join(', ')}.`);
    }
    if (UNSUITABLE.has(String(q.type))) {
      throw new HeardError('bad_request', `"${String(q.name)}" is a ${String(q.type)} column; margins are over categories (closed questions).`);
    }
    return String(q.name);
  };
  const named = margins.map((m) => ({ ...m, variables: m.variables.map(column) }));
  const variables = [...new Set(named.flatMap((m) => m.variables))];
  const used = questions.filter((q) => variables.includes(String(q.name)));
  const types = new Map(used.map((q) => [String(q.name), String(q.type)]));
  const nonSubstantive = new Map(used.map((q) => [String(q.name), new Set((q.non_substantive as string[]).map(String))]));
  return { margins: named, variables, types, nonSubstantive };
}

/** Column types whose values are not categories a population can be counted in. */
const UNSUITABLE = new Set(['text', 'id', 'weight', 'multi', 'date']);

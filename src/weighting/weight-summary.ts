import { HeardError, type RakeMargin, type RakeResult, type WeightDistribution } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';

export interface StoredWeightStats {
  /** Respondents with a weight (in the weighted design). */
  rows: number;
  /** Respondents without one (left out). */
  without: number;
  total: number;
  nEff: number;
  distribution: WeightDistribution;
}

/**
 * Figures about a weight read back from its stored table, so that what is reported is what analyses will use.
 * Quartiles interpolate as R's quantile() does by default (type 7).
 */
export async function storedWeightStats(tx: Tx, table: string, options: RunOptions = {}): Promise<StoredWeightStats> {
  const [row] = await tx.read(
    `SELECT count(weight) AS n, count(*) - count(weight) AS without, sum(weight) AS s, sum(weight * weight) AS q,
       min(weight) AS lo, quantile_cont(weight, [0.25, 0.5, 0.75]) AS qs, max(weight) AS hi
     FROM ${quoteIdent(table)}`,
    undefined,
    options,
  );
  const rows = Number(row!.n);
  const total = Number(row!.s);
  const [q1, median, q3] = (row!.qs as number[]).map(Number);
  return {
    rows,
    without: Number(row!.without),
    total,
    nEff: (total * total) / Number(row!.q),
    distribution: { min: Number(row!.lo), q1: q1!, median: median!, q3: q3!, max: Number(row!.hi), mean: total / rows },
  };
}

/** Per margin cell: the population wanted, the sum of stored weights achieved, and how many respondents are in it. */
export async function achievedMargins(
  tx: Tx,
  waveTable: string,
  weightTableName: string,
  margins: readonly RakeMargin[],
  targets: readonly Float64Array[],
  givenTotals: readonly (number | null)[],
  keyOf: (variable: string) => string,
  options: RunOptions = {},
): Promise<RakeResult['margins']> {
  const out: RakeResult['margins'] = [];
  for (const [m, margin] of margins.entries()) {
    const keys = margin.variables.map((v, i) => `${keyOf(v)} AS k${i}`);
    const rows = await tx.read(
      `SELECT ${keys.join(', ')}, sum(w.weight) AS achieved, count(*) AS n
       FROM ${quoteIdent(waveTable)} r POSITIONAL JOIN ${quoteIdent(weightTableName)} w
       WHERE w.weight IS NOT NULL
       GROUP BY ALL`,
      undefined,
      options,
    );
    const found = new Map(rows.map((r) => [JSON.stringify(margin.variables.map((_, i) => r[`k${i}`])), r]));
    if (found.size > margin.cells.length) {
      throw new HeardError('internal', `The saved weights put respondents outside margin ${margin.variables.join(' × ')}.`);
    }
    out.push({
      variables: margin.variables,
      givenTotal: givenTotals[m] ?? null,
      cells: margin.cells.map((cell, k) => {
        const r = found.get(JSON.stringify(cell.values));
        return { values: cell.values, target: targets[m]![k]!, achieved: r ? Number(r.achieved) : 0, respondents: r ? Number(r.n) : 0 };
      }),
    });
  }
  return out;
}

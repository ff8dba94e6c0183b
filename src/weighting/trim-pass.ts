import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import type { CappedFactors, TrimPass } from './trim.js';

const GROUPS = 'heard_trim_groups';
const double = (x: number) => `CAST('${String(x)}' AS DOUBLE)`;

/**
 * Trimming's pass over the respondents (see trim.ts), made cheap: respondents in the same cell with the same base
 * weight always get the same weight, so the rows are counted once by (cell, base weight) into a temporary table and
 * every round reads that instead of the wave. With a handful of distinct design weights a round reads hundreds of
 * groups, not a million rows. `cellRows` is the wave joined to its cells (alias c, with c.cell) in SQL.
 */
export async function trimPassOver(tx: Tx, cellRows: string, baseExpr: string, cells: number, cap: number, options: RunOptions) {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${GROUPS} AS SELECT c.cell, ${baseExpr} AS base, count(*) AS n FROM ${cellRows} GROUP BY ALL`, undefined, options);
  const pass = async ({ a, b }: CappedFactors): Promise<TrimPass> => {
    const factors = Array.from(a, (_, c) => `(${c}, ${double(a[c]!)}, ${double(b[c]!)})`).join(', ');
    const sums = await tx.read(
      `SELECT g.cell, max(least(g.base * f.a, ${double(cap)} * f.b)) AS max_w,
         sum(g.n) FILTER (WHERE g.base * f.a > ${double(cap)} * f.b) AS capped,
         sum(g.n * least(g.base * f.a, ${double(cap)} * least(f.b, 1))) AS capped_sum
       FROM ${GROUPS} g JOIN (VALUES ${factors}) AS f(cell, a, b) ON f.cell = g.cell
       GROUP BY g.cell`,
      undefined,
      options,
    );
    const cappedSums = new Float64Array(cells);
    for (const r of sums) cappedSums[Number(r.cell)] = Number(r.capped_sum);
    return { max: Math.max(...sums.map((r) => Number(r.max_w))), capped: sums.reduce((n, r) => n + Number(r.capped ?? 0), 0), cappedSums };
  };
  return { pass, drop: () => tx.run(`DROP TABLE ${GROUPS}`) };
}

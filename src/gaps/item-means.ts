import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import type { WeightSql } from '../weighting/resolve-weight.js';
import type { GapItem } from './gap-item.js';
import { meanPoint, type MeanPoint } from './quadrants.js';

/**
 * Each item's mean score (1–5) on its own valid base, for the quadrant chart of all pairs. Items are read two at a
 * time, one GROUP BY of both answers each, sent as one statement (UNION ALL), and each item's answers summed over the
 * other's: a scan of two answer columns costs little more than of one, and a pair has at most a few dozen answer
 * combinations (reading one item per GROUP BY took a fifth longer; unpivoting into one long column twice as long).
 * `designRows` is the N of the weighted design, as for every other figure.
 */
export async function itemMeans(
  project: ProjectFile,
  table: string,
  items: readonly GapItem[],
  weight: WeightSql,
  designRows: number,
  signal?: AbortSignal,
): Promise<Map<string, MeanPoint | null>> {
  const out = new Map<string, MeanPoint | null>();
  if (items.length === 0) return out;
  const twos: GapItem[][] = [];
  for (let i = 0; i < items.length; i += 2) twos.push(items.slice(i, i + 2));
  const rows = await project.read(
    twos
      .map((two, k) => {
        const answers = [0, 1].map((j) => (two[j] ? `${two[j]!.variable.sql} AS a${j}` : `NULL::VARCHAR AS a${j}`));
        return `SELECT ${k} AS two, ${answers.join(', ')}, count(*) AS n, count(nullif(${weight.expr}, 0)) AS n_pos,
                  sum(${weight.expr}) AS sw, sum(${weight.expr} * ${weight.expr}) AS sw2
           FROM ${quoteIdent(table)} r ${weight.join} WHERE ${weight.where} GROUP BY ALL`;
      })
      .join(' UNION ALL '),
    undefined,
    { signal },
  );
  twos.forEach((two, k) => {
    const combos = rows.filter((r) => Number(r.two) === k);
    two.forEach((item, j) => {
      const cells = combos.map((r) => {
        const answer = r[`a${j}`];
        return { score: item.classify(answer === null ? null : String(answer)).score, n: Number(r.n), nPositive: Number(r.n_pos), sumW: Number(r.sw ?? 0), sumW2: Number(r.sw2 ?? 0) };
      });
      out.set(item.variable.name, meanPoint(cells, (c) => c.score, designRows));
    });
  });
  return out;
}

import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import type { WeightSql } from '../weighting/resolve-weight.js';
import type { GapItem } from './gap-item.js';
import { meanPoint, type MeanPoint } from './quadrants.js';

/**
 * Each item's mean score (1–5) on its own valid base, for the quadrant chart of all pairs: one pass over the wave,
 * unpivoted so that every item's answers are grouped in the same scan (blanks drop out, as they are in no base).
 * `designRows` is the N of the weighted design, as for every other figure of the request.
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
  const columns = items.map((item, i) => `${item.variable.sql} AS ${quoteIdent(String(i))}`);
  const rows = await project.read(
    `SELECT item, answer, count(*) AS n, count(nullif(w, 0)) AS n_pos, sum(w) AS sw, sum(w * w) AS sw2
     FROM (UNPIVOT (SELECT ${columns.join(', ')}, ${weight.expr} AS w FROM ${quoteIdent(table)} r ${weight.join} WHERE ${weight.where})
           ON ${items.map((_, i) => quoteIdent(String(i))).join(', ')} INTO NAME item VALUE answer)
     GROUP BY ALL`,
    undefined,
    { signal },
  );
  items.forEach((item, i) => {
    const cells = rows
      .filter((r) => r.item === String(i))
      .map((r) => ({ score: item.classify(String(r.answer)).score, n: Number(r.n), nPositive: Number(r.n_pos), sumW: Number(r.sw ?? 0), sumW2: Number(r.sw2 ?? 0) }));
    out.set(item.variable.name, meanPoint(cells, (c) => c.score, designRows));
  });
  return out;
}

import { HeardError } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { localityTable } from '../locality/attach.js';
import { countInvalidWeights } from '../tables/crosstab-sums.js';
import type { WeightSql } from '../weighting/resolve-weight.js';
import type { TableVariableSpec } from '../tables/variables.js';
import type { Cell } from './linearised.js';

/** Respondents sharing the same raw answers to the variables asked for, with their counts, Σw and Σw². */
export interface AnswerCombo extends Cell {
  answers: (string | null)[];
}

export interface AnswerSums {
  combos: AnswerCombo[];
  /** Rows of the wave in the (weighted) design: the N of n/(n−1). */
  designRows: number;
  /** Rows a saved weight leaves out of its design. */
  outsideDesign: number;
}

/**
 * One pass over the wave: GROUP BY the raw answers to `variables` (importance, satisfaction, breakdown), summing
 * counts, Σw and Σw² over the rows in the weighted design. Everything a gap needs is a sum over these few groups
 * (src/gaps/linearised.ts), so the query stays a plain aggregate whatever the method, top boxes or groups.
 */
export async function answerSums(
  project: ProjectFile,
  wave: { id: number; table: string; rows: number },
  variables: readonly TableVariableSpec[],
  weight: WeightSql,
  signal?: AbortSignal,
): Promise<AnswerSums> {
  const locality = variables.some((v) => v.usesLocality) ? `POSITIONAL JOIN ${quoteIdent(localityTable(wave.id))} l` : '';
  const answers = variables.map((v, i) => `${v.sql} AS a${i}`);
  const rows = await project.read(
    `SELECT ${variables.map((_, i) => `a${i}, `).join('')} count(*) AS n, count(w) AS n_w, count(nullif(w, 0)) AS n_pos, min(w) AS w_min,
            sum(w) AS sw, sum(w * w) AS sw2
     FROM (SELECT ${[...answers, `${weight.expr} AS w`].join(', ')} FROM ${quoteIdent(wave.table)} r ${weight.join} ${locality} WHERE ${weight.where})
     GROUP BY ALL`,
    undefined,
    { signal },
  );
  let missing = 0;
  let invalid = false;
  const combos: AnswerCombo[] = rows.map((r) => {
    missing += Number(r.n) - Number(r.n_w);
    if ((r.w_min !== null && Number(r.w_min) < 0) || !Number.isFinite(Number(r.sw ?? 0))) invalid = true;
    return {
      answers: variables.map((_, i) => (r[`a${i}`] === null ? null : String(r[`a${i}`]))),
      n: Number(r.n),
      nPositive: Number(r.n_pos),
      sumW: Number(r.sw ?? 0),
      sumW2: Number(r.sw2 ?? 0),
    };
  });
  const designRows = combos.reduce((s, c) => s + c.n, 0);
  await checkWeights(project, wave, weight, missing, invalid, wave.rows - designRows);
  return { combos, designRows, outsideDesign: wave.rows - designRows };
}

/**
 * Every respondent of a weighted design needs a usable weight (as for crosstabs): a blank design weight is an error to
 * fix, not a row to drop quietly; a saved raked weight leaves out, by design, the respondents raking could not place.
 */
async function checkWeights(
  project: ProjectFile,
  wave: { id: number; table: string },
  weight: WeightSql,
  missing: number,
  invalid: boolean,
  outside: number,
): Promise<void> {
  if (weight.name === null) return;
  const plural = (n: number) => `${n} respondent${n === 1 ? '' : 's'}`;
  const [column] = await project.read("SELECT 1 FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [wave.id, weight.name]);
  const blank = missing + (column ? outside : 0);
  if (blank > 0) {
    throw new HeardError('bad_request', `The weight "${weight.name}" is blank for ${plural(blank)} of this wave. Every respondent needs a weight: fill them in, or choose another weight.`);
  }
  if (invalid) {
    const count = await countInvalidWeights(project, wave.table, weight);
    throw new HeardError('bad_request', `The weight "${weight.name}" is negative or not a number for ${plural(count)} of this wave. Weights must be zero or more.`);
  }
}

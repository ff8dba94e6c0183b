import type { z } from 'zod';
import { HeardError } from '../contract/index.js';
import type { Crosstab, CrosstabCell, CrosstabRequest } from '../contract/tables.js';
import type { ProjectFile } from '../engine/project-file.js';
import { columnLetter, columnLetters } from '../stats/column-letters.js';
import { disclosureFlag } from '../stats/disclosure-flag.js';
import { logitInterval } from '../stats/logit-interval.js';
import { meanEstimate } from '../stats/mean-score.js';
import { kishEffectiveSize, proportionEstimate, type Estimate } from '../stats/proportion.js';
import { pearsonChiSquare, raoScottChiSquare, SingularTableError } from '../stats/table-tests.js';
import { resolveWeight, type WeightSql } from '../weighting/resolve-weight.js';
import { countInvalidWeights, resolveFilters, waveSums, type WaveSums } from './crosstab-sums.js';
import { addSums, emptySums, tally, type CellSums, type Tally } from './tally.js';
import { findTableVariable, tableVariables, type TableVariableSpec } from './variables.js';

export type ParsedCrosstabRequest = z.output<typeof CrosstabRequest>;

interface RowTarget {
  label: string;
  kind: Crosstab['rows'][number]['kind'];
  categories: string[];
}

/**
 * A crosstab of one wave with METHODS' statistics: column percentages among substantive answers with linearised SEs
 * and logit intervals, bases with Kish n_eff, column-comparison letters, an independence test (Pearson unweighted,
 * Rao–Scott weighted) and disclosure flags. One GROUP BY over the wave gives the sums; src/stats does the rest.
 */
export async function crosstab(project: ProjectFile, request: ParsedCrosstabRequest, signal?: AbortSignal): Promise<Crosstab> {
  const [wave] = await project.read('SELECT table_name, row_count FROM waves WHERE id = $1', [request.waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${request.waveId} in this project.`);
  const table = String(wave.table_name);
  const variables = await tableVariables(project, request.waveId);
  const row = findTableVariable(variables, request.row, 'row');
  const col = request.col ? findTableVariable(variables, request.col, 'column') : null;
  const weight = await resolveWeight(project, request.waveId, request.weight);
  const filters = await resolveFilters(project, table, request.where, variables);
  const waveRows = Number(wave.row_count);
  const sums = await waveSums(project, { table, waveId: request.waveId, row, col, filters, weight, waveRows }, signal);
  await checkWeights(project, request.waveId, table, weight, sums);

  const N = sums.designRows;
  const t = tally(sums.groups, row, col);
  if (t.cols.length === 0) {
    throw new HeardError('bad_request', `Nobody ${filters.length ? 'inside these filters ' : ''}gave a substantive answer to ${row.label}${col ? ` and to ${col.label}` : ''}, so there is no table to show.`);
  }
  const letterOf = (i: number) => (col ? columnLetter(i) : null);
  const notes = new Set<string>();
  const cells: CrosstabCell[] = [];
  const comparisons: Crosstab['comparisons'] = [];

  const targets = rowTargets(row, t);
  for (const target of targets) {
    const inCols = t.cols.map((c) => {
      const yes = emptySums();
      for (const category of target.categories) addSums(yes, t.cell(category, c));
      return { c, yes, base: t.bases.get(c)!, estimate: proportionEstimate(t.bases.get(c)!, yes, N)! };
    });
    const compared = col ? columnLetters(inCols.map((x) => x.estimate), request.comparison, request.alpha) : null;
    for (const [i, { c, yes, base, estimate }] of inCols.entries()) {
      const ci = logitInterval(estimate.estimate, estimate.se, base.nPositive - 1, kishEffectiveSize(base));
      if (ci?.note) notes.add(ci.note);
      cells.push({
        row: target.label,
        col: c,
        n: yes.n,
        weighted_n: yes.sumW,
        pct: 100 * estimate.estimate,
        se: 100 * estimate.se,
        ci: ci ? [100 * ci.lo, 100 * ci.hi] : null,
        letters: compared?.letters[i] ?? [],
        flag: disclosureFlag(yes.n, base.n, request.thresholds),
      });
    }
    for (const pair of compared?.comparisons ?? []) {
      const z = Number.isFinite(pair.z) ? pair.z : null;
      comparisons.push({ row: target.label, a: t.cols[pair.a]!, b: t.cols[pair.b]!, difference: 100 * pair.difference, z, p: pair.p, adjusted: pair.adjusted });
    }
  }
  if (cells.some((c) => c.ci === null)) notes.add('A percentage resting on a single respondent with a positive weight has no confidence interval.');
  if (t.rows.some((r) => r.kind === 'other')) {
    notes.add(`Some answers to ${row.label} are not among its stored options; each is kept as a row of its own.`);
  }
  if (sums.outsideDesign > 0) {
    notes.add(`${sums.outsideDesign} respondents have no "${weight.name}" weight (it was made without them), so they are outside this weighted table and its design.`);
  }

  const { lowBaseBelow, hideBelow } = request.thresholds;
  return {
    row: row.name,
    rowLabel: row.label,
    col: col?.name ?? null,
    colLabel: col?.label ?? null,
    weight: weight.name,
    waveRows: N,
    rows: targets.map(({ label, kind }) => ({ label, kind })),
    cells,
    bases: t.cols.map((c, i) => {
      const base = t.bases.get(c)!;
      return {
        col: c,
        letter: letterOf(i),
        n: base.n,
        weighted_n: base.sumW,
        n_eff: kishEffectiveSize(base),
        flag: base.n < hideBelow ? ('hidden' as const) : base.n < lowBaseBelow ? ('low' as const) : null,
      };
    }),
    test: col ? independenceTest(row, t, weight.name !== null, N, notes) : null,
    comparison: request.comparison,
    comparisons,
    means: row.kind === 'likert' ? meanScores(row, t, N) : null,
    notes: [...notes],
  };
}

/** Each option (and answer found outside the options), then for a scale of four or more points its top and bottom two. */
function rowTargets(row: TableVariableSpec, t: Tally): RowTarget[] {
  const targets: RowTarget[] = t.rows.map((r) => ({ ...r, categories: [r.label] }));
  const scale = row.categories;
  if (row.kind === 'likert' && scale.length >= 4) {
    const top = scale.slice(0, 2);
    const bottom = scale.slice(-2);
    targets.push({ label: `Top 2: ${top.join(' + ')}`, kind: 'top2', categories: top });
    targets.push({ label: `Bottom 2: ${bottom.join(' + ')}`, kind: 'bottom2', categories: bottom });
  }
  return targets;
}

/** Pearson on counts when unweighted, Rao–Scott when weighted; over the answers (not nets), never for multi-choice. */
function independenceTest(row: TableVariableSpec, t: Tally, weighted: boolean, N: number, notes: Set<string>): Crosstab['test'] {
  if (row.kind === 'multi') {
    notes.add('No chi-square test: one respondent can tick several options of a multi-choice question.');
    return null;
  }
  const sums = t.rows.map((r) => t.cols.map((c) => t.cell(r.label, c)));
  try {
    const test = weighted ? raoScottChiSquare(sums, N) : pearsonChiSquare(sums.map((r) => r.map((x) => x.n)));
    if (!test) notes.add('No chi-square test: it needs at least two answers and two columns with respondents.');
    return test;
  } catch (err) {
    if (!(err instanceof SingularTableError)) throw err;
    notes.add('No chi-square test: the table has too many empty cells to adjust the test for the weighting. Combine small groups to test it.');
    return null;
  }
}

/** Mean score per column for a scale: best answer = number of points, worst = 1; answers off the scale are not scored. */
function meanScores(row: TableVariableSpec, t: Tally, N: number): Crosstab['means'] {
  const points = row.categories.length;
  return t.cols.flatMap((c) => {
    const s = { sumW: 0, sumW2: 0, sumWX: 0, sumW2X: 0, sumW2X2: 0 };
    let n = 0;
    row.categories.forEach((category, i) => {
      const cell: CellSums = t.cell(category, c);
      const x = points - i;
      n += cell.n;
      s.sumW += cell.sumW;
      s.sumW2 += cell.sumW2;
      s.sumWX += x * cell.sumW;
      s.sumW2X += x * cell.sumW2;
      s.sumW2X2 += x * x * cell.sumW2;
    });
    const m: Estimate | null = meanEstimate(s, N);
    return m ? [{ col: c, n, mean: m.estimate, se: m.se }] : [];
  });
}

/**
 * Every respondent in a weighted design needs a usable weight: a blank design weight is an error to fix, not a row
 * to drop quietly. (A saved raked weight leaves out, by design, the respondents raking could not place.)
 */
async function checkWeights(project: ProjectFile, waveId: number, table: string, weight: WeightSql, sums: WaveSums): Promise<void> {
  if (weight.name === null) return;
  const plural = (n: number) => `${n} respondent${n === 1 ? '' : 's'}`;
  const isColumn = async () => (await project.read("SELECT 1 FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [waveId, weight.name])).length > 0;
  const missing = sums.missingWeights + (sums.outsideDesign > 0 && (await isColumn()) ? sums.outsideDesign : 0);
  if (missing > 0) {
    throw new HeardError('bad_request', `The weight "${weight.name}" is blank for ${plural(missing)} of this wave. Every respondent needs a weight: fill them in, or choose another weight.`);
  }
  if (sums.invalidGroups > 0) {
    const invalid = await countInvalidWeights(project, table, weight);
    throw new HeardError('bad_request', `The weight "${weight.name}" is negative or not a number for ${plural(invalid)} of this wave. Weights must be zero or more.`);
  }
}

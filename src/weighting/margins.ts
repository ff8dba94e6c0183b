import { HeardError, type RakeMargin } from '../contract/index.js';
import type { IpfMargin } from './ipf.js';

/** Respondents sharing one combination of every margin variable's value (null: left blank). */
export interface SampleCell {
  key: (string | null)[];
  rows: number;
  /** Sum of the respondents' base weights. */
  base: number;
}

export interface PreparedMargins {
  /** Index into the sample cells of each cell IPF works on (all of them unless some were left out). */
  included: number[];
  /** Over the included cells, in that order. */
  ipf: IpfMargin[];
  /** The first margin's population total: what the raked weights add up to. */
  total: number;
  /** Per margin: its total as given when it was rescaled to the first margin's, else null. */
  givenTotals: (number | null)[];
  /** Respondents left out of the weighted design, by reason ("left age_band blank"), when that was asked for. */
  excluded: { reason: string; respondents: number }[];
}

export interface MarginOptions {
  /** Rescale margins after the first to its total when their totals disagree, instead of refusing. */
  rescale: boolean;
  /**
   * Leave respondents whose answer to a margin variable is blank or non-substantive (and not listed by the margin)
   * out of the weighted design, instead of refusing. R: subset the data to those respondents before rake().
   */
  excludeMissing: boolean;
  /** Per variable, its non-substantive answers ("Prefer not to say"). */
  nonSubstantive?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Totals closer than this (relative) agree: raking meets both to within its own tolerance. */
const TOTALS_TOLERANCE = 1e-9;
const LISTED_PROBLEMS = 8;

export function marginName(margin: Pick<RakeMargin, 'variables'>): string {
  return margin.variables.join(' × ');
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(' × ');
const people = (n: number) => (n === 1 ? '1 respondent' : `${n.toLocaleString('en-GB')} respondents`);
const tally = (counts: Map<string, number>, key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);

/**
 * Checks the margins against the sample and turns them into IPF's terms. `variables` is the order of the values in
 * each cell's key. Everything that would make raking wrong or impossible is refused here, all of it in one message:
 * a respondent in no category of a margin (blank, non-substantive, or an answer the margin does not list), a category
 * with a positive population but nobody in the sample, and margins whose totals disagree (unless `rescale`).
 */
export function prepareMargins(
  margins: readonly RakeMargin[],
  variables: readonly string[],
  cells: readonly SampleCell[],
  options: MarginOptions,
): PreparedMargins {
  margins.forEach(checkShape);
  const totals = margins.map((m) => m.cells.reduce((sum, c) => sum + c.population, 0));
  const total = totals[0]!;
  if (!(total > 0)) throw new HeardError('bad_request', `Margin ${marginName(margins[0]!)} has no population: its figures add up to 0.`);
  if (margins.some((_, i) => Math.abs(totals[i]! - total) > TOTALS_TOLERANCE * total) && !options.rescale) {
    const list = margins.map((m, i) => `${marginName(m)} ${totals[i]!.toLocaleString('en-GB')}`).join(', ');
    throw new HeardError(
      'bad_request',
      `The margins' population totals disagree (${list}), so no weights can meet them all (R's rake() would not converge either). ` +
        `Correct the figures, or rescale each margin to the first margin's total.`,
      { totals },
    );
  }

  const indexes = margins.map((m) => new Map(m.cells.map((c, k) => [JSON.stringify(c.values), k])));
  const columns = margins.map((m) => m.variables.map((v) => variables.indexOf(v)));
  const problems: string[] = [];
  const missing = new Map<string, number>();
  const unlisted = new Map<string, number>();
  const excluded = new Map<string, number>();
  const included: number[] = [];
  const category: number[][] = margins.map(() => []);
  cells.forEach((cell, c) => {
    const reasons: string[] = [];
    const found = margins.map((margin, m) => {
      const values = columns[m]!.map((col) => cell.key[col]!);
      const blank = margin.variables.filter((_, j) => values[j] === null);
      if (blank.length > 0) {
        reasons.push(`left ${blank.join(' and ')} blank`);
        return -1;
      }
      const k = indexes[m]!.get(JSON.stringify(values));
      if (k !== undefined) return k;
      const nonSubstantive = margin.variables.flatMap((v, j) => (options.nonSubstantive?.get(v)?.has(values[j]!) ? [`answered ${v} "${values[j]}"`] : []));
      if (nonSubstantive.length > 0) reasons.push(nonSubstantive.join(' and '));
      else tally(unlisted, `${quoted(values as string[])}, which margin ${marginName(margin)} does not list`, cell.rows);
      return -1;
    });
    if (found.every((k) => k >= 0)) {
      included.push(c);
      found.forEach((k, m) => category[m]!.push(k));
    } else if (reasons.length > 0) {
      tally(options.excludeMissing ? excluded : missing, [...new Set(reasons)].join(', '), cell.rows);
    }
  });
  for (const [what, n] of missing) problems.push(`${people(n)} ${what}.`);
  for (const [what, n] of unlisted) problems.push(`${people(n)} answered ${what}.`);

  const ipf = margins.map((margin, m) => {
    const scale = m === 0 ? 1 : total / totals[m]!;
    const categoryOfCell = Int32Array.from(category[m]!);
    const reached = new Float64Array(margin.cells.length);
    const rowsIn = new Float64Array(margin.cells.length);
    included.forEach((c, i) => {
      reached[categoryOfCell[i]!]! += cells[c]!.base;
      rowsIn[categoryOfCell[i]!]! += cells[c]!.rows;
    });
    margin.cells.forEach((cell, k) => {
      if (cell.population > 0 && !(reached[k]! > 0)) {
        const why = rowsIn[k]! > 0 ? `its ${people(rowsIn[k]!)} all have a base weight of 0` : 'nobody in the sample is in it';
        problems.push(
          `Margin ${marginName(margin)} has a population of ${cell.population.toLocaleString('en-GB')} for ${quoted(cell.values)}, but ${why}, so no weight can reach it.`,
        );
      }
    });
    return { categoryOfCell, targets: Float64Array.from(margin.cells, (cell) => cell.population * scale) };
  });

  if (problems.length > 0) {
    const shown = problems.slice(0, LISTED_PROBLEMS).join(' ');
    const more = problems.length > LISTED_PROBLEMS ? ` … and ${problems.length - LISTED_PROBLEMS} more.` : '';
    const hint = missing.size > 0 ? ' Respondents with a blank or non-substantive answer can be left out of the weighted design instead.' : '';
    throw new HeardError(
      'bad_request',
      `Raking needs every respondent in one category of every margin, and someone in every category with a population. ${shown}${more}${hint}`,
      { problems },
    );
  }
  return {
    included,
    ipf,
    total,
    givenTotals: margins.map((_, m) => (m === 0 || totals[m] === total ? null : totals[m]!)),
    excluded: [...excluded].map(([reason, respondents]) => ({ reason, respondents })),
  };
}

/** Each cell names one value per variable, no combination twice, no variable twice. */
function checkShape(margin: RakeMargin): void {
  const name = marginName(margin);
  const repeated = margin.variables.find((v, i) => margin.variables.indexOf(v) !== i);
  if (repeated) throw new HeardError('bad_request', `Margin ${name} names ${repeated} twice.`);
  const seen = new Set<string>();
  for (const cell of margin.cells) {
    if (cell.values.length !== margin.variables.length) {
      throw new HeardError(
        'bad_request',
        `Margin ${name} has a row with ${cell.values.length} value(s) (${quoted(cell.values)}); it needs one for each of ${margin.variables.join(', ')}.`,
      );
    }
    const key = JSON.stringify(cell.values);
    if (seen.has(key)) throw new HeardError('bad_request', `Margin ${name} lists ${quoted(cell.values)} twice.`);
    seen.add(key);
  }
}

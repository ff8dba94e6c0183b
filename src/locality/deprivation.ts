import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';
import { findColumn, message, openLookupCsv, requireNamedColumn, simplifyHeading, type LookupSource } from './lookup-csv.js';

export interface DeprivationOptions {
  /** What the index is called in reports: 'IMD2019', 'WIMD2019', or the user's own name. */
  index: 'IMD2019' | 'WIMD2019' | (string & {});
  /** Headings to use instead of the detected ones. */
  lsoaColumn?: string;
  decileColumn?: string;
  rankColumn?: string;
  scoreColumn?: string;
  /**
   * How many areas the index ranks nationally, when the file is an extract (one authority's LSOAs with national
   * ranks). Without it, deciles are derived within the file.
   */
  totalAreas?: number;
}

export interface DeprivationSummary {
  source: string;
  index: string;
  rows: number;
  /** Rows with no area code or no value in the column the decile comes from. */
  skipped: number;
  derivedFrom: 'decile' | 'rank' | 'score';
  columns: { lsoa: string; decile?: string; rank?: string; score?: string };
  /** N in decile = ceil(10 × rank / N), when deciles were derived. */
  areasRanked?: number;
  warnings: string[];
}

/** Areas each official index ranks; used only to warn when a file of ranks or scores looks like an extract. */
const KNOWN_AREAS: Record<string, number> = { IMD2019: 32_844, WIMD2019: 1_909, SIMD2020: 6_976, NIMDM2017: 890 };

const LSOA_PATTERNS = [
  /^lsoa ?(11|21)? ?(code|cd)( ?20(11|21))?$/,
  /^lsoa(11|21)?$/,
  /^data ?zone( ?code)?( ?20(11|22))?$/,
  /^(soa|small area)( ?code)?$/,
  /^feature ?code$/,
  /lsoa/,
];
const NOT_A_CODE = /\b(name|nm)\b/;

// Files carry the overall index beside its domains and variants; the overall one is wanted.
const DOMAIN = /\b(income|employment|education|skills|training|health|disability|crime|barriers|housing|living|environment|idaci|idaopi|children|older|access|services|community|safety|physical|geographical|indoors|outdoors|wider|adult|youth)\b/;
const VARIANT = /\b(pop|population|weighted|expanded|quintile)\b/;
const OVERALL = /\b(imd|wimd|simd|nimdm|index of multiple deprivation|overall|original)\b/;

/**
 * Replaces the project's deprivation index with the one in `csvPath`, inside the caller's transaction. The decile
 * is read from the file where it has one; otherwise derived from the rank (rank 1 = most deprived) or, failing that,
 * from the score (higher = more deprived), as the published deciles are.
 */
export async function loadDeprivation(tx: Tx, csvPath: string, options: DeprivationOptions, run: RunOptions = {}): Promise<DeprivationSummary> {
  if (!options.index.trim()) throw new HeardError('bad_request', 'Name the deprivation index (for example IMD2019).');
  const source = await openLookupCsv(tx, csvPath, 'deprivation index');
  const columns = detectColumns(source, options);
  const derivedFrom = columns.decile ? 'decile' : columns.rank ? 'rank' : 'score';
  const valueColumn = columns[derivedFrom]!;

  const staging = 'locality_deprivation_staging';
  try {
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE ${staging} AS
       SELECT upper(trim(${quoteIdent(columns.lsoa)})) AS lsoa_code,
              ${raw(columns.decile)} AS decile_raw, ${raw(columns.rank)} AS rank_raw, ${raw(columns.score)} AS score_raw
       FROM ${source.sql}`,
      undefined,
      { ...run, message: `Reading ${source.name}` },
    );
  } catch (err) {
    throw new HeardError('invalid_file', `${source.name} could not be read as a deprivation index.`, { cause: message(err) });
  }
  try {
    const [{ lines, kept } = {}] = await tx.read(
      `SELECT count(*) AS lines, count(*) FILTER (WHERE nullif(lsoa_code, '') IS NOT NULL AND ${derivedFrom}_raw IS NOT NULL) AS kept FROM ${staging}`,
    );
    await tx.run(`DELETE FROM ${staging} WHERE nullif(lsoa_code, '') IS NULL OR ${derivedFrom}_raw IS NULL`);
    if (Number(kept) === 0) throw new HeardError('invalid_file', `${source.name} has no areas with a value in "${valueColumn}".`);
    await checkValues(tx, staging, source.name, columns);
    await checkUnique(tx, staging, source.name, columns.lsoa);

    const warnings: string[] = [];
    let areasRanked: number | undefined;
    if (derivedFrom !== 'decile') {
      areasRanked = derivedFrom === 'rank' && options.totalAreas ? options.totalAreas : Number(kept);
      const known = KNOWN_AREAS[options.index];
      if (known && areasRanked !== known) {
        warnings.push(
          `${options.index} ranks ${known} areas but deciles were derived over ${areasRanked}; if ${source.name} is an extract, give the national total.`,
        );
      }
      if (derivedFrom === 'score' && options.totalAreas) warnings.push('Scores rank only the areas in the file; the national total was not used.');
      await checkRanksFit(tx, staging, source.name, areasRanked, derivedFrom);
    }

    await tx.run('DELETE FROM lookup_deprivation');
    await tx.run(`INSERT INTO lookup_deprivation (lsoa_code, decile, rank, score, index_name) ${insertSelect(staging, derivedFrom, areasRanked)}`, [
      options.index,
    ]);
    await tx.run(`DROP TABLE ${staging}`);

    const summary: DeprivationSummary = {
      source: source.name,
      index: options.index,
      rows: Number(kept),
      skipped: Number(lines) - Number(kept),
      derivedFrom,
      columns,
      ...(areasRanked === undefined ? {} : { areasRanked }),
      warnings,
    };
    await tx.run("INSERT INTO audit_log (action, detail) VALUES ('load_deprivation', $1)", [JSON.stringify(summary)]);
    return summary;
  } catch (err) {
    if (err instanceof HeardError) throw err;
    throw new HeardError('invalid_file', `${source.name} could not be loaded as a deprivation index.`, { cause: message(err) });
  }
}

function raw(heading: string | undefined): string {
  return heading ? `nullif(trim(${quoteIdent(heading)}), '')` : 'CAST(NULL AS VARCHAR)';
}

function insertSelect(staging: string, derivedFrom: DeprivationSummary['derivedFrom'], areas: number | undefined): string {
  const score = 'TRY_CAST(score_raw AS DOUBLE)';
  const rank = 'TRY_CAST(rank_raw AS DOUBLE)';
  if (derivedFrom === 'decile') return `SELECT lsoa_code, CAST(decile_raw AS DOUBLE)::INTEGER, ${rank}, ${score}, $1 FROM ${staging}`;
  // Ties share the better rank, so equal scores always land in the same decile.
  const ranked = derivedFrom === 'rank' ? rank : `rank() OVER (ORDER BY ${score} DESC)`;
  return `SELECT lsoa_code, least(10, greatest(1, CAST(ceil(10 * r / ${areas}) AS INTEGER))), r, ${score}, $1
          FROM (SELECT *, ${ranked} AS r FROM ${staging})`;
}

async function checkValues(tx: Tx, staging: string, file: string, columns: DeprivationSummary['columns']): Promise<void> {
  const checks: Array<[string | undefined, string, string]> = [
    [columns.decile, 'decile_raw', 'TRY_CAST(decile_raw AS DOUBLE) IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)'],
    [columns.rank, 'rank_raw', 'TRY_CAST(rank_raw AS DOUBLE) >= 1'],
    [columns.score, 'score_raw', 'isfinite(TRY_CAST(score_raw AS DOUBLE))'],
  ];
  for (const [heading, field, valid] of checks) {
    if (!heading) continue;
    const bad = await tx.read(`SELECT lsoa_code, ${field} AS value FROM ${staging} WHERE ${field} IS NOT NULL AND NOT coalesce(${valid}, false) LIMIT 3`);
    if (bad.length > 0) {
      const examples = bad.map((r) => `${String(r.lsoa_code)}: "${String(r.value)}"`).join('; ');
      const expected = field === 'decile_raw' ? 'whole numbers 1 to 10' : field === 'rank_raw' ? 'ranks from 1' : 'numbers';
      throw new HeardError('invalid_file', `${file}: column "${heading}" should hold ${expected}, but has ${examples}.`);
    }
  }
}

async function checkUnique(tx: Tx, staging: string, file: string, heading: string): Promise<void> {
  const repeated = await tx.read(`SELECT lsoa_code, count(*) AS n FROM ${staging} GROUP BY lsoa_code HAVING count(*) > 1 ORDER BY lsoa_code LIMIT 3`);
  if (repeated.length > 0) {
    const examples = repeated.map((r) => `${String(r.lsoa_code)} (${Number(r.n)} times)`).join(', ');
    throw new HeardError('invalid_file', `${file}: each area should appear once in "${heading}", but ${examples} repeat.`);
  }
}

async function checkRanksFit(tx: Tx, staging: string, file: string, areas: number, derivedFrom: string): Promise<void> {
  if (derivedFrom !== 'rank') return;
  const [{ top } = {}] = await tx.read(`SELECT max(TRY_CAST(rank_raw AS DOUBLE)) AS top FROM ${staging}`);
  if (Number(top) > areas) {
    throw new HeardError('invalid_file', `${file}: a rank of ${Number(top)} is beyond the ${areas} areas ranked; give the number of areas the index ranks.`);
  }
}

function detectColumns(source: LookupSource, options: DeprivationOptions): DeprivationSummary['columns'] {
  const named = (wanted: string | undefined, role: string) => (wanted ? requireNamedColumn(source, wanted, role) : undefined);
  const lsoa = named(options.lsoaColumn, 'LSOA code') ?? findColumn(source.headers, LSOA_PATTERNS, NOT_A_CODE);
  const decile = named(options.decileColumn, 'decile') ?? (options.rankColumn || options.scoreColumn ? undefined : best(source.headers, 'decile'));
  const rank = named(options.rankColumn, 'rank') ?? (decile ? partner(source.headers, decile, 'rank') : options.scoreColumn ? undefined : best(source.headers, 'rank'));
  const scoreBase = decile ?? rank;
  const score = named(options.scoreColumn, 'score') ?? (scoreBase ? partner(source.headers, scoreBase, 'score') : best(source.headers, 'score'));
  if (!lsoa || !(decile ?? rank ?? score)) {
    const lacking = !lsoa ? 'no LSOA (or data zone) code column' : 'no decile, rank or score column';
    throw new HeardError(
      'invalid_file',
      `${source.name} is not a deprivation index Heard can use: it has ${lacking}. Needed: an area code column (e.g. "LSOA code") and a decile, rank or score column. Found: ${source.headers.join(', ')}.`,
      { found: source.headers },
    );
  }
  return { lsoa, ...(decile && { decile }), ...(rank && { rank }), ...(score && { score }) };
}

/** The column of this kind that most looks like the overall index (not a domain, not a population-weighted variant). */
function best(headers: readonly string[], kind: 'decile' | 'rank' | 'score'): string | undefined {
  const word = new RegExp(`\\b${kind}\\b`);
  const candidates = headers
    .map((heading, position) => ({ heading, position, simple: simplifyHeading(heading) }))
    .filter(({ simple }) => word.test(simple) && !/\bquintile\b/.test(simple));
  const penalty = (simple: string) => (DOMAIN.test(simple) ? 10 : 0) + (VARIANT.test(simple) ? 5 : 0) - (OVERALL.test(simple) ? 1 : 0);
  candidates.sort((a, b) => penalty(a.simple) - penalty(b.simple) || a.position - b.position);
  return candidates[0]?.heading;
}

/**
 * The rank or score belonging to the same index as `heading` ("IMD Rank" beside "IMD Decile"), or none: a rank from
 * a different index beside the decile would contradict it.
 */
function partner(headers: readonly string[], heading: string, kind: 'rank' | 'score'): string | undefined {
  const target = stem(heading);
  return headers.find((h) => h !== heading && new RegExp(`\\b${kind}\\b`).test(simplifyHeading(h)) && stem(h) === target);
}

function stem(heading: string): string {
  return simplifyHeading(heading.replace(/\([^)]*\)/g, ' '))
    .replace(/\b(decile|rank|score)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

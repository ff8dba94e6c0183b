import type { TFunction } from 'i18next';
import { HeardError, type Crosstab, type GapPair, type GapResult, type WeightInfo } from '../contract/index.js';
import { CrosstabRequest } from '../contract/tables.js';
import { GapRequest, TrendRequest, type TrendSeries } from '../contract/gaps.js';
import type { ReportLanguage } from '../contract/report.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { computeGap } from '../gaps/compute-gap.js';
import { listPairs } from '../gaps/wave-pairs.js';
import { DEFAULT_THRESHOLDS, type DisclosureThresholds } from '../stats/disclosure-flag.js';
import { crosstab } from '../tables/crosstab.js';
import { tableVariables, type TableVariableSpec } from '../tables/variables.js';
import { trendSeries } from '../trends/trend-series.js';
import { listWeights } from '../weighting/weight-catalogue.js';
import { numberFormat, reportWords } from './catalogue.js';

export interface WaveFacts {
  id: number;
  survey: string;
  label: string;
  year: number | null;
  rows: number;
  sourceFile: string;
  table: string;
}

/**
 * What every section reads: the wave, its questions and weight, the words of the report's language, and the figures,
 * each asked of the same back-end function the pages use (crosstab, computeGap, trendSeries) and kept, so that a
 * figure quoted in the summary is the one in the section it comes from.
 */
export interface ReportContext {
  project: ProjectFile;
  lang: ReportLanguage;
  t: TFunction;
  wave: WaveFacts;
  compare: WaveFacts[];
  variables: TableVariableSpec[];
  /** Scale questions, in question order: what the appendix tabulates and the trends follow. */
  scales: TableVariableSpec[];
  breakdown: TableVariableSpec | null;
  weight: string | null;
  weightInfo: WeightInfo | null;
  thresholds: DisclosureThresholds;
  pairs: GapPair[];
  table(row: string, col: string | null, waveId?: number): Promise<Crosstab>;
  gap(pair: GapPair): Promise<GapResult>;
  /** A question across the compared waves and this one; null when it is not in every wave. */
  trend(question: string): Promise<TrendSeries | null>;
  pct(value: number): string;
  num(value: number, decimals?: number): string;
  signal?: AbortSignal;
}

export interface ContextRequest {
  waveId: number;
  compareWaveIds: number[];
  lang: ReportLanguage;
  weight?: string | null;
  breakdown?: string | null;
}

export async function reportContext(project: ProjectFile, request: ContextRequest, signal?: AbortSignal): Promise<ReportContext> {
  const wave = await waveFacts(project, request.waveId);
  if (request.compareWaveIds.includes(request.waveId)) throw new HeardError('bad_request', 'The wave the report is about cannot also be a wave to compare with.');
  const compare: WaveFacts[] = [];
  for (const id of request.compareWaveIds) compare.push(await waveFacts(project, id));
  const variables = await tableVariables(project, wave.id);
  const weights = await listWeights(project, wave.id);
  // Absent: the wave's own weight if it has one (a design weight supplied with the data, else a saved one).
  const weight = request.weight === undefined ? (weights[0]?.name ?? null) : request.weight;
  const weightInfo = weight ? (weights.find((w) => w.name === weight) ?? null) : null;
  if (weight && !weightInfo) throw new HeardError('not_found', `${wave.survey} ${wave.label} has no weight called "${weight}".`);
  const breakdown = chooseBreakdown(variables, request.breakdown);
  const t = await reportWords(request.lang);
  const pct1 = numberFormat(request.lang, 1);
  const tables = new Map<string, Promise<Crosstab>>();
  const gaps = new Map<string, Promise<GapResult>>();
  const trends = new Map<string, Promise<TrendSeries | null>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };

  return {
    project,
    lang: request.lang,
    t,
    wave,
    compare,
    variables,
    scales: variables.filter((v) => v.kind === 'likert'),
    breakdown,
    weight,
    weightInfo,
    thresholds: DEFAULT_THRESHOLDS,
    pairs: (await listPairs(project, wave.id)).pairs,
    table: (row, col, waveId = wave.id) =>
      memo(tables, `${waveId}\u0001${row}\u0001${col ?? ''}`, () => crosstab(project, CrosstabRequest.parse({ waveId, row, col, weight }), signal)),
    gap: (pair) =>
      memo(gaps, pair.key, () =>
        computeGap(project, GapRequest.parse({ waveId: wave.id, importance: pair.importance.name, satisfaction: pair.satisfaction.name, weight, itemChart: false, target: pair.target }), signal),
      ),
    trend: (question) =>
      memo(trends, question, async () => {
        if (compare.length === 0) return null;
        try {
          // trendSeries follows a question named as in the oldest wave into the later ones (by name, then wording).
          return await trendSeries(project, TrendRequest.parse({ waveIds: [...compare.map((w) => w.id), wave.id], question, weight }), signal);
        } catch (err) {
          // Not asked (or nobody answered) in every wave: the section lists it as not compared.
          if (err instanceof HeardError && (err.code === 'not_found' || err.code === 'bad_request')) return null;
          throw err;
        }
      }),
    pct: (value) => `${pct1.format(value)}%`,
    num: (value, decimals = 0) => numberFormat(request.lang, decimals).format(value),
    signal,
  };
}

async function waveFacts(project: ProjectFile, waveId: number): Promise<WaveFacts> {
  const [row] = await project.read(
    'SELECT w.id, s.name AS survey, w.label, w.year, w.row_count, w.source_file, w.table_name FROM waves w JOIN surveys s ON s.id = w.survey_id WHERE w.id = $1',
    [waveId],
  );
  if (!row) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  return {
    id: Number(row.id),
    survey: String(row.survey),
    label: String(row.label),
    year: row.year === null ? null : Number(row.year),
    rows: Number(row.row_count),
    sourceFile: String(row.source_file),
    table: String(row.table_name),
  };
}

/** A named breakdown, or the first demographic (then locality) question with 2 to 6 answers: narrow enough for a page. */
function chooseBreakdown(variables: TableVariableSpec[], name: string | null | undefined): TableVariableSpec | null {
  if (name === null) return null;
  if (name !== undefined) {
    const found = variables.find((v) => v.name === name);
    if (!found || !found.asColumn) throw new HeardError('not_found', `The appendix tables cannot be broken down by "${name}": it is not a closed question of this wave.`);
    return found;
  }
  const fits = (v: TableVariableSpec) => v.asColumn && v.kind === 'single' && v.categories.length >= 2 && v.categories.length <= 6;
  return variables.find((v) => v.role === 'demographic' && fits(v)) ?? variables.find((v) => v.role === 'locality' && fits(v)) ?? null;
}

/** First and last response dates, when the wave has a date column Heard recognised. */
export async function fieldworkDates(ctx: ReportContext): Promise<{ from: Date; to: Date } | null> {
  const [column] = await ctx.project.read("SELECT name FROM questions WHERE wave_id = $1 AND type = 'date' ORDER BY position LIMIT 1", [ctx.wave.id]);
  if (!column) return null;
  const c = `TRY_CAST(${quoteIdent(String(column.name))} AS DATE)`;
  const [row] = await ctx.project.read(`SELECT CAST(min(${c}) AS VARCHAR) AS lo, CAST(max(${c}) AS VARCHAR) AS hi FROM ${quoteIdent(ctx.wave.table)}`);
  if (!row || row.lo === null || row.hi === null) return null;
  return { from: new Date(`${String(row.lo)}T00:00:00Z`), to: new Date(`${String(row.hi)}T00:00:00Z`) };
}

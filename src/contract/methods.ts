import { z } from 'zod';
import { ImportOutcome, ImportPlan, ImportProblems, ImportRequest, ReadOptions } from './import.js';
import { LocalityRequest, LocalitySummary } from './locality.js';
import { ColumnInfo, ProjectInfo, RecentProject, RowPage, SurveySummary } from './models.js';
import { Benchmark, BenchmarkFileRequest } from './benchmark.js';
import { DeleteTargetRequest, GapPairs, GapPairsRequest, GapRequest, GapResult, SavePairRequest, SaveTargetRequest, TrendRequest, TrendSeries, UnpairRequest } from './gaps.js';
import { DiscoverRequest, Discovery } from './themes-discovery.js';
import { ReportExportRequest, ReportExportResult, ReportModel, ReportRequest } from './report.js';
import {
  Breakdown,
  BreakdownRequest,
  EqualityVariable,
  ImpactSummary,
  ImpactSummaryRequest,
  Mapping,
  MappingRequest,
  Representation,
  RepresentationRequest,
  SavedBenchmark,
  SaveBenchmarkRequest,
  SaveMappingRequest,
} from './equality.js';
import { TableExportRequest, TableExportResult } from './table-export.js';
import { Crosstab, CrosstabRequest, TableVariable, TableVariablesRequest } from './tables.js';
import {
  Agreement,
  ApplyRequest,
  ApplyResult,
  AttachCodeframeRequest,
  Codeframe,
  CodeframeSummary,
  CodedQuestion,
  CreateCodeframeRequest,
  DecideRequest,
  DeleteThemeRequest,
  EvaluateRequest,
  ExportCodeframeRequest,
  ExportCodesRequest,
  ExportCodesResult,
  HistoryEntry,
  HistoryRequest,
  ImportCodeframeRequest,
  ImportCodesRequest,
  ImportCodesResult,
  MergeThemesRequest,
  QuestionCoding,
  ResponsesPage,
  ResponsesRequest,
  ReviewItem,
  ReviewNextRequest,
  SaveThemeRequest,
  SplitThemeRequest,
  ThemeQuestion,
  ThemeQuestionsRequest,
  UndoResult,
} from './themes.js';
import { MarginsFileRequest, RakeAndSaveRequest, RakeMargin, RakeRequest, RakeResult, WaveWeightRequest, WaveWeightsRequest, WeightInfo } from './weighting.js';

const Empty = z.object({}).strict();
const ProjectPath = z.object({ path: z.string().min(1).max(4096) }).strict();

/** Largest page a caller may ask for: bounds memory per request whatever the client sends. */
export const MAX_PAGE_ROWS = 5000;

/**
 * Every method the backend offers, once: request and response schemas. Types everywhere are inferred from here.
 * `progress: true` marks long work that reports progress events and honours cancellation.
 */
export const methods = {
  'app.info': {
    request: Empty,
    response: z.object({ version: z.string(), dataDir: z.string() }),
  },
  'projects.current': { request: Empty, response: ProjectInfo.nullable() },
  'projects.recent': { request: Empty, response: z.array(RecentProject) },
  'projects.open': { request: ProjectPath, response: ProjectInfo },
  'projects.create': { request: ProjectPath, response: ProjectInfo },
  'projects.openSample': { request: Empty, response: ProjectInfo, progress: true },
  'projects.close': { request: Empty, response: z.null() },
  'surveys.list': { request: Empty, response: z.array(SurveySummary) },
  'waves.columns': {
    request: z.object({ waveId: z.number().int().nonnegative() }).strict(),
    response: z.array(ColumnInfo),
  },
  'waves.page': {
    request: z
      .object({
        waveId: z.number().int().nonnegative(),
        offset: z.number().int().nonnegative(),
        limit: z.number().int().positive().max(MAX_PAGE_ROWS),
      })
      .strict(),
    response: RowPage,
  },
  /** Reads and inspects a file without changing the project: layout, encoding, inferred model, first rows. */
  'import.plan': { request: ReadOptions.extend({ surveyId: z.number().int().positive().optional() }).strict(), response: ImportPlan, progress: true },
  /** Imports a file as a new wave, all or nothing. */
  'import.commit': { request: ImportRequest, response: ImportOutcome, progress: true },
  'waves.problems': {
    request: z.object({ waveId: z.number().int().nonnegative(), limit: z.number().int().positive().max(10_000).default(1000) }).strict(),
    response: ImportProblems,
  },
  /** Postcodes to ward, LSOA, local authority and deprivation decile, loading the lookups given first. */
  'locality.attach': { request: LocalityRequest, response: LocalitySummary, progress: true },
  /** A wave's weights: its design-weight columns and the weights saved by raking. */
  'weights.list': { request: WaveWeightsRequest, response: z.array(WeightInfo) },
  /** Rakes to population margins and reports the result without saving anything. */
  'weights.preview': { request: RakeRequest, response: RakeResult, progress: true },
  /** Rakes and saves the weights under a name every analysis can use, all or nothing. */
  'weights.rake': { request: RakeAndSaveRequest, response: RakeResult, progress: true },
  'weights.delete': { request: WaveWeightRequest, response: z.null() },
  /** Reads a margins CSV file (variable columns, then population) into a margin. */
  'weights.readMargins': { request: MarginsFileRequest, response: RakeMargin },
  /** Reads a population benchmark file (characteristic, category, population) into figures per characteristic. */
  'weights.readBenchmark': { request: BenchmarkFileRequest, response: Benchmark },
  /** The variables a wave's tables can use as rows, columns and filters, with their categories. */
  'tables.variables': { request: TableVariablesRequest, response: z.array(TableVariable) },
  /** A crosstab with column percentages, SEs, logit CIs, letters, bases, an independence test and disclosure flags. */
  'tables.crosstab': { request: CrosstabRequest, response: Crosstab },
  /** Writes a crosstab to an XLSX or CSV file with primary and secondary suppression, bases, test, weight and filters. */
  'tables.export': { request: TableExportRequest, response: TableExportResult },
  /** Importance/satisfaction pairs of a wave (stored pair keys, then names, then wording) and the questions left unpaired. */
  'gaps.pairs': { request: GapPairsRequest, response: GapPairs },
  /** Confirms a found pair or pairs two questions by hand, for every wave of the survey; returns the wave's pairs. */
  'gaps.savePair': { request: SavePairRequest, response: GapPairs },
  /** Unpairs two questions for every wave of the survey (not paired automatically again); returns the wave's pairs. */
  'gaps.unpair': { request: UnpairRequest, response: GapPairs },
  /** Saves a pair's KPI target (baseline, target, direction) for every wave of the survey; returns the wave's pairs. */
  'gaps.saveTarget': { request: SaveTargetRequest, response: GapPairs },
  /** Deletes a pair's saved target; returns the wave's pairs. */
  'gaps.deleteTarget': { request: DeleteTargetRequest, response: GapPairs },
  /** A gap (own bases, paired or mean scores) overall and by group against the rest, quadrant charts, a target's status. */
  'gaps.compute': { request: GapRequest, response: GapResult },
  /** One question across waves (matched by name, then wording): top-box %, mean or gap per wave, and the latest change. */
  'trends.series': { request: TrendRequest, response: TrendSeries },
  /** Candidate themes in a free-text question (TF-IDF, k-means): key terms, size, representative quotes masked and as written. */
  'themes.discover': { request: DiscoverRequest, response: Discovery },
  /** Every codeframe in the project (reusable across waves and surveys). */
  'themes.codeframes': { request: Empty, response: z.array(CodeframeSummary) },
  'themes.codeframe': { request: z.object({ codeframeId: z.number().int().positive() }).strict(), response: Codeframe },
  'themes.createCodeframe': { request: CreateCodeframeRequest, response: Codeframe },
  /** Adds or edits one theme of a codeframe. */
  'themes.saveTheme': { request: SaveThemeRequest, response: Codeframe },
  /** Removes a theme and its codes (undoable on each question coded with it). */
  'themes.deleteTheme': { request: DeleteThemeRequest, response: Codeframe },
  'themes.mergeThemes': { request: MergeThemesRequest, response: Codeframe },
  'themes.splitTheme': { request: SplitThemeRequest, response: Codeframe },
  /** Reads a codeframe from a CSV or JSON file as a new codeframe. */
  'themes.importCodeframe': { request: ImportCodeframeRequest, response: Codeframe },
  'themes.exportCodeframe': { request: ExportCodeframeRequest, response: z.object({ path: z.string() }) },
  /** The free-text questions of a wave and how far each is coded. */
  'themes.questions': { request: ThemeQuestionsRequest, response: z.array(ThemeQuestion) },
  /** Codes a question with a codeframe. */
  'themes.attach': { request: AttachCodeframeRequest, response: QuestionCoding },
  /** A coded question: prevalence of each theme by source, sentiment, Welsh responses, agreement, what undo would undo. */
  'themes.summary': { request: CodedQuestion, response: QuestionCoding },
  /** Auto-codes (rules, then a calibrated classifier learned from people) every response no person has coded. */
  'themes.apply': { request: ApplyRequest, response: ApplyResult, progress: true },
  /** Stores human codes from a CSV (respondent id, then one 0/1 column per theme); unknown themes join the codeframe. */
  'themes.importCodes': { request: ImportCodesRequest, response: ImportCodesResult },
  'themes.exportCodes': { request: ExportCodesRequest, response: ExportCodesResult },
  /** Agreement of the question's codes with a gold CSV in the import-codes layout. */
  'themes.evaluate': { request: EvaluateRequest, response: Agreement },
  /** The least certain response no person has reviewed. */
  'themes.reviewNext': { request: ReviewNextRequest, response: ReviewItem },
  /** A person accepts, rejects or adds themes on one response; returns it as it now stands. */
  'themes.decide': { request: DecideRequest, response: ReviewItem },
  /** Responses with their codes, optionally only those carrying one theme. */
  'themes.responses': { request: ResponsesRequest, response: ResponsesPage },
  /** The coding audit log of a question, newest first. */
  'themes.history': { request: HistoryRequest, response: z.array(HistoryEntry) },
  /** Undoes the latest change to a question's codes not yet undone. */
  'themes.undo': { request: CodedQuestion, response: UndoResult },
  /** The committee report as a section model in English or Welsh, for the Report page's preview. */
  'report.build': { request: ReportRequest, response: ReportModel, progress: true },
  /** Writes the committee report to a DOCX, HTML, XLSX or PDF file with disclosure control applied throughout. */
  'report.export': { request: ReportExportRequest, response: ReportExportResult, progress: true },
  /** The questions a wave's equality analyses can use (closed, free text, placed ward/decile) and what each is about. */
  'equality.variables': { request: z.object({ waveId: z.number().int().nonnegative() }).strict(), response: z.array(EqualityVariable) },
  /** The population benchmarks saved in the project. */
  'equality.benchmarks': { request: Empty, response: z.array(SavedBenchmark) },
  /** Saves a benchmark read from a file (any format) or entered by hand, all or nothing. */
  'equality.saveBenchmark': { request: SaveBenchmarkRequest, response: SavedBenchmark },
  'equality.deleteBenchmark': { request: z.object({ id: z.number().int().positive() }).strict(), response: z.null() },
  /** How each answer to a question counts in a characteristic's categories: saved choices, else suggestions with reasons. */
  'equality.mapping': { request: MappingRequest, response: Mapping },
  /** Saves the user's mapping for the survey (every wave of it reuses it). */
  'equality.saveMapping': { request: SaveMappingRequest, response: z.null() },
  /** Respondents against the population: shares, index, Wilson interval, flags, goodness of fit, sentences. */
  'equality.representation': { request: RepresentationRequest, response: Representation },
  /** An outcome by group (or two characteristics at once), each group against the rest, with suppression. */
  'equality.breakdown': { request: BreakdownRequest, response: Breakdown },
  /** The significant differences of many outcomes by many characteristics, in words for an impact assessment. */
  'equality.impactSummary': { request: ImpactSummaryRequest, response: ImpactSummary },
} as const satisfies Record<string, MethodSpec>;

export interface MethodSpec {
  request: z.ZodType;
  response: z.ZodType;
  progress?: boolean;
}

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

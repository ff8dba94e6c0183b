/*
 * Equality monitoring (issue #5): the module API the app, the CLI and the committee report call.
 *
 * - Benchmarks: readBenchmarkFile (every benchmark file shape: characteristic/category/population, category/population,
 *   ONS custom dataset for a chosen area), saveBenchmark / listBenchmarks / loadBenchmark / deleteBenchmark (kept in the
 *   project), manualBenchmark (figures typed in).
 * - Mapping: resolveMapping (each answer's category: the saved choice, else a suggestion with its reason),
 *   saveMapping (per survey, reused by every wave), readDictionary (free-text self-descriptions), suggestCategory.
 * - representation(project, request): "who responded" — shares, index, Wilson interval, flags, goodness of fit, notes
 *   and a plain sentence per category.
 * - breakdown(project, request): "results by group" — top-box %, mean or gap per group against the rest, [c]/[low],
 *   intersectional with by2, and the significant differences in words; impactSummary for many outcomes at once.
 * Requests are the zod schemas of src/contract/equality.ts (parse them first: defaults such as thresholds live there).
 */
export { readBenchmarkFile } from './benchmark/read-benchmark.js';
export { deleteBenchmark, listBenchmarks, loadBenchmark, manualBenchmark, saveBenchmark } from './benchmark/benchmark-store.js';
export { resolveMapping } from './mapping/resolve-mapping.js';
export { saveMapping } from './mapping/mapping-store.js';
export { readDictionary } from './mapping/dictionary.js';
export { suggestCategory } from './mapping/suggest.js';
export { representation } from './representation.js';
export { breakdown } from './breakdown.js';
export { impactSummary } from './impact-summary.js';
export { equalityVariables } from './variables.js';
export { STANDARD_CHARACTERISTICS, characteristicOf } from './standard-categories.js';

import { HeardError, type Benchmark, type BenchmarkCharacteristic, type BenchmarkSource, type Mapping } from '../../contract/index.js';
import type { ProjectFile } from '../../engine/project-file.js';
import { waveSums } from '../../tables/crosstab-sums.js';
import type { TableVariableSpec } from '../../tables/variables.js';
import { resolveWeight } from '../../weighting/resolve-weight.js';
import { loadBenchmark } from '../benchmark/benchmark-store.js';
import { readBenchmarkFile } from '../benchmark/read-benchmark.js';
import { characteristicOf, type StandardCharacteristic } from '../standard-categories.js';
import { equalityVariables, findEqualityVariable } from '../variables.js';
import { readDictionary } from './dictionary.js';
import { storedMapping } from './mapping-store.js';
import { suggestCategory } from './suggest.js';

export interface ResolvedMapping {
  mapping: Mapping;
  variable: TableVariableSpec;
  standard: StandardCharacteristic | null;
  benchmark: Benchmark | null;
  /** The benchmark's characteristic compared with, when there is a benchmark. */
  characteristic: BenchmarkCharacteristic | null;
  wave: { id: number; surveyId: number; table: string; rows: number };
}

export interface MappingOptions {
  waveId: number;
  variable: string;
  source?: BenchmarkSource;
  characteristic?: string;
  dictionary?: string;
}

/** A benchmark from where the request says: saved in the project, or read from a file now. */
export async function benchmarkFrom(project: ProjectFile, source: BenchmarkSource): Promise<Benchmark> {
  if ('benchmarkId' in source) return loadBenchmark(project, source.benchmarkId);
  const { path, ...options } = source.file;
  return readBenchmarkFile(path, options);
}

/**
 * How each answer a wave holds to `variable` counts in the characteristic's categories: the user's saved choice where
 * there is one (and it still names a category of this comparison), otherwise a suggestion (suggest.ts) with its
 * reason. Answers are the question's options in order (even those nobody gave), then others found in the wave, most
 * frequent first, each with its count of respondents.
 */
export async function resolveMapping(project: ProjectFile, options: MappingOptions, signal?: AbortSignal): Promise<ResolvedMapping> {
  const [w] = await project.read('SELECT survey_id, table_name, row_count FROM waves WHERE id = $1', [options.waveId]);
  if (!w) throw new HeardError('not_found', `There is no wave ${options.waveId} in this project.`);
  const wave = { id: options.waveId, surveyId: Number(w.survey_id), table: String(w.table_name), rows: Number(w.row_count) };
  const variable = findEqualityVariable(await equalityVariables(project, wave.id), options.variable, 'a characteristic');
  const benchmark = options.source ? await benchmarkFrom(project, options.source) : null;
  const characteristic = benchmark ? chooseCharacteristic(benchmark, variable, options.characteristic) : null;
  const standard = characteristicOf(characteristic?.name, characteristic?.label) ?? characteristicOf(variable.name, variable.label);
  const targets = characteristic ? characteristic.cells.map((c) => c.category) : (standard?.categories.map((c) => c.en) ?? []);

  const counts = await answerCounts(project, wave, variable, signal);
  const stored = await storedMapping(project, wave.surveyId, variable.name);
  const dictionary = options.dictionary ? readDictionary(options.dictionary) : undefined;
  const entries = [...counts].map(([answer, n]) => {
    if (stored.has(answer)) {
      const category = stored.get(answer)!;
      if (category === null || targets.includes(category) || (standard?.numericBands && category === answer)) return { answer, n, category, reason: 'user' as const };
    }
    const s = suggestCategory(answer, targets, standard, dictionary);
    return { answer, n, category: s.category, reason: s.reason };
  });
  return {
    mapping: {
      surveyId: wave.surveyId,
      variable: variable.name,
      variableLabel: variable.label,
      characteristic: characteristic?.name ?? standard?.key ?? null,
      targets,
      entries,
    },
    variable,
    standard,
    benchmark,
    characteristic,
    wave,
  };
}

/** The benchmark characteristic to compare a variable with: as asked, else the one named as it, else the same kind. */
function chooseCharacteristic(benchmark: Benchmark, variable: TableVariableSpec, asked: string | undefined): BenchmarkCharacteristic {
  const names = benchmark.characteristics.map((c) => c.name).join(', ');
  if (asked) {
    const found = benchmark.characteristics.find((c) => c.name === asked || c.label === asked);
    if (!found) throw new HeardError('not_found', `The benchmark ${benchmark.file} has no characteristic "${asked}". It has: ${names}.`);
    return found;
  }
  const byName = benchmark.characteristics.find((c) => c.name === variable.name);
  if (byName) return byName;
  const kind = characteristicOf(variable.name, variable.label)?.key;
  const byKind = kind ? benchmark.characteristics.find((c) => (characteristicOf(c.name, c.label)?.key ?? c.name) === kind) : undefined;
  if (byKind) return byKind;
  throw new HeardError('not_found', `The benchmark ${benchmark.file} has nothing to compare "${variable.label}" with. Choose one of its characteristics: ${names}.`);
}

/** Respondents giving each substantive answer (unweighted: representation is about who answered). */
async function answerCounts(project: ProjectFile, wave: ResolvedMapping['wave'], variable: TableVariableSpec, signal?: AbortSignal): Promise<Map<string, number>> {
  const weight = await resolveWeight(project, wave.id, null);
  const sums = await waveSums(project, { table: wave.table, waveId: wave.id, row: variable, col: null, filters: [], weight, waveRows: wave.rows }, signal);
  const found = new Map<string, number>();
  for (const g of sums.groups) for (const category of variable.categoriesOf(g.row)) found.set(category, (found.get(category) ?? 0) + g.n);
  const counts = new Map(variable.categories.map((c) => [c, found.get(c) ?? 0]));
  const others = [...found].filter(([a]) => !counts.has(a)).sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en-GB'));
  for (const [a, n] of others) counts.set(a, n);
  return counts;
}

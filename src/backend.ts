import fs from 'node:fs';
import path from 'node:path';
import { HeardError, type ProjectInfo } from './contract/index.js';
import { PROJECT_EXTENSION, ProjectFile } from './engine/project-file.js';
import { importFile, planImport } from './import/import-file.js';
import { importProblems } from './import/problems.js';
import { placeWave } from './locality/place-wave.js';
import { RecentList } from './projects/recent-list.js';
import type { Handlers } from './rpc/server.js';
import { ensureSampleProject } from './sample/build-sample-project.js';
import { sampleDataDir } from './paths.js';
import { listSurveys, waveColumns, wavePage } from './surveys/catalogue.js';
import { crosstab } from './tables/crosstab.js';
import { exportTable } from './export/table-export.js';
import { computeGap } from './gaps/compute-gap.js';
import { deleteTarget, saveTarget, unpair } from './gaps/saved-pairs.js';
import { confirmPair, listPairs } from './gaps/wave-pairs.js';
import { discoverQuestion } from './themes/discovery/discover-question.js';
import { themesHandlers } from './themes/themes-handlers.js';
import { trendSeries } from './trends/trend-series.js';
import { buildReport } from './report/build-report.js';
import { exportReport } from './report/export-report.js';
import { describeVariable, tableVariables } from './tables/variables.js';
import { readBenchmarkFile } from './equality/benchmark/read-benchmark.js';
import { breakdown, deleteBenchmark, listBenchmarks, equalityVariables, impactSummary, loadBenchmark, manualBenchmark, representation, resolveMapping, saveBenchmark, saveMapping } from './equality/index.js';
import { characteristicOf } from './equality/standard-categories.js';
import { readMarginsCsv } from './weighting/margins-csv.js';
import { previewRake, rakeAndSave } from './weighting/rake-wave.js';
import { deleteWeight, listWeights } from './weighting/weight-catalogue.js';
import type { Backend, BackendOptions } from './backend-types.js';
import { version } from './version.js';

export type { Backend, BackendOptions } from './backend-types.js';

/**
 * Implements the contract by calling the domain modules. Holds the one open project; opening another closes it.
 * Transports and hosts (Electron utility process, web host, CLI, tests) all use this same object.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = path.resolve(options.dataDir);
  const sampleDir = options.sampleDir ?? sampleDataDir();
  const recent = new RecentList(dataDir);
  let project: ProjectFile | null = null;
  let samplePath: string | null = null;

  const info = (p: ProjectFile): ProjectInfo => ({
    path: p.path,
    name: p.name,
    schemaVersion: p.schemaVersion,
    isSample: p.path === samplePath,
  });
  const requireProject = (): ProjectFile => {
    if (!project) throw new HeardError('no_project', 'Open a project first.');
    return project;
  };
  const switchTo = async (open: () => Promise<ProjectFile>, remember = true): Promise<ProjectInfo> => {
    await project?.close();
    project = null;
    project = await open();
    if (remember) recent.remember(project.path, project.name);
    return info(project);
  };
  const openSample = async (onProgress?: Parameters<typeof ensureSampleProject>[2]) => {
    samplePath = await ensureSampleProject(dataDir, sampleDir, onProgress);
    return switchTo(() => ProjectFile.open(samplePath!), false);
  };

  const handlers: Handlers = {
    'app.info': async () => ({ version, dataDir }),
    'projects.current': async () => (project ? info(project) : null),
    'projects.recent': async () => recent.list(),
    'projects.open': async ({ path: file }) => switchTo(() => ProjectFile.open(file)),
    'projects.create': async ({ path: file }) => switchTo(() => ProjectFile.create(withExtension(file))),
    'projects.openSample': async (_params, ctx) => openSample(ctx.progress),
    'projects.close': async () => {
      await project?.close();
      project = null;
      return null;
    },
    'surveys.list': async () => listSurveys(requireProject()),
    'waves.columns': async ({ waveId }) => waveColumns(requireProject(), waveId),
    'waves.page': async ({ waveId, offset, limit }, ctx) => wavePage(requireProject(), waveId, offset, limit, ctx.signal),
    'import.plan': async (request, ctx) => planImport(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'import.commit': async (request, ctx) => importFile(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'waves.problems': async ({ waveId, limit }) => importProblems(requireProject(), waveId, limit),
    'locality.attach': async (request, ctx) => placeWave(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'weights.list': async ({ waveId }) => listWeights(requireProject(), waveId),
    'weights.preview': async (request, ctx) => previewRake(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'weights.rake': async (request, ctx) => rakeAndSave(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'weights.delete': async ({ waveId, name }) => {
      await deleteWeight(requireProject(), waveId, name);
      return null;
    },
    'weights.readMargins': async ({ path: file }) => readMarginsCsv(file),
    'weights.readBenchmark': async ({ path: file, ...options }) => readBenchmarkFile(file, options),
    'tables.variables': async ({ waveId }) => (await tableVariables(requireProject(), waveId)).map(describeVariable),
    'tables.crosstab': async (request, ctx) => crosstab(requireProject(), request, ctx.signal),
    'tables.export': async (request, ctx) => exportTable(requireProject(), request, ctx.signal),
    'gaps.pairs': async ({ waveId }) => listPairs(requireProject(), waveId),
    'gaps.savePair': async ({ waveId, ...names }) => confirmPair(requireProject(), waveId, names),
    'gaps.unpair': async ({ waveId, ...names }) => {
      await unpair(requireProject(), waveId, names);
      return listPairs(requireProject(), waveId);
    },
    'gaps.saveTarget': async ({ waveId, target, ...names }) => {
      await saveTarget(requireProject(), waveId, names, target);
      return listPairs(requireProject(), waveId);
    },
    'gaps.deleteTarget': async ({ waveId, ...names }) => {
      await deleteTarget(requireProject(), waveId, names);
      return listPairs(requireProject(), waveId);
    },
    'gaps.compute': async (request, ctx) => computeGap(requireProject(), request, ctx.signal),
    'trends.series': async (request, ctx) => trendSeries(requireProject(), request, ctx.signal),
    'themes.discover': async (request, ctx) => discoverQuestion(requireProject(), request, ctx.signal),
    ...themesHandlers(requireProject),
    'report.build': async (request, ctx) => buildReport(requireProject(), request, ctx.signal, ctx.progress),
    'report.export': async (request, ctx) => exportReport(requireProject(), request, { signal: ctx.signal, printToPdf: options.printToPdf, onProgress: ctx.progress }),
    'equality.variables': async ({ waveId }) =>
      (await equalityVariables(requireProject(), waveId)).filter((v) => v.asColumn).map((v) => ({ name: v.name, label: v.label, kind: v.kind, characteristic: characteristicOf(v.name, v.label)?.key ?? null })),
    'equality.benchmarks': async () => listBenchmarks(requireProject()),
    'equality.saveBenchmark': async ({ name, file, manual, replace }) => {
      const p = requireProject();
      const benchmark = file ? readBenchmarkFile(file.path, file) : manualBenchmark(manual!);
      return loadBenchmark(p, await saveBenchmark(p, name, benchmark, replace));
    },
    'equality.deleteBenchmark': async ({ id }) => {
      await deleteBenchmark(requireProject(), id);
      return null;
    },
    'equality.mapping': async (request, ctx) => (await resolveMapping(requireProject(), request, ctx.signal)).mapping,
    'equality.saveMapping': async ({ waveId, variable, entries }) => {
      const p = requireProject();
      const { mapping } = await resolveMapping(p, { waveId, variable });
      await saveMapping(p, mapping.surveyId, variable, entries);
      return null;
    },
    'equality.representation': async (request, ctx) => representation(requireProject(), request, ctx.signal),
    'equality.breakdown': async (request, ctx) => breakdown(requireProject(), request, ctx.signal),
    'equality.impactSummary': async (request, ctx) => impactSummary(requireProject(), request, ctx.signal),
  };

  fs.mkdirSync(dataDir, { recursive: true });
  if (options.project === 'sample') await openSample();
  else if (options.project) await switchTo(() => ProjectFile.open(options.project!));

  return {
    handlers,
    async close() {
      await project?.close();
      project = null;
    },
  };
}

function withExtension(file: string): string {
  return file.endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
}

/**
 * Raking rows for `npm run bench`: the sample-style wave raked from its design weight to age band × sex and ward
 * (populations from sample-data/population-benchmark.csv), respondents with a blank answer left out, saved as a
 * weight. Timed once the project is open, median of 3; the baseline is the one GROUP BY pass over the same rows that
 * raking cannot do without.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { RakeAndSaveRequest, type RakeMargin } from '../src/contract/index.js';
import { ProjectFile } from '../src/engine/project-file.js';
import { rakeAndSave } from '../src/weighting/rake-wave.js';
import { median } from './timing.js';

/** Ward as published; age band × sex as age share × sex share of the total (the benchmark has no joint table). */
function benchmarkMargins(sampleDir: string): RakeMargin[] {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(sampleDir, 'population-benchmark.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const of = (characteristic: string) => rows.filter((r) => r.characteristic === characteristic).map((r) => ({ category: r.category!, population: Number(r.population) }));
  const wards = of('ward');
  const total = wards.reduce((n, w) => n + w.population, 0);
  const ageSex = of('age_band').flatMap((a) => of('sex').map((s) => ({ values: [a.category, s.category], population: (a.population * s.population) / total })));
  return [
    { variables: ['age_band', 'sex'], cells: ageSex },
    { variables: ['ward'], cells: wards.map((w) => ({ values: [w.category], population: w.population })) },
  ];
}


export async function benchRaking(projectPath: string, waveId: number, sampleDir: string, rows: number): Promise<string[][]> {
  const project = await ProjectFile.open(projectPath);
  try {
    const margins = benchmarkMargins(sampleDir);
    const request = (extra: object) => RakeAndSaveRequest.parse({ waveId, margins, baseWeight: 'weight', excludeMissing: true, name: 'bench raked', replace: true, ...extra });
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return (performance.now() - start) / 1000;
    };
    const rake: number[] = [];
    const scan: number[] = [];
    let last = await rakeAndSave(project, request({}));
    for (let i = 0; i < 3; i++) {
      rake.push(await timed(async () => (last = await rakeAndSave(project, request({})))));
      scan.push(await timed(() => project.read(`SELECT age_band, sex, ward, count(*), sum(CAST(weight AS DOUBLE)) FROM wave_${waveId} GROUP BY ALL`)));
    }
    let trimmed = last;
    const trim = await timed(async () => (trimmed = await rakeAndSave(project, request({ trim: 5 }))));
    const label = rows.toLocaleString('en-GB');
    return [
      [
        `rake ${label} rows to age × sex (14 cells) and ward (12) and save, median of 3 (${last.iterations} sweeps, efficiency ${(last.efficiency * 100).toFixed(1)}%)`,
        `${median(rake).toFixed(2)} s`,
        `${median(scan).toFixed(2)} s DuckDB GROUP BY of the margin variables`,
        (median(rake) / median(scan)).toFixed(1),
        '< 3 s',
      ],
      [`  the same, trimmed at 5 × the mean (${trimmed.trimming!.rounds} cap-and-re-rake rounds)`, `${trim.toFixed(2)} s`, '', '', 'report'],
    ];
  } finally {
    await project.close();
  }
}

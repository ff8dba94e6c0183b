/**
 * Equality rows for `npm run bench`: on the 1,000,000-row wave, the age comparison with the sample's benchmark (one
 * unweighted GROUP BY of the answers, then Wilson intervals and the fit) and overall satisfaction by ward, design-
 * weighted, each ward against the rest with suppression: what the Equality page asks for. Median of 5 after a warm-up;
 * the baseline is plain DuckDB doing the breakdown's GROUP BY of counts, Σw and Σw².
 */
import path from 'node:path';
import { BreakdownRequest, RepresentationRequest } from '../src/contract/index.js';
import { ProjectFile } from '../src/engine/project-file.js';
import { breakdown } from '../src/equality/breakdown.js';
import { representation } from '../src/equality/representation.js';
import { medianMs } from './timing.js';

export async function benchEquality(projectPath: string, waveId: number, sampleDir: string, rows: number): Promise<string[][]> {
  const project = await ProjectFile.open(projectPath);
  try {
    const rep = RepresentationRequest.parse({ waveId, variable: 'age_band', source: { file: { path: path.join(sampleDir, 'population-benchmark.csv') } } });
    const bd = BreakdownRequest.parse({ waveId, outcome: 'overall_satisfaction', by: 'ward', weight: 'weight' });
    await representation(project, rep);
    const groups = (await breakdown(project, bd)).groups.length;
    const repMs = await medianMs(() => representation(project, rep));
    const bdMs = await medianMs(() => breakdown(project, bd));
    const plainMs = await medianMs(() =>
      project.read(`SELECT overall_satisfaction, ward, count(*), sum(w), sum(w * w) FROM (SELECT *, CAST(weight AS DOUBLE) AS w FROM wave_${waveId}) GROUP BY ALL`),
    );
    return [
      [`representation of age band, ${rows.toLocaleString('en-GB')} rows (Wilson intervals, goodness of fit), median of 5`, `${repMs.toFixed(0)} ms`, '', '', '< 300 ms'],
      [`overall satisfaction by ward, weighted (${groups} wards against the rest, suppression), median of 5`, `${bdMs.toFixed(0)} ms`, `${plainMs.toFixed(0)} ms DuckDB GROUP BY of count, Σw, Σw²`, (bdMs / plainMs).toFixed(1), '< 300 ms'],
    ];
  } finally {
    await project.close();
  }
}

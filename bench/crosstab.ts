/**
 * Crosstab rows for `npm run bench`: overall satisfaction by ward on the 1,000,000-row wave, weighted, with logit CIs,
 * Holm letters, bases and the Rao–Scott test: what the Tables page asks for. Timed once the project is open, median of
 * 5 after one warm-up; the baseline is plain DuckDB doing the same GROUP BY of counts, Σw and Σw².
 */
import { CrosstabRequest } from '../src/contract/index.js';
import { ProjectFile } from '../src/engine/project-file.js';
import { crosstab } from '../src/tables/crosstab.js';
import { medianMs } from './timing.js';

/** `rakedWeight`: a weight saved on the wave by the raking bench, read through its positional join. */
export async function benchCrosstab(projectPath: string, waveId: number, rows: number, rakedWeight: string): Promise<string[][]> {
  const project = await ProjectFile.open(projectPath);
  try {
    const table = (weight: string) => () => crosstab(project, CrosstabRequest.parse({ waveId, row: 'overall_satisfaction', col: 'ward', weight }));
    const sample = await table('weight')();
    const designMs = await medianMs(table('weight'));
    const rakedMs = await medianMs(table(rakedWeight));
    const plainMs = await medianMs(() =>
      project.read(`SELECT overall_satisfaction, ward, count(*), sum(w), sum(w * w) FROM (SELECT *, CAST(weight AS DOUBLE) AS w FROM wave_${waveId}) GROUP BY ALL`),
    );
    const size = `${sample.rows.length} × ${sample.bases.length}`;
    return [
      [
        `crosstab of ${rows.toLocaleString('en-GB')} rows, weighted (${size}: CIs, Holm letters, Rao–Scott), median of 5`,
        `${designMs.toFixed(0)} ms`,
        `${plainMs.toFixed(0)} ms DuckDB GROUP BY of count, Σw, Σw²`,
        (designMs / plainMs).toFixed(1),
        '< 300 ms',
      ],
      ['  the same with the saved raked weight', `${rakedMs.toFixed(0)} ms`, '', '', '< 300 ms'],
    ];
  } finally {
    await project.close();
  }
}

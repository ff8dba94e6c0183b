/**
 * Gap rows for `npm run bench`: the "council listens" gap by ward on the 1,000,000-row wave, design-weighted, with each
 * ward against the rest and both quadrant charts: what the Gaps page asks for. Timed once the project is open, median
 * of 5 after one warm-up; the baseline is plain DuckDB doing the same GROUP BY of counts, Σw and Σw².
 */
import { GapRequest } from '../src/contract/index.js';
import { ProjectFile } from '../src/engine/project-file.js';
import { computeGap } from '../src/gaps/compute-gap.js';
import { medianMs } from './timing.js';

export async function benchGap(projectPath: string, waveId: number, rows: number): Promise<string[][]> {
  const project = await ProjectFile.open(projectPath);
  try {
    const request = GapRequest.parse({ waveId, importance: 'listens_importance', satisfaction: 'listens_satisfaction', weight: 'weight', by: 'ward' });
    const sample = await computeGap(project, request);
    const gapMs = await medianMs(() => computeGap(project, request));
    const withoutItems = GapRequest.parse({ ...request, itemChart: false });
    const groupsMs = await medianMs(() => computeGap(project, withoutItems));
    const plainMs = await medianMs(() =>
      project.read(
        `SELECT listens_importance, listens_satisfaction, ward, count(*), sum(w), sum(w * w)
         FROM (SELECT *, CAST(weight AS DOUBLE) AS w FROM wave_${waveId}) GROUP BY ALL`,
      ),
    );
    return [
      [
        `gap by ward of ${rows.toLocaleString('en-GB')} rows, weighted (${sample.groups.length} wards against the rest, both quadrant charts: ${sample.quadrants.items!.points.length} pairs, wards), median of 5`,
        `${gapMs.toFixed(0)} ms`,
        `${plainMs.toFixed(0)} ms DuckDB GROUP BY of count, Σw, Σw²`,
        (gapMs / plainMs).toFixed(1),
        '< 300 ms',
      ],
      ['  the same without the chart of every pair (itemChart: false, as a page asks once it has it)', `${groupsMs.toFixed(0)} ms`, '', '', '< 300 ms'],
    ];
  } finally {
    await project.close();
  }
}

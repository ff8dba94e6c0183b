import { BreakdownRequest, HeardError, type ImpactSummary } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { breakdown } from './breakdown.js';

export interface ImpactSummaryOptions {
  waveId: number;
  outcomes: readonly string[];
  by: readonly string[];
  weight?: string | null;
  alpha?: number;
}

/**
 * An equality impact summary: every outcome broken down by every characteristic (top-box %, each group against the
 * rest, suppression applied), keeping the significant differences as plain sentences ready to paste into an equality
 * impact assessment. A pair that cannot be broken down (nobody answered both) is named in the notes, not dropped.
 */
export async function impactSummary(project: ProjectFile, options: ImpactSummaryOptions, signal?: AbortSignal): Promise<ImpactSummary> {
  const lines: ImpactSummary['lines'] = [];
  const notes: string[] = [];
  for (const outcome of options.outcomes) {
    for (const by of options.by) {
      try {
        const b = await breakdown(project, BreakdownRequest.parse({ waveId: options.waveId, outcome, by, weight: options.weight, alpha: options.alpha }), signal);
        b.groups.forEach((g, i) => {
          if (g.significant) lines.push({ outcome, by, group: g.group, text: b.summary[b.groups.slice(0, i).filter((x) => x.significant).length]! });
        });
      } catch (err) {
        if (!(err instanceof HeardError) || err.code === 'cancelled') throw err;
        notes.push(`${outcome} by ${by}: ${err.message}`);
      }
    }
  }
  const weighting = options.weight ? `weighted by "${options.weight}"` : 'unweighted';
  const head =
    lines.length === 0
      ? `No group's result differed significantly from everyone else's (${weighting}; each group against the rest, Holm-adjusted, 5% level). Groups too small to report were not tested in public.`
      : `Significant differences between groups (${weighting}; each group against everyone else who answered, Holm-adjusted, 5% level):`;
  return { lines, text: [head, ...lines.map((l) => `- ${l.text}`)].join('\n'), notes };
}

import { HeardError } from '../contract/index.js';
import type { GapPairItem, GapPairs } from '../contract/gaps.js';
import type { ProjectFile } from '../engine/project-file.js';
import { detectPairs, sideOf, unpaired, type DetectedPair, type PairCandidate } from './detect-pairs.js';

export interface PairQuestion extends PairCandidate {
  categories: string[];
}

/** The importance/satisfaction pairs of a wave's closed questions (detect-pairs.ts says how they are found). */
export async function wavePairs(project: Pick<ProjectFile, 'read'>, waveId: number): Promise<{ pairs: DetectedPair<PairQuestion>[]; questions: PairQuestion[] }> {
  const [wave] = await project.read('SELECT id FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const rows = await project.read(
    `SELECT name, label, source_header, role, position, pair, options, non_substantive FROM questions
     WHERE wave_id = $1 AND type IN ('likert', 'single') ORDER BY position`,
    [waveId],
  );
  const questions: PairQuestion[] = rows
    .map((r) => {
      const excluded = new Set((r.non_substantive as string[]) ?? []);
      return {
        name: String(r.name),
        label: String(r.label),
        text: String(r.source_header),
        role: String(r.role),
        position: Number(r.position),
        pair: r.pair === null ? null : String(r.pair),
        categories: ((r.options as string[]) ?? []).filter((o) => !excluded.has(o)),
      };
    })
    .filter((q) => q.categories.length >= 2);
  return { pairs: detectPairs(questions), questions };
}

/** gaps.pairs: the pairs with their scales and default top boxes, and the questions left over to pair by hand. */
export async function listPairs(project: ProjectFile, waveId: number): Promise<GapPairs> {
  const { pairs, questions } = await wavePairs(project, waveId);
  const item = (q: PairQuestion): GapPairItem => ({ name: q.name, label: q.label, text: q.text, categories: q.categories, top: q.categories.slice(0, 2) });
  return {
    pairs: pairs.map((p) => ({ key: p.key, label: p.label, source: p.source, importance: item(p.importance), satisfaction: item(p.satisfaction) })),
    unpaired: unpaired(questions, pairs).map((q) => ({ name: q.name, label: q.label, side: sideOf(q)! })),
  };
}

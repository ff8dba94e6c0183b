import { HeardError } from '../contract/index.js';
import type { GapPairItem, GapPairs } from '../contract/gaps.js';
import type { ProjectFile } from '../engine/project-file.js';
import { detectPairs, sideOf, unpaired, type DetectedPair, type PairCandidate } from './detect-pairs.js';
import { savePair, savedPairings, savedTargets, surveyOfWave, targetKey, type PairNames } from './saved-pairs.js';

export interface PairQuestion extends PairCandidate {
  categories: string[];
}

/**
 * The importance/satisfaction pairs of a wave's closed questions (detect-pairs.ts says how they are found), the user's
 * saved pairings (saved-pairs.ts) taking the place of the keys the import stored.
 */
export async function wavePairs(project: Pick<ProjectFile, 'read'>, waveId: number): Promise<{ pairs: DetectedPair<PairQuestion>[]; questions: PairQuestion[]; saved: Set<string> }> {
  const [wave] = await project.read('SELECT id FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const saved = await savedPairings(project, await surveyOfWave(project, waveId));
  const rows = await project.read(
    `SELECT name, label, source_header, role, position, pair, options, non_substantive FROM questions
     WHERE wave_id = $1 AND type IN ('likert', 'single') ORDER BY position`,
    [waveId],
  );
  const questions: PairQuestion[] = rows
    .map((r) => {
      const excluded = new Set((r.non_substantive as string[]) ?? []);
      const name = String(r.name);
      const user = saved.get(name);
      return {
        name,
        label: String(r.label),
        text: String(r.source_header),
        role: String(r.role),
        position: Number(r.position),
        pair: user ? user.pair : r.pair === null ? null : String(r.pair),
        side: user?.side ?? null,
        autoPair: !(user && user.pair === null),
        categories: ((r.options as string[]) ?? []).filter((o) => !excluded.has(o)),
      };
    })
    .filter((q) => q.categories.length >= 2);
  return { pairs: detectPairs(questions), questions, saved: new Set([...saved].filter(([, s]) => s.pair !== null).map(([name]) => name)) };
}

/**
 * gaps.pairs: the pairs with their scales and default top boxes, whether the user confirmed each, its saved target,
 * and the questions left over to pair by hand.
 */
export async function listPairs(project: ProjectFile, waveId: number): Promise<GapPairs> {
  const { pairs, questions, saved } = await wavePairs(project, waveId);
  const targets = await savedTargets(project, await surveyOfWave(project, waveId));
  const item = (q: PairQuestion): GapPairItem => ({ name: q.name, label: q.label, text: q.text, categories: q.categories, top: q.categories.slice(0, 2) });
  return {
    pairs: pairs.map((p) => ({
      key: p.key,
      label: p.label,
      source: p.source,
      confirmed: p.source === 'metadata' && saved.has(p.importance.name) && saved.has(p.satisfaction.name),
      importance: item(p.importance),
      satisfaction: item(p.satisfaction),
      target: targets.get(targetKey(p.importance.name, p.satisfaction.name)) ?? null,
    })),
    unpaired: unpaired(questions, pairs).map((q) => ({ name: q.name, label: q.label, side: sideOf(q)!, unpairedByUser: q.autoPair === false })),
  };
}

/** Confirms or makes a pair (keeping the key it was found under, when it was found) and gives the wave's pairs anew. */
export async function confirmPair(project: ProjectFile, waveId: number, names: PairNames): Promise<GapPairs> {
  const found = (await wavePairs(project, waveId)).pairs.find((p) => p.importance.name === names.importance && p.satisfaction.name === names.satisfaction);
  await savePair(project, waveId, names, found?.key ?? null);
  return listPairs(project, waveId);
}

import { sideOf, type PairCandidate } from '../gaps/detect-pairs.js';
import { contentWords, similarity } from '../gaps/question-words.js';
import { normaliseAnswer } from '../import/infer/normalise.js';

export interface WaveQuestion extends PairCandidate {
  type: string;
  categories: string[];
}

export type MatchedBy = 'name' | 'text';

/** Reworded questions must share at least this share of their content words (Jaccard) to be taken as the same. */
const MIN_SIMILARITY = 0.6;

/**
 * The question of another wave that asks what `reference` asked: the same name; else the same wording (case,
 * punctuation and accents aside); else the most similar wording on the same side (an importance question never
 * matches a satisfaction one, though they share their subject), at least 60% of content words in common, nearest in
 * the questionnaire on a tie. Only closed questions of the same type are candidates. Null when nothing is close.
 */
export function matchQuestion(reference: WaveQuestion, candidates: readonly WaveQuestion[]): { question: WaveQuestion; matchedBy: MatchedBy } | null {
  const sameType = candidates.filter((q) => q.type === reference.type);
  const byName = sameType.find((q) => q.name === reference.name);
  if (byName) return { question: byName, matchedBy: 'name' };
  const text = (q: WaveQuestion) => normaliseAnswer(q.text || q.label);
  const sameText = sameType.find((q) => text(q) === text(reference));
  if (sameText) return { question: sameText, matchedBy: 'text' };
  const side = sideOf(reference);
  const words = contentWords(reference.text || reference.label);
  let best: { question: WaveQuestion; score: number; distance: number } | null = null;
  for (const q of sameType) {
    if (sideOf(q) !== side) continue;
    const score = similarity(words, contentWords(q.text || q.label));
    const distance = Math.abs(q.position - reference.position);
    if (score >= MIN_SIMILARITY && (!best || score > best.score || (score === best.score && distance < best.distance))) best = { question: q, score, distance };
  }
  return best && { question: best.question, matchedBy: 'text' };
}

/**
 * The top box of a reference scale carried to another wave's scale: answers worded the same are kept; when the
 * wording changed but the scale has as many points, an answer is taken at the same place on the scale (a reworded
 * scale). Null when an answer can be placed neither way.
 */
export function mapTopBox(top: readonly string[], from: readonly string[], to: readonly string[]): { top: string[]; renamed: [string, string][] } | null {
  const renamed: [string, string][] = [];
  const mapped: string[] = [];
  for (const option of top) {
    if (to.includes(option)) {
      mapped.push(option);
      continue;
    }
    const match = to.find((o) => normaliseAnswer(o) === normaliseAnswer(option)) ?? (from.length === to.length ? to[from.indexOf(option)] : undefined);
    if (match === undefined) return null;
    mapped.push(match);
    renamed.push([option, match]);
  }
  return { top: mapped, renamed };
}

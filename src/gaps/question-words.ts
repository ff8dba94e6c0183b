import { normaliseAnswer } from '../import/infer/normalise.js';

/**
 * What a question is about, as a set of content words: its text without the words that only frame it ("How
 * important is it to you that…", "Pa mor fodlon ydych chi…") or carry grammar. Two questions about the same thing
 * share most of these words even when one asks about importance and the other about satisfaction, or when a later
 * wave rewords the question a little. Welsh mutated forms are listed beside the radical (pwysig / bwysig / mhwysig).
 */
const FRAME = new Set([
  // English
  'a', 'about', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'do', 'does', 'for', 'from', 'has', 'have', 'how', 'i',
  'in', 'is', 'it', 'its', 'me', 'my', 'of', 'on', 'or', 'our', 'overall', 'please', 'that', 'the', 'their', 'these', 'this',
  'those', 'to', 'us', 'very', 'we', 'what', 'which', 'with', 'would', 'you', 'your', 'yourself', 'currently', 'generally',
  'important', 'importance', 'unimportant', 'satisfied', 'satisfaction', 'dissatisfied', 'dissatisfaction', 'rate', 'rating',
  // Welsh
  'pa', 'mor', 'yw', 'ydy', 'ydych', 'ydi', 'chi', 'hi', 'fod', 'bod', 'y', 'yr', 'r', 'n', 'yn', 'ac', 'ag', 'o', 'ar', 'gyda',
  'am', 'eich', 'ein', 'ei', 'mae', 'gan', 'i', 'chin', 'ich', 'ai', 'neu', 'sydd', 'cyffredinol', 'gyffredinol',
  'pwysig', 'bwysig', 'mhwysig', 'phwysig', 'pwysigrwydd', 'bodlon', 'fodlon', 'modlon', 'anfodlon', 'boddhad', 'foddhad',
]);

export function contentWords(text: string): Set<string> {
  return new Set(normaliseAnswer(text).split(' ').filter((w) => w !== '' && !FRAME.has(w)));
}

/** Jaccard similarity of two word sets: shared words over all words (0 when both are empty). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

const IMPORTANCE_OPENING = /^(how important|how much does it matter|pa mor (bwysig|pwysig))\b/;
const SATISFACTION_OPENING = /^(how satisfied|how dissatisfied|how satisfied or dissatisfied|pa mor (fodlon|bodlon))\b/;

/** Which side of a gap a question's wording puts it on: "How important…" / "Pa mor bwysig…", "How satisfied…" / "Pa mor fodlon…". */
export function sideFromText(text: string): 'importance' | 'satisfaction' | null {
  const words = normaliseAnswer(text);
  if (IMPORTANCE_OPENING.test(words)) return 'importance';
  if (SATISFACTION_OPENING.test(words)) return 'satisfaction';
  return null;
}

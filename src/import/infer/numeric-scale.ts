import { matchScale, pointOf, type ValueCount } from './match-scale.js';
import { isNonSubstantive } from './non-substantive.js';
import { hasKeyword, normaliseLabel } from './normalise.js';
import type { ScaleTopic } from './scales.js';

export interface NumericScale {
  /** Best first, every point from the lowest to the highest number, as the file writes each. */
  options: string[];
  topic?: ScaleTopic;
}

/** "5 - Very satisfied", "1: Strongly disagree", "10 = Extremely likely", or a bare "3". */
const POINT = /^(\d{1,2})(?:\s*[-–—:=.)]\s*(\S.*))?$/;

const RATING_WORDS = [
  'rate', 'rating', 'scale', 'score', 'out of', 'satisf*', 'agree', 'likely', 'likelihood', 'recommend',
  'important', 'importance', 'graddfa', 'sgor', 'bodlon', 'cytuno', 'tebygol', 'pwysig', 'escala', 'echelle',
];

const NEGATIVE = /\b(dis|un|in|not|never|poor|bad|worst|ddim|an|gwael)/i;

export function soundsLikeRating(label: string): boolean {
  const words = normaliseLabel(label);
  return RATING_WORDS.some((w) => hasKeyword(words, w)) || /\b[01]\s*(?:-|to|–|al|i)\s*(?:5|7|10)\b/i.test(label);
}

/** A bound stated in the question ("on a scale of 0 to 10"), so a point nobody chose is still listed. */
function statedRange(label: string): [number, number] | undefined {
  const m = /\b([01])\s*(?:-|to|–|al|i|and)\s*(5|7|10)\b/i.exec(label);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * Numbered scales: end-labelled ("1 - Very dissatisfied" … "5 - Very satisfied") or bare 0–10 / 1–5 ratings.
 * Best first means the end whose words are better on a known scale; bare numbers put the highest first.
 */
export function matchNumericScale(values: readonly ValueCount[], label: string): NumericScale | null {
  const substantive = values.filter((v) => v.value.trim() !== '' && !isNonSubstantive(v.value));
  if (substantive.length < 2) return null;
  const points = new Map<number, string>();
  const words = new Map<number, string>();
  for (const v of substantive) {
    const m = POINT.exec(v.value.trim());
    if (!m) return null;
    const n = Number(m[1]);
    if (points.has(n) && points.get(n) !== v.value) return null;
    // "1.5" is a decimal, not point 1 labelled "5".
    if (m[2] && !/\p{L}/u.test(m[2])) return null;
    points.set(n, v.value);
    if (m[2]) words.set(n, m[2]);
  }
  const numbers = [...points.keys()];
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  if (lo < 0 || hi > 10 || hi - lo < 2) return null;
  const labelled = words.size > 0;
  // Nearly every point of a 0–10 or 1–10 range in use reads as a rating even when the wording is not recognised.
  const tenPoint = hi === 10 && lo <= 1 && numbers.length >= 6;
  if (!labelled && !tenPoint && !soundsLikeRating(label)) return null;
  const stated = statedRange(label);
  if (stated && stated[0] <= lo && stated[1] >= hi) [lo, hi] = stated;

  let highFirst = true;
  let topic: ScaleTopic | undefined;
  if (labelled) {
    const ends = [...words].sort((a, b) => a[0] - b[0]);
    const scale = matchScale(ends.map(([, w]) => ({ value: w, count: 1 })))?.scale;
    const lowWords = ends[0]!;
    const highWords = ends[ends.length - 1]!;
    if (scale) {
      topic = scale.topic;
      const lowPoint = pointOf(scale, lowWords[1]);
      const highPoint = pointOf(scale, highWords[1]);
      if (lowPoint !== undefined && highPoint !== undefined && lowPoint !== highPoint) highFirst = highPoint < lowPoint;
    } else if (ends.length === 1) {
      // One labelled end: it is the best end unless its wording is negative.
      const negative = NEGATIVE.test(lowWords[1]);
      if (lowWords[0] === hi) highFirst = !negative;
      else if (lowWords[0] === lo) highFirst = negative;
    }
  }
  const options: string[] = [];
  for (let n = lo; n <= hi; n++) options.push(points.get(n) ?? String(n));
  return { options: highFirst ? options.reverse() : options, ...(topic ? { topic } : {}) };
}

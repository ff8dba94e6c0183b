import { isNonSubstantive } from './non-substantive.js';
import { normaliseAnswer } from './normalise.js';
import { SCALES, type ScaleDefinition } from './scales.js';

export interface ValueCount {
  value: string;
  count: number;
}

export interface ScaleMatch {
  scale: ScaleDefinition;
  /** Best first: the scale's points as the file writes them (missing points filled in), then answers off it. */
  options: string[];
  /** Substantive answers not on the scale (a small share at most). */
  offScale: string[];
}

/** Share of substantive answers (by count) that must be on the scale. */
const MIN_COVERAGE = 0.95;

const lookups = new Map<ScaleDefinition, Map<string, number>>(
  SCALES.map((scale) => {
    const points = new Map<string, number>();
    scale.points.forEach((forms, i) => forms.forEach((form) => points.set(normaliseAnswer(form), i)));
    return [scale, points];
  }),
);

/** The 0-based point of a wording on a scale, if it is one of the scale's wordings. */
export function pointOf(scale: ScaleDefinition, value: string): number | undefined {
  const points = lookups.get(scale)!;
  // A bracketed aside ("Neither important nor unimportant (neutral)") does not change the point.
  return points.get(normaliseAnswer(value)) ?? points.get(normaliseAnswer(value.replace(/\s*\([^()]*\)\s*$/, '')));
}

/** Writes a filled-in point the way the file writes its others: Title Case, CAPITALS, or curly apostrophes. */
function styled(canonical: string, observed: string[]): string {
  let text = canonical;
  if (observed.some((v) => v.includes('\u2019'))) text = text.replace(/'/g, '\u2019');
  const letters = observed.filter((v) => /\p{L}/u.test(v));
  if (letters.length && letters.every((v) => v === v.toUpperCase())) return text.toUpperCase();
  const multiWord = letters.filter((v) => v.includes(' '));
  if (multiWord.length && multiWord.every((v) => v.split(' ').every((w) => !/^\p{Ll}/u.test(w)))) {
    return text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, ch: string) => space + ch.toUpperCase());
  }
  return text;
}

/**
 * Which known scale a column's answers are on. Of the scales that hold nearly all substantive answers, the one
 * holding most wins, then the one telling most answers apart (a 7-point scale when "Agree" and "Somewhat agree"
 * both occur), then the shortest (a 4-point scale over a 5-point one when nobody chose a middle answer).
 */
export function matchScale(values: readonly ValueCount[]): ScaleMatch | null {
  const substantive = values.filter((v) => v.value.trim() !== '' && !isNonSubstantive(v.value));
  const total = substantive.reduce((n, v) => n + v.count, 0);
  if (total === 0) return null;
  let best: { scale: ScaleDefinition; covered: number; points: Map<number, string[]> } | undefined;
  for (const scale of SCALES) {
    const points = new Map<number, string[]>();
    let covered = 0;
    for (const v of substantive) {
      const point = pointOf(scale, v.value);
      if (point === undefined) continue;
      covered += v.count;
      points.set(point, [...(points.get(point) ?? []), v.value]);
    }
    if (points.size < 2 || covered < MIN_COVERAGE * total) continue;
    if (
      !best ||
      covered > best.covered ||
      (covered === best.covered && points.size > best.points.size) ||
      (covered === best.covered && points.size === best.points.size && scale.points.length < best.scale.points.length)
    ) {
      best = { scale, covered, points };
    }
  }
  if (!best) return null;

  const observed = [...best.points.values()].flat();
  // With three or more points seen, the scale is certain enough to list the points nobody chose yet, so a later
  // wave that uses them is not flagged as off the scale.
  const complete = best.points.size >= 3;
  const options: string[] = [];
  best.scale.points.forEach((forms, i) => {
    const seen = best.points.get(i);
    if (seen) {
      const order = (v: string) => forms.findIndex((form) => normaliseAnswer(form) === normaliseAnswer(v));
      options.push(...[...seen].sort((a, b) => order(a) - order(b)));
    } else if (complete) {
      options.push(styled(forms[0]!, observed));
    }
  });
  const onScale = new Set(observed);
  const offScale = substantive.filter((v) => !onScale.has(v.value)).map((v) => v.value);
  return { scale: best.scale, options: [...options, ...offScale], offScale };
}

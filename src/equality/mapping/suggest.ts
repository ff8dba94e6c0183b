import { ageRange, sameRange, within } from './age-range.js';
import { normaliseLabel, type StandardCategory, type StandardCharacteristic } from '../standard-categories.js';

/** Why a suggestion was made, so the mapping screen can say it (and the user can trust or change it). */
export type SuggestionReason = 'same' | 'synonym' | 'numbers' | 'dictionary' | 'own-band' | 'none';

export interface Suggestion {
  category: string | null;
  reason: SuggestionReason;
}

/** A reviewable dictionary of free-text self-descriptions: what was typed (normalised) → a coded answer. */
export type Dictionary = ReadonlyMap<string, string>;

/**
 * The category of `targets` (a benchmark characteristic's categories, or the standard ones) an answer most likely
 * counts in, tried in this order: the same words (case, punctuation and word order aside); an age band by the numbers
 * in both labels (the same years, or a target band containing the answer's; an answer band made of several finer
 * target bands counts as its own band, 'own-band'); a synonym of a standard category ("F", "Woman" → Female; a
 * detailed ethnic group → its high-level group when the targets are high-level); and last a dictionary's coding of
 * what was typed, read by the same rules. Null when none applies: the user decides.
 */
export function suggestCategory(
  answer: string,
  targets: readonly string[],
  characteristic: StandardCharacteristic | null,
  dictionary?: Dictionary,
): Suggestion {
  const direct = matchLabel(answer, targets, characteristic);
  if (direct.category !== null) return direct;
  const coded = dictionary?.get(normaliseLabel(answer));
  if (coded !== undefined) {
    const viaDictionary = matchLabel(coded, targets, characteristic);
    if (viaDictionary.category !== null) return { category: viaDictionary.category, reason: 'dictionary' };
  }
  return { category: null, reason: 'none' };
}

function matchLabel(answer: string, targets: readonly string[], characteristic: StandardCharacteristic | null): Suggestion {
  const key = normaliseLabel(answer);
  if (key === '') return { category: null, reason: 'none' };
  const same = targets.find((t) => normaliseLabel(t) === key) ?? targets.find((t) => wordSet(t) === wordSet(answer));
  if (same !== undefined) return { category: same, reason: 'same' };

  if (characteristic?.numericBands) {
    const range = ageRange(answer);
    if (range) {
      const ranged = targets.map((t) => ({ t, r: ageRange(t) }));
      const equal = ranged.find((x) => x.r && sameRange(x.r, range));
      if (equal) return { category: equal.t, reason: 'numbers' };
      const containing = ranged.filter((x) => x.r && within(range, x.r));
      if (containing.length === 1) return { category: containing[0]!.t, reason: 'numbers' };
      if (ranged.some((x) => x.r && within(x.r, range))) return { category: answer, reason: 'own-band' };
    }
    return { category: null, reason: 'none' };
  }

  const standard = characteristic ? standardCategoryOf(answer, characteristic) : null;
  if (standard) {
    const sameStandard = targets.find((t) => {
      const s = standardCategoryOf(t, characteristic!);
      return s !== null && s.en === standard.en;
    });
    if (sameStandard !== undefined) return { category: sameStandard, reason: 'synonym' };
    // A detailed ethnic group counts in its high-level group, or in a broader census category naming it.
    if (standard.group) {
      const high = targets.find((t) => normaliseLabel(t) === normaliseLabel(standard.group!));
      if (high !== undefined) return { category: high, reason: 'synonym' };
    }
  }
  const detail = detailOf(answer);
  if (detail) {
    const broader = targets.filter((t) => {
      const d = detailOf(t);
      return d !== null && d.group === detail.group && d.rest.includes(detail.rest);
    });
    if (broader.length === 1) return { category: broader[0]!, reason: 'synonym' };
  }
  return { category: null, reason: 'none' };
}

/** The standard category whose label (English or Welsh) or a synonym is this answer. */
export function standardCategoryOf(label: string, characteristic: StandardCharacteristic): StandardCategory | null {
  const key = normaliseLabel(label);
  const words = wordSet(label);
  return (
    characteristic.categories.find((c) => normaliseLabel(c.en) === key || normaliseLabel(c.cy) === key || wordSet(c.en) === words) ??
    characteristic.categories.find((c) => c.synonyms?.some((s) => normaliseLabel(s) === key)) ??
    null
  );
}

/** "White: Irish" → group "white", rest "irish" (ONS writes a detailed ethnic group after its high-level one). */
function detailOf(label: string): { group: string; rest: string } | null {
  const at = label.indexOf(':');
  if (at <= 0) return null;
  return { group: normaliseLabel(label.slice(0, at)), rest: normaliseLabel(label.slice(at + 1)) };
}

function wordSet(label: string): string {
  return [...new Set(normaliseLabel(label).split(' '))].sort().join(' ');
}

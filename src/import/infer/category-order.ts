import type { ValueCount } from './match-scale.js';

const BELOW = /^(?:under|less than|below|up to|younger than|fewer than|<|o dan|dan|llai na|iau na)\s*/i;
const ABOVE = /^(?:over|more than|above|older than|greater than|>|dros|mwy na|hyn na)\s*/i;
const NONE = /^(?:none|nil|zero|no one|dim|neb)$/i;

/**
 * Where a category sits on a number line: "16-24" at 16, "Under 18" just below 18, "75+" / "65 and over" at
 * their lower bound, "> 60" just above 60, "$50,000 - $99,999" at 50000. Undefined when there is no number.
 */
export function numericKey(value: string): number | undefined {
  const text = value.trim();
  if (NONE.test(text)) return 0;
  const m = /(\d+(?:\.\d+)?)/.exec(text.replace(/(\d),(?=\d{3}\b)/g, '$1'));
  if (!m) return undefined;
  const n = Number(m[1]);
  if (BELOW.test(text)) return n - 0.5;
  if (ABOVE.test(text)) return n + 0.5;
  return n;
}

/**
 * Category order for a single-choice question: most frequent first, unless every answer is a number or a range
 * (age bands, income bands, counts), which keep their natural order.
 */
export function orderCategories(values: readonly ValueCount[]): string[] {
  const byFrequency = [...values].sort((a, b) => b.count - a.count);
  const keys = byFrequency.map((v) => numericKey(v.value));
  if (byFrequency.length > 1 && keys.every((k) => k !== undefined)) {
    return byFrequency
      .map((v, i) => ({ v, key: keys[i]!, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.v.value);
  }
  return byFrequency.map((v) => v.value);
}

/** An age band's years, both ends included; `hi` is Infinity for an open band ("75+"). */
export interface AgeRange {
  lo: number;
  hi: number;
}

/**
 * The years an age band's label stands for, read from the numbers in it, so that "Aged 16 to 24 years", "16-24" and
 * "16–24" are the same band, "75+", "75 and over" and "Aged 75 years and over" are open, and "Under 16" and "Aged 15
 * years and under" both end at 15. Null when the label has no numbers or cannot be read as a band.
 */
export function ageRange(label: string): AgeRange | null {
  const text = label.toLowerCase();
  const numbers = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 0 || numbers.length > 2) return null;
  const [a, b] = numbers as [number, number | undefined];
  if (b !== undefined) return a <= b ? { lo: a, hi: b } : null;
  if (/\+|and over|or over|and older|or older|over\b|plus/.test(text)) return { lo: a, hi: Infinity };
  if (/under|below|less than|younger than/.test(text)) return /and under|or under|or younger|and younger/.test(text) ? { lo: 0, hi: a } : { lo: 0, hi: a - 1 };
  return { lo: a, hi: a };
}

export function sameRange(a: AgeRange, b: AgeRange): boolean {
  return a.lo === b.lo && a.hi === b.hi;
}

/** Whether `inner` lies wholly within `outer`. */
export function within(inner: AgeRange, outer: AgeRange): boolean {
  return inner.lo >= outer.lo && inner.hi <= outer.hi;
}

/**
 * Answer text reduced for matching against known wording: case, accents, curly or straight apostrophes, spacing
 * and punctuation do not matter ("Don’t know", "dont know", "Don't Know." all match). Apostrophes vanish rather
 * than split words, so "Cytuno’n gryf" and "Cytunon gryf" match too.
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02BC\u0060\u00B4]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a label, for keyword tests (accents stripped, lower case). */
export function normaliseLabel(text: string): string {
  return ` ${normaliseAnswer(text)} `;
}

/** Whole-word (or whole-phrase) test on a normalised label; a trailing * allows any ending ("disab*"). */
export function hasKeyword(normalisedLabel: string, keyword: string): boolean {
  const stem = keyword.endsWith('*');
  const word = normaliseAnswer(stem ? keyword.slice(0, -1) : keyword);
  return stem ? normalisedLabel.includes(` ${word}`) : normalisedLabel.includes(` ${word} `);
}

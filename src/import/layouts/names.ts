/**
 * Column names for DuckDB and for people writing formulas: ASCII snake_case, unique, starting with a letter
 * (the contract's ColumnModel insists), short enough to read. Labels keep the original text.
 */

export const MAX_NAME_LENGTH = 60;

const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'TH',
  ð: 'd', Ð: 'D', ı: 'i', '&': ' and ', '%': ' pct ', '£': ' gbp ', '#': ' ',
};

export function transliterate(text: string): string {
  return text
    .replace(/[ßæÆøØœŒłŁđĐþÞðÐı&%£#]/g, (ch) => SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

function truncate(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max);
  const lastBreak = cut.lastIndexOf('_');
  // Cut at a word boundary unless that would throw away most of the room.
  const shortened = lastBreak >= max / 2 ? cut.slice(0, lastBreak) : cut;
  return shortened.replace(/_+$/, '');
}

/** snake_case ASCII; may be empty (nothing Latin in the text) and may start with a digit. */
export function snakeCase(text: string, max = MAX_NAME_LENGTH): string {
  const ascii = transliterate(text)
    // camelCase and PascalCase identifiers (StartDate, RespondentID) split into words.
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return truncate(ascii, max);
}

/** A name for one column of a multi-column question: room kept for the option so siblings stay distinguishable. */
export function questionOptionName(question: string, option: string): string {
  const opt = snakeCase(option, 24);
  const q = snakeCase(question, MAX_NAME_LENGTH - opt.length - 1);
  return [q, opt].filter(Boolean).join('_');
}

function legal(base: string): string {
  if (base === '') return '';
  return /^[a-z]/.test(base) ? base : truncate(`q_${base}`, MAX_NAME_LENGTH);
}

/**
 * One unique name per column, in order. `hints[i]` are tried in turn (code, then label…); a column with nothing
 * Latin in any of them is called column_<n>. Later duplicates get _2, _3…, skipping names other columns hold.
 */
export function assignNames(hints: ReadonlyArray<ReadonlyArray<string | undefined>>, sources: readonly number[]): string[] {
  const bases = hints.map((candidates, i) => {
    for (const hint of candidates) {
      const base = legal(snakeCase(hint ?? ''));
      if (base) return base;
    }
    return `column_${(sources[i] ?? i) + 1}`;
  });
  const taken = new Set<string>();
  const wanted = new Set(bases);
  return bases.map((base) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    for (let n = 2; ; n++) {
      const suffix = `_${n}`;
      const candidate = `${truncate(base, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
      if (!taken.has(candidate) && !wanted.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  });
}

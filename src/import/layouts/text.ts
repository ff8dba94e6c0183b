/** Cleaning heading cells: exports carry BOMs, HTML from rich-text question editors, and stray whitespace. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201D',
  ldquo: '\u201C', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', pound: '\u00A3', euro: '\u20AC', copy: '\u00A9',
  eacute: '\u00E9', egrave: '\u00E8', aacute: '\u00E1', agrave: '\u00E0', acirc: '\u00E2', ecirc: '\u00EA',
  icirc: '\u00EE', ocirc: '\u00F4', ucirc: '\u00FB', wcirc: '\u0175', ycirc: '\u0177', uuml: '\u00FC', ouml: '\u00F6',
  auml: '\u00E4', iuml: '\u00EF', euml: '\u00EB', szlig: '\u00DF', ccedil: '\u00E7', ntilde: '\u00F1', bull: '\u2022',
  middot: '\u00B7', deg: '\u00B0', frac12: '\u00BD', times: '\u00D7',
};

const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote)(?:\s[^<>]*)?\/?>/gi;

export function stripBom(text: string): string {
  return text.replace(/\uFEFF/g, '');
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Block tags become spaces (a <br> separates words: "A<br>B" reads "A B"); inline tags vanish, so
 * "<strong>Blue</strong>berries" stays one word and matches the same heading exported without the markup.
 */
export function stripHtml(text: string): string {
  return text.replace(BLOCK_TAG, ' ').replace(TAG, '');
}

export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00A0\u2007\u202F]+/g, ' ').trim();
}

/** A heading cell as a person should read it. */
export function cleanText(cell: string | undefined): string {
  if (!cell) return '';
  let text = stripBom(cell);
  if (text.includes('<')) text = stripHtml(text);
  if (text.includes('&')) text = decodeEntities(text);
  return collapseSpace(text);
}

export function isBlank(cell: string | undefined): boolean {
  return cell === undefined || stripBom(cell).trim() === '';
}

export function filledCount(row: readonly string[] | undefined): number {
  if (!row) return 0;
  let n = 0;
  for (const cell of row) if (!isBlank(cell)) n++;
  return n;
}

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?$/;

export function looksNumeric(cell: string): boolean {
  const t = cell.trim().replace(/^[£$€]/, '');
  return t !== '' && /\d/.test(t) && NUMBER.test(t);
}

const DATE_TIME = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?)?/;

export function looksLikeDate(cell: string): boolean {
  return DATE_TIME.test(cell.trim());
}

export function looksLikeDateTime(cell: string): boolean {
  return /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[ T,]+\d{1,2}:\d{2}/.test(cell.trim());
}

/** Lower-case letters and digits only: for comparing headings to known names ("Respondent ID" = "RespondentID"). */
export function squash(text: string): string {
  return stripBom(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

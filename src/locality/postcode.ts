/**
 * UK postcodes in the ONS `pcds` form ("CF10 1AA"), in TypeScript and as the same rules in SQL, so a wave's
 * postcodes and a 2.7-million-row directory are normalised identically.
 *
 * The shape check is deliberately lenient (any letters where letters go): a stricter Royal Mail letter-position
 * check would call some real postcodes "invalid" and stop them being looked up, whereas a well-formed postcode
 * that does not exist is still caught, as "unmatched", by the directory itself.
 */

export type PostcodeProblem = 'blank' | 'invalid' | 'partial';

export interface NormalisedPostcode {
  postcode: string | null;
  problem?: PostcodeProblem;
}

// Patterns apply to the compact form: upper case, letters and digits only. RE2 (DuckDB) and JS read them alike.
// Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA. GIR 0AA is the one historic exception.
const OUTWARD = '[A-Z]{1,2}[0-9][A-Z0-9]?';
const FULL_PATTERN = `^(GIR0AA|${OUTWARD}[0-9][A-Z]{2})$`;
// A district ("CF10") or a sector ("CF10 1"): an area, not an address, so it cannot be placed in a ward.
const PARTIAL_PATTERN = `^${OUTWARD}[0-9]?$`;

const FULL = new RegExp(FULL_PATTERN);
const PARTIAL = new RegExp(PARTIAL_PATTERN);

/** Respondents type postcodes with spaces, hyphens, full stops and non-breaking spaces; none of them matter. */
function compact(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

function withSpace(compacted: string): string {
  return `${compacted.slice(0, -3)} ${compacted.slice(-3)}`;
}

export function normalisePostcode(raw: string | null | undefined): NormalisedPostcode {
  const c = compact(raw ?? '');
  if (c === '') return { postcode: null, problem: 'blank' };
  if (FULL.test(c)) return { postcode: withSpace(c) };
  if (PARTIAL.test(c)) return { postcode: null, problem: 'partial' };
  return { postcode: null, problem: 'invalid' };
}

/** The outward code ("CF10") of a full postcode, or of a district or sector given alone; null otherwise. */
export function postcodeDistrict(raw: string | null | undefined): string | null {
  const c = compact(raw ?? '');
  if (FULL.test(c)) return c.slice(0, -3);
  if (!PARTIAL.test(c)) return null;
  return isSector(c, raw ?? '') ? c.slice(0, -1) : c;
}

/** The sector ("CF10 1") of a full postcode or of a sector given alone; null for a bare district or anything else. */
export function postcodeSector(raw: string | null | undefined): string | null {
  const c = compact(raw ?? '');
  if (FULL.test(c)) return `${c.slice(0, -3)} ${c.slice(-3, -2)}`;
  if (PARTIAL.test(c) && isSector(c, raw ?? '')) return `${c.slice(0, -1)} ${c.slice(-1)}`;
  return null;
}

const DISTRICT = new RegExp(`^${OUTWARD}$`);

/**
 * Compacted, "CF10" could be district CF10 or sector CF1 0. A space before a lone final digit says sector; without
 * one, anything that is itself a district is read as a district, since that is what people usually write.
 */
function isSector(c: string, raw: string): boolean {
  if (!DISTRICT.test(c.slice(0, -1))) return false;
  return /\s[0-9]\s*$/.test(raw) || !DISTRICT.test(c);
}

/** SQL: the compact form of a text expression (the empty string for NULL). */
export function compactPostcodeSql(expr: string): string {
  return `upper(regexp_replace(coalesce(CAST(${expr} AS VARCHAR), ''), '[^A-Za-z0-9]', '', 'g'))`;
}

/** SQL: the canonical postcode from a compact expression, NULL unless it is a full postcode. */
export function canonicalPostcodeSql(compactExpr: string): string {
  return `CASE WHEN regexp_full_match(${compactExpr}, '${FULL_PATTERN}')
    THEN left(${compactExpr}, length(${compactExpr}) - 3) || ' ' || right(${compactExpr}, 3) END`;
}

/** SQL: 'blank' | 'partial' | 'invalid' from a compact expression, NULL for a full postcode. */
export function postcodeProblemSql(compactExpr: string): string {
  return `CASE WHEN ${compactExpr} = '' THEN 'blank'
    WHEN regexp_full_match(${compactExpr}, '${FULL_PATTERN}') THEN NULL
    WHEN regexp_full_match(${compactExpr}, '${PARTIAL_PATTERN}') THEN 'partial'
    ELSE 'invalid' END`;
}

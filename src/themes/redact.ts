import { FIRST_NAMES } from './first-names.js';

/**
 * Masks personal data in respondents' free text before it is quoted on screen, in a report or an export: e-mail
 * addresses, UK phone numbers, postcodes, National Insurance and NHS numbers, and personal names. The original stays
 * in the project; only what is shown is masked. Errs towards masking where a pattern is unambiguous, and towards
 * leaving text alone where masking would damage ordinary words (years, prices, ward and street names, "Council").
 */
export type RedactionKind = 'email' | 'phone' | 'postcode' | 'ni' | 'nhs' | 'name';

export type RedactionLabels = Readonly<Record<RedactionKind, string>>;

export const REDACTION_LABELS: { readonly en: RedactionLabels; readonly cy: RedactionLabels } = {
  en: { email: '[email]', phone: '[phone]', postcode: '[postcode]', ni: '[NI number]', nhs: '[NHS number]', name: '[name]' },
  cy: { email: '[e-bost]', phone: '[ffôn]', postcode: '[cod post]', ni: '[rhif YG]', nhs: '[rhif GIG]', name: '[enw]' },
};

export interface Redaction {
  text: string;
  /** How many of each kind were masked. */
  masked: Record<RedactionKind, number>;
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// National Insurance number: two prefix letters (D, F, I, Q, U, V never; O never second; BG, GB, KN, NK, NT, TN, ZZ
// never issued), six digits in any grouping of pairs, suffix A–D.
const NI = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b/gi;

// Ten digits, as 3-3-4 or run together; masked only when the modulus-11 check digit holds (see validNhsNumber).
const TEN_DIGITS = /(?<![\d+£.,])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d.,]\d)(?!\d)/g;

const SEP = '[ -]?';
const PHONE = new RegExp(
  [
    `\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}${SEP}\\d{3,4}${SEP}\\d{3,4}`, // +44 7700 900123, +44 (0)29 2018 0123
    `(?:\\(07\\d{3}\\)|07\\d{3})${SEP}\\d{3}${SEP}\\d{3}`, // 07700 900123, 07700 900 123, 07700900123
    `(?:\\(0\\d{2}\\)|0\\d{2})${SEP}\\d{4}${SEP}\\d{4}`, // 029 2018 0123, 020 7946 0000, 0300 numbers as 030 0…
    `(?:\\(0\\d{3}\\)|0\\d{3})${SEP}\\d{3}${SEP}\\d{3,4}`, // 0113 496 0000, 0800 123 4567
    `(?:\\(0\\d{4}\\)|0\\d{4})${SEP}\\d{5,6}`, // 01632 960000
    `(?:\\(0\\d{4}\\)|0\\d{4})${SEP}\\d{3}${SEP}\\d{3}`, // 01632 960 000
  ].map((p) => `(?<![\\d£.,+])${p}(?!\\d)`).join('|'),
  'g',
);

// Outward code (area letters, district) and inward code (sector digit, two unit letters), in any case and spacing.
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[ABD-HJLNP-UW-Z]{2}\b/gi;

const NAME_WORD = "\\p{Lu}[\\p{Ll}'’\\-]*\\p{Ll}";
const TITLE = new RegExp(`\\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Revd|Rev)(\\.?\\s+)((?:\\p{Lu}\\.?\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})?)`, 'gu');
// "My name is sarah jones": after this cue the next one or two words are a name in any case.
const NAME_IS = /\b([Mm]y name is|[Mm]y name's|I am called|I'm called|[Cc]all me)(\s+)([\p{L}'’-]+(?:\s+(?!and\b|i\b|am\b|from\b|of\b|in\b)[\p{L}'’-]+)?)/gu;
const RELATIVE = new RegExp(`\\b([Mm]y (?:son|daughter|husband|wife|partner|mum|mother|dad|father|friend|neighbour|carer|grandson|granddaughter),?)(\\s+)(${NAME_WORD}(?:\\s+${NAME_WORD})?)`, 'gu');
const SIGN_OFF = new RegExp(
  `((?:Kind |Best |Warm |Many )?[Rr]egards|Yours (?:faithfully|sincerely|truly)|(?:Many )?[Tt]hanks|Thank you|Best wishes|Cheers|Yn gywir|Cofion(?: gorau)?)(,?[ \\t]*\\r?\\n\\s*)(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,2})(?=[ \\t]*(?:\\r?\\n|$))`,
  'gu',
);
// A common first name, with a capitalised surname after it; not "St David's", "Victoria Park" or "Elizabeth House".
const PLACE_WORD = /^(Street|St|Road|Rd|Lane|Avenue|Close|Drive|Terrace|Park|Square|Court|House|Hall|Centre|Center|Gardens|Way|Crescent|Place|School|College|Hospital|Ward|Library|Church|Chapel|Bridge|Hill|Green|Walk|Row|Mews|Estate|Field|Fields)\b/;
const CAPITALISED = /\p{Lu}[\p{L}'’-]*/gu;

/** Masks what `text` holds of each kind; `labels` are what replaces it ("[name]", or the Welsh "[enw]"). */
export function redact(text: string, labels: RedactionLabels = REDACTION_LABELS.en): Redaction {
  const masked: Record<RedactionKind, number> = { email: 0, phone: 0, postcode: 0, ni: 0, nhs: 0, name: 0 };
  const mask = (kind: RedactionKind) => () => (masked[kind]++, labels[kind]);
  let out = text.replace(EMAIL, mask('email'));
  out = out.replace(NI, mask('ni'));
  out = out.replace(TEN_DIGITS, (match) => (validNhsNumber(match) ? mask('nhs')() : match));
  out = out.replace(PHONE, mask('phone'));
  out = out.replace(POSTCODE, mask('postcode'));
  const keepCue = (_: string, cue: string, gap: string) => `${cue}${gap}${mask('name')()}`;
  out = out.replace(TITLE, keepCue).replace(NAME_IS, keepCue).replace(RELATIVE, keepCue).replace(SIGN_OFF, keepCue);
  out = maskFirstNames(out, () => mask('name')());
  return { text: out, masked };
}

/** Just the masked text. */
export function redactText(text: string, labels: RedactionLabels = REDACTION_LABELS.en): string {
  return redact(text, labels).text;
}

/**
 * An NHS number's tenth digit is a modulus-11 check: weight the first nine digits 10 down to 2, sum, and the check
 * digit is 11 − (sum mod 11), with 11 written as 0 and 10 never issued.
 */
export function validNhsNumber(written: string): boolean {
  const digits = written.replace(/\D/g, '');
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function maskFirstNames(text: string, mask: () => string): string {
  let out = '';
  let last = 0;
  const words = [...text.matchAll(CAPITALISED)];
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const bare = word[0].replace(/['’]s$/, '');
    if (!FIRST_NAMES.has(bare)) continue;
    const start = word.index;
    const before = text.slice(Math.max(0, start - 6), start);
    if (/\b(St\.?|Saint|Sant)\s+$/.test(before)) continue;
    let end = start + word[0].length;
    const next = words[w + 1];
    const gap = next ? text.slice(end, next.index) : '';
    if (next && PLACE_WORD.test(next[0])) continue;
    // The surname: a capitalised word straight after, unless it starts a place ("Sarah Jones", not "Gareth Street").
    if (next && /^[ \t]+$/.test(gap) && !(words[w + 2] && PLACE_WORD.test(words[w + 2]![0]) && /^[ \t]+$/.test(text.slice(next.index + next[0].length, words[w + 2]!.index)))) {
      end = next.index + next[0].length;
      w++;
    }
    const possessive = /['’]s$/.test(text.slice(start, end)) ? text.slice(end - 2, end) : '';
    out += text.slice(last, start) + mask() + possessive;
    last = end;
  }
  return out + text.slice(last);
}

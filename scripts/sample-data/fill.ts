/**
 * Placeholder filling and light "messiness" for generated free text, shared by the
 * survey comments and the consultation responses. All personal details are fake:
 * e-mail addresses use the reserved example.com/example.org domains and phone
 * numbers come from Ofcom's ranges set aside for drama (07700 900xxx, 029 2018 0xxx).
 */
import type { Rng } from './random.js';

export const STREETS = [
  'Heol y Parc', 'Station Road', 'Mill Lane', 'Ffordd yr Eglwys', 'Bryn Road', 'Castle Street', 'Heol Newydd',
  'Victoria Terrace', 'Chapel Street', 'Maes y Dderwen', 'Riverside Walk', 'Commercial Street', 'Heol Pant', 'Oakfield Close',
];
export const PARKS = ['Castle Gardens', 'Riverside Park', 'Parc y Bryn', 'Coed Isaf woods', 'the rec on Bryn Road', 'Victoria Park'];
export const PLACES = ['the bus station', 'the precinct', 'the skate park', 'the retail park', 'the old Co-op', 'the underpass by the station'];
const FIRST = ['Gareth', 'Siân', 'Rhys', 'Megan', 'Dafydd', 'Eleri', 'Tom', 'Sarah', 'Priya', 'Mohammed', 'Aled', 'Carys', 'Joanne', 'Kevin', 'Bethan', 'Imran'];
const LAST = ['Jones', 'Williams', 'Evans', 'Davies', 'Thomas', 'Roberts', 'Hughes', 'Lewis', 'Price', 'Khan', 'Patel', 'Morgan', 'Pritchard', 'Rees'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Digits with thousands separators, written by hand because toLocaleString depends on the machine's locale. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function asciiName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export interface FillContext {
  ward: string;
}

/** Replaces {slot} markers; each marker draws independently. */
export function fill(rng: Rng, template: string, ctx: FillContext): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'ward': return ctx.ward;
      case 'street': return rng.pick(STREETS);
      case 'park': return rng.pick(PARKS);
      case 'place': return rng.pick(PLACES);
      case 'n': return String(rng.between(2, 6));
      case 'weeks': return String(rng.between(3, 14));
      case 'years': return String(rng.between(3, 52));
      case 'mins': return String(rng.between(18, 55));
      case 'fee': return String(rng.between(36, 58));
      case 'ctax': return thousands(rng.between(1780, 2460));
      case 'millions': return rng.pick(['3.8', '4.2', '4.5', '6']);
      case 'band': return rng.pick(['B', 'C', 'C', 'D', 'D', 'E']);
      case 'month': return rng.pick(MONTHS);
      case 'num': return String(rng.between(1, 142));
      case 'name': return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      case 'first': return rng.pick(FIRST);
      case 'email': return fakeEmail(rng);
      case 'phone': return fakePhone(rng);
      case 'ref': return `${rng.pick(['CRM', 'SR', 'REF'])}${rng.between(100000, 999999)}`;
      default: throw new Error(`Unknown placeholder {${slot}}`);
    }
  });
}

export function fakeEmail(rng: Rng): string {
  const first = asciiName(rng.pick(FIRST));
  const last = asciiName(rng.pick(LAST));
  const local = rng.pick([`${first}.${last}`, `${first}${last}${rng.between(1, 99)}`, `${first[0]}${last}`, `${first}_${rng.between(1950, 2005)}`]);
  return `${local}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
}

export function fakePhone(rng: Rng): string {
  const three = String(rng.int(1000)).padStart(3, '0');
  return rng.chance(0.7) ? `07700 900${three}` : `029 2018 0${three}`;
}

/** Joins sentences the way people type: mostly spaces, sometimes new lines or blank lines. */
export function joinSentences(rng: Rng, sentences: readonly string[]): string {
  if (sentences.length === 0) return '';
  const paragraphs = rng.chance(0.15);
  let out = sentences[0] as string;
  for (const s of sentences.slice(1)) out += (paragraphs ? rng.pick(['\n', '\n\n', '\n\n', ' ']) : ' ') + s;
  return out;
}

/** Occasional lower-casing, missing full stops and shouting, as in real returns. */
export function roughen(rng: Rng, text: string): string {
  const r = rng.next();
  if (r < 0.07) return text.toLowerCase();
  if (r < 0.12) return text.replace(/[.!]$/, '');
  if (r < 0.14) return text.replace(/^[^.!?]+[.!?]/, (first) => first.toUpperCase());
  return text;
}

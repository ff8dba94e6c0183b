/**
 * The fictional borough: categories (spelled exactly as the survey exports them) and
 * the adult (16+) population model. Proportions are loosely based on Census 2021
 * figures for urban south Wales, made a little more diverse so group comparisons
 * have enough respondents to be meaningful.
 */
import { largestRemainder } from './numbers.js';

export const BOROUGH = 'Bryncoed County Borough Council';
export const BOROUGH_SHORT = 'Bryncoed';

export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export const SEXES = ['Female', 'Male'] as const;
export const GENDER_IDENTITIES = ['Same as sex registered at birth', 'Different from sex registered at birth'] as const;
export const DISABILITY = ['Yes, limited a lot', 'Yes, limited a little', 'No'] as const;
export const WELSH_LANGUAGE = ['Can speak Welsh', 'Cannot speak Welsh'] as const;
export const SEXUAL_ORIENTATIONS = ['Straight or Heterosexual', 'Gay or Lesbian', 'Bisexual', 'Other sexual orientation'] as const;
export const RELIGIONS = ['No religion', 'Christian', 'Buddhist', 'Hindu', 'Jewish', 'Muslim', 'Sikh', 'Any other religion'] as const;
export const PREFER_NOT = 'Prefer not to say';

/** ONS 2021 19-category ethnic group classification, Welsh Census wording and order. */
export const ETHNIC_GROUPS = [
  'Asian, Asian British or Asian Welsh: Bangladeshi',
  'Asian, Asian British or Asian Welsh: Chinese',
  'Asian, Asian British or Asian Welsh: Indian',
  'Asian, Asian British or Asian Welsh: Pakistani',
  'Asian, Asian British or Asian Welsh: Other Asian',
  'Black, Black British, Black Welsh, Caribbean or African: African',
  'Black, Black British, Black Welsh, Caribbean or African: Caribbean',
  'Black, Black British, Black Welsh, Caribbean or African: Other Black',
  'Mixed or Multiple ethnic groups: White and Asian',
  'Mixed or Multiple ethnic groups: White and Black African',
  'Mixed or Multiple ethnic groups: White and Black Caribbean',
  'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups',
  'White: Welsh, English, Scottish, Northern Irish or British',
  'White: Irish',
  'White: Gypsy or Irish Traveller',
  'White: Roma',
  'White: Other White',
  'Other ethnic group: Arab',
  'Other ethnic group: Any other ethnic group',
] as const;
export const WHITE_BRITISH = 12;
export const isWhite = (eth: number): boolean => eth >= 12 && eth <= 16;

/** Share of each non-White group within the borough's non-White population (indices into ETHNIC_GROUPS). */
const NON_WHITE_MIX: ReadonlyArray<[number, number]> = [
  [0, 0.09], [1, 0.07], [2, 0.1], [3, 0.16], [4, 0.1], [5, 0.12], [6, 0.03], [7, 0.03],
  [8, 0.06], [9, 0.04], [10, 0.05], [11, 0.05], [17, 0.05], [18, 0.05],
];
const OTHER_WHITE_MIX: ReadonlyArray<[number, number]> = [[13, 0.14], [14, 0.04], [15, 0.03], [16, 0.79]];

export interface Ward {
  name: string;
  adults: number;
  sectors: string[];
  /** Share who can speak Welsh (before the age pattern). */
  welsh: number;
  nonWhite: number;
  otherWhite: number;
  age: 'young' | 'old' | 'mixed';
  deprived: boolean;
  /** Relative response propensity to the residents' survey (1 = average). */
  response: number;
}

/** Postcode sectors are in CF98/CF99, which are not residential districts in reality. */
export const WARDS: readonly Ward[] = [
  { name: 'Castle', adults: 9800, sectors: ['CF99 1'], welsh: 0.14, nonWhite: 0.11, otherWhite: 0.05, age: 'mixed', deprived: false, response: 1.0 },
  { name: 'Glan-yr-Afon', adults: 11600, sectors: ['CF99 2', 'CF99 3'], welsh: 0.13, nonWhite: 0.24, otherWhite: 0.06, age: 'young', deprived: true, response: 0.62 },
  { name: 'Pen-y-Bryn', adults: 7400, sectors: ['CF99 4'], welsh: 0.34, nonWhite: 0.03, otherWhite: 0.01, age: 'old', deprived: false, response: 1.25 },
  { name: 'Maes-y-Coed', adults: 8300, sectors: ['CF99 5'], welsh: 0.27, nonWhite: 0.04, otherWhite: 0.02, age: 'mixed', deprived: false, response: 1.15 },
  { name: 'Station', adults: 10200, sectors: ['CF99 6'], welsh: 0.1, nonWhite: 0.26, otherWhite: 0.07, age: 'young', deprived: true, response: 0.56 },
  { name: 'Northfield', adults: 9100, sectors: ['CF99 7'], welsh: 0.12, nonWhite: 0.07, otherWhite: 0.03, age: 'mixed', deprived: false, response: 0.95 },
  { name: 'Tŷ Gwyn', adults: 6900, sectors: ['CF98 1'], welsh: 0.31, nonWhite: 0.03, otherWhite: 0.01, age: 'old', deprived: false, response: 1.2 },
  { name: 'Llwyn Onn', adults: 7800, sectors: ['CF98 2'], welsh: 0.25, nonWhite: 0.05, otherWhite: 0.02, age: 'mixed', deprived: false, response: 1.1 },
  { name: 'Market', adults: 8700, sectors: ['CF99 8'], welsh: 0.13, nonWhite: 0.15, otherWhite: 0.05, age: 'young', deprived: true, response: 0.78 },
  { name: 'Hillside', adults: 9400, sectors: ['CF99 9'], welsh: 0.13, nonWhite: 0.06, otherWhite: 0.02, age: 'mixed', deprived: false, response: 1.05 },
  { name: 'Cwm Isaf', adults: 6200, sectors: ['CF98 3'], welsh: 0.29, nonWhite: 0.02, otherWhite: 0.01, age: 'old', deprived: true, response: 0.8 },
  { name: "St Mary's", adults: 8600, sectors: ['CF98 4', 'CF98 5'], welsh: 0.15, nonWhite: 0.09, otherWhite: 0.03, age: 'mixed', deprived: false, response: 1.1 },
];

export const POSTCODE_SECTORS = WARDS.flatMap((w) => w.sectors).sort();

const BASE_AGE = [0.135, 0.15, 0.143, 0.155, 0.16, 0.132, 0.125];
const AGE_TILT: Record<Ward['age'], number[]> = {
  young: [1.45, 1.3, 1.05, 0.95, 0.9, 0.8, 0.7],
  old: [0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.3],
  mixed: [1, 1, 1, 1, 1, 1, 1],
};
const FEMALE_SHARE = [0.49, 0.5, 0.51, 0.51, 0.51, 0.52, 0.57];
const NON_WHITE_BY_AGE = [1.7, 1.45, 1.2, 0.9, 0.65, 0.45, 0.3];
const OTHER_WHITE_BY_AGE = [1.3, 1.6, 1.3, 1.0, 0.7, 0.5, 0.5];
const LIMITED_A_LOT = [0.04, 0.05, 0.07, 0.1, 0.14, 0.16, 0.28];
const LIMITED_A_LITTLE = [0.08, 0.09, 0.1, 0.12, 0.14, 0.16, 0.2];
const WELSH_BY_AGE = [1.5, 1.15, 1.0, 0.85, 0.8, 0.85, 1.0];
const GENDER_DIFFERENT = [0.012, 0.008, 0.004, 0.003, 0.002, 0.002, 0.002];
/** Straight, gay or lesbian, bisexual, other, by age band. */
const ORIENTATION_BY_AGE = [
  [0.9, 0.03, 0.06, 0.01],
  [0.94, 0.025, 0.028, 0.007],
  [0.965, 0.018, 0.013, 0.004],
  [0.975, 0.015, 0.007, 0.003],
  [0.98, 0.012, 0.005, 0.003],
  [0.983, 0.011, 0.004, 0.002],
  [0.985, 0.01, 0.003, 0.002],
];
const CHRISTIAN_WHITE_BRITISH_BY_AGE = [0.25, 0.28, 0.33, 0.42, 0.52, 0.64, 0.76];

/** Population cell: ward × age band × sex, with its adult count. */
export interface Cell {
  ward: number;
  age: number;
  sex: number;
  count: number;
}

function buildCells(): Cell[] {
  const cells: Cell[] = [];
  WARDS.forEach((ward, w) => {
    const tilt = AGE_TILT[ward.age];
    const byAge = largestRemainder(BASE_AGE.map((p, a) => p * (tilt[a] as number)), ward.adults);
    byAge.forEach((n, a) => {
      const female = Math.round(n * (FEMALE_SHARE[a] as number));
      cells.push({ ward: w, age: a, sex: 0, count: female }, { ward: w, age: a, sex: 1, count: n - female });
    });
  });
  return cells;
}

export const CELLS: readonly Cell[] = buildCells();
export const ADULT_POPULATION = CELLS.reduce((s, c) => s + c.count, 0);

export function ethnicityProbs(ward: number, age: number): number[] {
  const w = WARDS[ward] as Ward;
  const nonWhite = w.nonWhite * (NON_WHITE_BY_AGE[age] as number);
  const otherWhite = w.otherWhite * (OTHER_WHITE_BY_AGE[age] as number);
  const probs = ETHNIC_GROUPS.map(() => 0);
  for (const [i, share] of NON_WHITE_MIX) probs[i] = nonWhite * share;
  for (const [i, share] of OTHER_WHITE_MIX) probs[i] = otherWhite * share;
  probs[WHITE_BRITISH] = 1 - nonWhite - otherWhite;
  return probs;
}

export function disabilityProbs(ward: number, age: number): number[] {
  const f = (WARDS[ward] as Ward).deprived ? 1.25 : 0.92;
  const lot = (LIMITED_A_LOT[age] as number) * f;
  const little = (LIMITED_A_LITTLE[age] as number) * f;
  return [lot, little, 1 - lot - little];
}

/** Religion by age band and ethnic group, in RELIGIONS order. */
export function religionProbs(age: number, eth: number): number[] {
  //              none   Chr    Budd   Hindu  Jewish Muslim Sikh   Other
  if (eth === WHITE_BRITISH) {
    const chr = CHRISTIAN_WHITE_BRITISH_BY_AGE[age] as number;
    return [1 - chr - 0.012, chr, 0.003, 0, 0.001, 0.002, 0, 0.006];
  }
  if (eth === 0 || eth === 3 || eth === 17) return [0.05, 0.01, 0, 0, 0, 0.93, 0, 0.01];
  if (eth === 2) return [0.13, 0.1, 0.01, 0.45, 0, 0.12, 0.16, 0.03];
  if (eth === 1) return [0.55, 0.2, 0.2, 0, 0, 0, 0, 0.05];
  if (eth === 4) return [0.15, 0.2, 0.15, 0.15, 0, 0.3, 0.01, 0.04];
  if (eth === 5) return [0.12, 0.65, 0, 0, 0, 0.2, 0, 0.03];
  if (eth === 6 || eth === 7) return [0.4, 0.53, 0, 0, 0, 0.04, 0, 0.03];
  if (eth >= 8 && eth <= 11) return [0.5, 0.35, 0.01, 0.01, 0.01, 0.08, 0, 0.04];
  if (eth === 18) return [0.3, 0.2, 0.03, 0.02, 0, 0.4, 0.01, 0.04];
  if (eth === 16) return [0.38, 0.55, 0.01, 0, 0.02, 0.02, 0, 0.02];
  return [0.3, 0.68, 0, 0, 0, 0, 0, 0.02];
}

export function orientationProbs(age: number): number[] {
  return ORIENTATION_BY_AGE[age] as number[];
}

export function genderIdentityProbs(age: number): number[] {
  const d = GENDER_DIFFERENT[age] as number;
  return [1 - d, d];
}

export function welshProbs(ward: number, age: number): number[] {
  const p = Math.min(0.9, (WARDS[ward] as Ward).welsh * (WELSH_BY_AGE[age] as number));
  return [p, 1 - p];
}

/**
 * Population benchmark: the adult population's marginal distributions, computed
 * exactly from the same model the survey respondents are drawn from, so that
 * respondent-versus-population comparisons show only the deliberate response biases.
 */
import {
  ADULT_POPULATION, AGE_BANDS, CELLS, DISABILITY, ETHNIC_GROUPS, GENDER_IDENTITIES, RELIGIONS, SEXES,
  SEXUAL_ORIENTATIONS, WARDS, WELSH_LANGUAGE, disabilityProbs, ethnicityProbs, genderIdentityProbs,
  orientationProbs, religionProbs, welshProbs,
} from './borough.js';
import { toCsv } from './csv.js';
import { largestRemainder } from './numbers.js';

export const BENCHMARK_HEADER = ['characteristic', 'category', 'population', 'share'] as const;

interface Characteristic {
  /** Same as the residents' survey column name, so the app can join them. */
  name: string;
  categories: readonly string[];
  expected: number[];
}

function expectedCounts(): Characteristic[] {
  const zeros = (n: number): number[] => new Array<number>(n).fill(0);
  const age = zeros(AGE_BANDS.length);
  const sex = zeros(SEXES.length);
  const ward = zeros(WARDS.length);
  const eth = zeros(ETHNIC_GROUPS.length);
  const dis = zeros(DISABILITY.length);
  const rel = zeros(RELIGIONS.length);
  const orient = zeros(SEXUAL_ORIENTATIONS.length);
  const gender = zeros(GENDER_IDENTITIES.length);
  const welsh = zeros(WELSH_LANGUAGE.length);
  const add = (into: number[], probs: readonly number[], n: number): void => {
    probs.forEach((p, i) => (into[i] = (into[i] as number) + p * n));
  };
  for (const c of CELLS) {
    age[c.age] = (age[c.age] as number) + c.count;
    sex[c.sex] = (sex[c.sex] as number) + c.count;
    ward[c.ward] = (ward[c.ward] as number) + c.count;
    const ethProbs = ethnicityProbs(c.ward, c.age);
    add(eth, ethProbs, c.count);
    ethProbs.forEach((p, e) => add(rel, religionProbs(c.age, e), p * c.count));
    add(dis, disabilityProbs(c.ward, c.age), c.count);
    add(orient, orientationProbs(c.age), c.count);
    add(gender, genderIdentityProbs(c.age), c.count);
    add(welsh, welshProbs(c.ward, c.age), c.count);
  }
  return [
    { name: 'ward', categories: WARDS.map((w) => w.name), expected: ward },
    { name: 'age_band', categories: AGE_BANDS, expected: age },
    { name: 'sex', categories: SEXES, expected: sex },
    { name: 'gender_identity', categories: GENDER_IDENTITIES, expected: gender },
    { name: 'ethnic_group', categories: ETHNIC_GROUPS, expected: eth },
    { name: 'disability', categories: DISABILITY, expected: dis },
    { name: 'religion', categories: RELIGIONS, expected: rel },
    { name: 'sexual_orientation', categories: SEXUAL_ORIENTATIONS, expected: orient },
    { name: 'welsh_language', categories: WELSH_LANGUAGE, expected: welsh },
  ];
}

/** Rows of the benchmark; shares are in millionths rounded so each characteristic sums to exactly 1. */
export function benchmarkRows(): string[][] {
  const rows: string[][] = [];
  for (const ch of expectedCounts()) {
    const population = largestRemainder(ch.expected, ADULT_POPULATION);
    const millionths = largestRemainder(population, 1_000_000);
    ch.categories.forEach((category, i) => {
      rows.push([ch.name, category, String(population[i]), ((millionths[i] as number) / 1e6).toFixed(6)]);
    });
  }
  return rows;
}

export function benchmarkCsv(): string {
  return toCsv(BENCHMARK_HEADER, benchmarkRows());
}

/**
 * Residents' survey waves. Respondents are drawn from the population model with
 * response propensities that under-represent young, ethnic minority, disabled and
 * deprived-ward residents, then answer through the model in answers.ts.
 *
 * Rows are held as one byte per coded answer so the benchmark can build a
 * 1,000,000-row wave without holding a million arrays of strings; text is produced
 * on demand by rows() / csvChunks().
 */
import {
  AGE_BANDS, CELLS, DISABILITY, ETHNIC_GROUPS, SEXES, WARDS, disabilityProbs, ethnicityProbs,
  genderIdentityProbs, isWhite, orientationProbs, religionProbs, welshProbs, WHITE_BRITISH,
} from './borough.js';
import {
  IMPORTANCE, IMP_LOADING, IMP_NOISE, OVERALL, OVERALL_LOADING, OVERALL_NOISE, SATISFACTION, SAT_LOADING, SAT_NOISE,
  SKIP_IMPORTANCE_GRID, shiftFor, type ItemModel, type Person,
} from './answers.js';
import { residentComment } from './resident-comments.js';
import { csvLine } from './csv.js';
import { ordinal } from './numbers.js';
import { Categorical, Rng } from './random.js';
import { PAIRS, RESIDENT_COLUMNS, type PairKey } from './schema.js';

export interface ResidentsWaveOptions {
  year: number;
  rows: number;
  seed: number;
}

export interface ResidentsWave {
  header: string[];
  rowCount: number;
  /** Each row's cells as exported ("" = no answer). */
  rows(): Generator<string[]>;
  /** CSV text (header first) in pieces of rowsPerChunk rows, for streaming very large waves to disk. */
  csvChunks(rowsPerChunk?: number): Generator<string>;
  /** The whole CSV; fine for thousands of rows, too long a string for a million. */
  toCsv(): string;
}

const BLANK = 255;
/** Columns 1..n-3 are coded (everything between the id and the comments). */
const CODED = RESIDENT_COLUMNS.slice(1, -2);
const col = (name: string): number => CODED.findIndex((c) => c.name === name);
const C = {
  ward: col('ward'), postcode: col('postcode_sector'), age: col('age_band'), sex: col('sex'), gender: col('gender_identity'),
  eth: col('ethnic_group'), dis: col('disability'), rel: col('religion'), orient: col('sexual_orientation'),
  welsh: col('welsh_language'), overall: col('overall_satisfaction'),
};
const PAIR_COLS = PAIRS.map((p) => ({ key: p.key as PairKey, imp: col(`${p.key}_importance`), sat: col(`${p.key}_satisfaction`) }));

/** Relative propensity to respond, by characteristic; the deliberate non-response pattern. */
const RESPOND_AGE = [0.36, 0.48, 0.72, 1.0, 1.35, 1.7, 1.35];
const RESPOND_SEX = [1.12, 0.9];
const RESPOND_NON_WHITE = 0.8;
const RESPOND_OTHER_WHITE = 0.75;
const RESPOND_DISABILITY = [0.5, 0.8, 1.0];
const ethResponse = (e: number): number => (e === WHITE_BRITISH ? 1 : isWhite(e) ? RESPOND_OTHER_WHITE : RESPOND_NON_WHITE);

/** Item non-response to the "about you" questions: [prefer not to say, blank]. */
const PREFER_NOT_RATES: Record<'gender' | 'eth' | 'dis' | 'rel' | 'orient', [number, number]> = {
  gender: [0.025, 0.02], eth: [0.02, 0.01], dis: [0.025, 0.015], rel: [0.05, 0.015], orient: [0.07, 0.03],
};

interface Sampler {
  cells: Categorical;
  eth: Categorical[];
  dis: Categorical[];
  rel: Categorical[][];
  orient: Categorical[];
  gender: Categorical[];
  welsh: Categorical[][];
}

let cachedSampler: Sampler | undefined;

/** Respondent draw = population cell weighted by expected response, then characteristics from their posterior. */
function sampler(): Sampler {
  if (cachedSampler) return cachedSampler;
  const weights: number[] = [];
  const eth: Categorical[] = [];
  const dis: Categorical[] = [];
  for (const c of CELLS) {
    const ep = ethnicityProbs(c.ward, c.age).map((p, e) => p * ethResponse(e));
    const dp = disabilityProbs(c.ward, c.age).map((p, d) => p * (RESPOND_DISABILITY[d] as number));
    const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
    weights.push(c.count * (RESPOND_AGE[c.age] as number) * (RESPOND_SEX[c.sex] as number) * (WARDS[c.ward]?.response ?? 1) * sum(ep) * sum(dp));
    eth.push(new Categorical(ep));
    dis.push(new Categorical(dp));
  }
  cachedSampler = {
    cells: new Categorical(weights),
    eth,
    dis,
    rel: AGE_BANDS.map((_, a) => ETHNIC_GROUPS.map((_, e) => new Categorical(religionProbs(a, e)))),
    orient: AGE_BANDS.map((_, a) => new Categorical(orientationProbs(a))),
    gender: AGE_BANDS.map((_, a) => new Categorical(genderIdentityProbs(a))),
    welsh: WARDS.map((_, w) => AGE_BANDS.map((_, a) => new Categorical(welshProbs(w, a)))),
  };
  return cachedSampler;
}

function answer(rng: Rng, m: ItemModel, p: Person, year: number, disposition: number, loading: number, noise: number): number {
  if (rng.chance(m.blank)) return BLANK;
  const dk = m.dontKnow * (p.age <= 1 && m.youngDontKnow ? m.youngDontKnow : 1);
  if (rng.chance(dk)) return m.probs.length; // "Don't know" follows the scale in the options list
  return ordinal(shiftFor(m.shifts, p, year) + loading * disposition + noise * rng.normal(), m.cuts);
}

export function generateResidentsWave({ year, rows, seed }: ResidentsWaveOptions): ResidentsWave {
  const s = sampler();
  const rng = new Rng(seed);
  const width = CODED.length;
  const codes = new Uint8Array(rows * width).fill(BLANK);
  const comments: Array<string | undefined> = new Array<string | undefined>(rows);

  for (let i = 0; i < rows; i++) {
    const at = i * width;
    const put = (c: number, v: number): void => void (codes[at + c] = v);
    const withHoles = (c: number, v: number, [preferNot, blank]: [number, number], preferNotCode: number): void => {
      const r = rng.next();
      put(c, r < blank ? BLANK : r < blank + preferNot ? preferNotCode : v);
    };
    const ci = s.cells.draw(rng);
    const cell = CELLS[ci]!;
    const ward = WARDS[cell.ward]!;
    const p: Person = {
      ward: cell.ward, age: cell.age, sex: cell.sex, eth: s.eth[ci]!.draw(rng), dis: s.dis[ci]!.draw(rng), welsh: 0,
      deprived: ward.deprived, nonWhite: false,
    };
    p.nonWhite = !isWhite(p.eth);
    p.welsh = s.welsh[p.ward]![p.age]!.draw(rng);

    put(C.ward, rng.chance(0.012) ? BLANK : p.ward);
    const sector = ward.sectors[ward.sectors.length > 1 ? rng.int(ward.sectors.length) : 0]!;
    put(C.postcode, rng.chance(0.08) ? BLANK : CODED[C.postcode]!.options.indexOf(sector));
    put(C.age, rng.chance(0.006) ? BLANK : p.age);
    put(C.sex, rng.chance(0.005) ? BLANK : p.sex);
    withHoles(C.gender, s.gender[p.age]!.draw(rng), PREFER_NOT_RATES.gender, 2);
    withHoles(C.eth, p.eth, PREFER_NOT_RATES.eth, ETHNIC_GROUPS.length);
    withHoles(C.dis, p.dis, PREFER_NOT_RATES.dis, DISABILITY.length);
    withHoles(C.rel, s.rel[p.age]![p.eth]!.draw(rng), PREFER_NOT_RATES.rel, 8);
    // Older respondents are likelier to leave the sexual orientation question unanswered.
    const [pn, bl] = PREFER_NOT_RATES.orient;
    const older = p.age >= 5 ? 1.6 : 1;
    withHoles(C.orient, s.orient[p.age]!.draw(rng), [pn * older, bl * older], 4);
    put(C.welsh, rng.chance(0.01) ? BLANK : p.welsh);

    const council = rng.normal();
    const engagement = rng.normal();
    const skipGrid = rng.chance(SKIP_IMPORTANCE_GRID);
    const unhappy: PairKey[] = [];
    const happy: PairKey[] = [];
    for (const pc of PAIR_COLS) {
      if (!skipGrid) put(pc.imp, answer(rng, IMPORTANCE[pc.key], p, year, engagement, IMP_LOADING, IMP_NOISE));
      const sat = answer(rng, SATISFACTION[pc.key], p, year, council, SAT_LOADING, SAT_NOISE);
      put(pc.sat, sat);
      if (sat === 0) happy.push(pc.key);
      else if (sat === 3 || sat === 4) unhappy.push(pc.key);
    }
    const overall = answer(rng, OVERALL, p, year, council, OVERALL_LOADING, OVERALL_NOISE);
    put(C.overall, overall);

    const critical = overall === 3 || overall === 4;
    const chance = 0.32 + (critical ? 0.17 : 0) + (p.age >= 4 ? 0.04 : 0) - (p.age === 0 ? 0.06 : 0);
    if (rng.chance(chance)) {
      comments[i] = residentComment(rng, { ward: ward.name, age: p.age, welshSpeaker: p.welsh === 0, unhappy, happy, critical });
    }
  }

  const weights = designWeights(codes, rows, width);
  const header = RESIDENT_COLUMNS.map((c) => c.header);
  const idWidth = Math.max(5, String(rows).length);
  const yy = String(year % 100).padStart(2, '0');

  function rowCells(i: number): string[] {
    const cells = [`R${yy}-${String(i + 1).padStart(idWidth, '0')}`];
    for (let c = 0; c < width; c++) {
      const v = codes[i * width + c]!;
      cells.push(v === BLANK ? '' : CODED[c]!.options[v]!);
    }
    cells.push(comments[i] ?? '', weights[i]!.toFixed(4));
    return cells;
  }

  function* rowsGen(): Generator<string[]> {
    for (let i = 0; i < rows; i++) yield rowCells(i);
  }

  function* csvChunks(rowsPerChunk = 10_000): Generator<string> {
    let out = csvLine(header);
    for (let i = 0; i < rows; i++) {
      out += csvLine(rowCells(i));
      if ((i + 1) % rowsPerChunk === 0) {
        yield out;
        out = '';
      }
    }
    if (out !== '') yield out;
  }

  return { header, rowCount: rows, rows: rowsGen, csvChunks, toCsv: () => [...csvChunks()].join('') };
}

/**
 * Cell weights: population share of the respondent's age × sex group divided by its
 * share of those respondents who gave both. Respondents missing either get 1, which
 * keeps the mean weight at exactly 1.
 */
function designWeights(codes: Uint8Array, rows: number, width: number): Float64Array {
  const popTotal = CELLS.reduce((s, c) => s + c.count, 0);
  const pop = new Float64Array(AGE_BANDS.length * SEXES.length);
  for (const c of CELLS) pop[c.age * 2 + c.sex] = pop[c.age * 2 + c.sex]! + c.count / popTotal;
  const n = new Float64Array(pop.length);
  let valid = 0;
  const cellOf = (i: number): number => {
    const a = codes[i * width + C.age]!;
    const s = codes[i * width + C.sex]!;
    return a === BLANK || s === BLANK ? -1 : a * 2 + s;
  };
  for (let i = 0; i < rows; i++) {
    const k = cellOf(i);
    if (k >= 0) {
      n[k] = n[k]! + 1;
      valid++;
    }
  }
  const weights = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const k = cellOf(i);
    weights[i] = k < 0 ? 1 : (pop[k]! * valid) / n[k]!;
  }
  return weights;
}

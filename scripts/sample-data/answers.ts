/**
 * The answer model for the residents' survey. Each answer is an ordinal cut of a
 * latent score = group shift + shared disposition + item noise, with cut-points set so
 * that an "average" respondent reproduces the target distribution below. The group
 * shifts are the deliberate patterns documented in sample-data/README.md.
 */
import { ordinalCuts } from './numbers.js';
import type { PairKey } from './schema.js';

/** What the answer model needs to know about a respondent (true values, before "Prefer not to say"). */
export interface Person {
  ward: number;
  age: number;
  sex: number;
  eth: number;
  dis: number;
  welsh: number;
  deprived: boolean;
  nonWhite: boolean;
}

interface Shifts {
  age?: number[];
  /** Limited a lot, limited a little, not limited. */
  dis?: [number, number, number];
  deprived?: number;
  nonWhite?: number;
  /** Applied from 2024 on. */
  later?: number;
  wards?: number[];
}

export interface ItemModel {
  /** Target answer shares, best first, among substantive answers. */
  probs: number[];
  dontKnow: number;
  /** Extra "Don't know" multiplier for 16-34s, who use fewer services and know less about the council. */
  youngDontKnow?: number;
  blank: number;
  shifts: Shifts;
  cuts: number[];
}

function item(probs: number[], dontKnow: number, blank: number, shifts: Shifts, youngDontKnow?: number): ItemModel {
  const m: ItemModel = { probs, dontKnow, blank, shifts, cuts: ordinalCuts(probs) };
  if (youngDontKnow !== undefined) m.youngDontKnow = youngDontKnow;
  return m;
}

const IMP_BLANK = 0.012;
const SAT_BLANK = 0.016;

export const IMPORTANCE: Record<PairKey, ItemModel> = {
  listens: item([0.63, 0.25, 0.08, 0.04], 0.015, IMP_BLANK, { age: [-0.1, -0.05, 0, 0, 0.05, 0.1, 0.1], dis: [0.35, 0.2, 0] }),
  influence: item([0.38, 0.37, 0.17, 0.08], 0.04, IMP_BLANK, { age: [-0.2, -0.1, 0, 0, 0.05, 0.05, 0], dis: [0.2, 0.1, 0] }, 1.5),
  waste: item([0.7, 0.25, 0.03, 0.02], 0.005, IMP_BLANK, { age: [-0.15, 0, 0, 0, 0.05, 0.1, 0.1] }),
  parks: item([0.48, 0.37, 0.11, 0.04], 0.01, IMP_BLANK, { age: [0.05, 0.2, 0.2, 0, -0.05, -0.1, -0.2], deprived: -0.05 }),
  roads: item([0.66, 0.28, 0.04, 0.02], 0.005, IMP_BLANK, { age: [-0.2, -0.05, 0, 0.05, 0.05, 0.05, 0], dis: [0.2, 0.1, 0] }),
  libraries: item([0.25, 0.32, 0.26, 0.17], 0.05, IMP_BLANK, { age: [0.15, 0.05, 0.1, -0.1, -0.1, 0.05, 0.2] }, 1.3),
};

export const SATISFACTION: Record<PairKey, ItemModel> = {
  listens: item([0.1, 0.45, 0.17, 0.16, 0.12], 0.06, SAT_BLANK, {
    age: [-0.4, -0.25, -0.05, 0, 0.05, 0.15, 0.2], dis: [-0.45, -0.2, 0], deprived: -0.15, nonWhite: -0.1, later: 0.1,
  }, 1.4),
  influence: item([0.05, 0.24, 0.33, 0.22, 0.16], 0.1, SAT_BLANK, {
    age: [-0.3, -0.15, 0, 0, 0.05, 0.1, 0.1], dis: [-0.35, -0.15, 0], deprived: -0.15, later: 0.05,
  }, 1.4),
  waste: item([0.28, 0.44, 0.1, 0.11, 0.07], 0.01, SAT_BLANK, { age: [-0.1, -0.1, 0, 0, 0.05, 0.15, 0.2], deprived: -0.1 }),
  parks: item([0.22, 0.46, 0.17, 0.1, 0.05], 0.04, SAT_BLANK, { age: [0, 0.05, 0, 0, 0, 0.05, 0.05], deprived: -0.25 }),
  roads: item([0.06, 0.31, 0.17, 0.24, 0.22], 0.015, SAT_BLANK, {
    dis: [-0.2, -0.1, 0], later: -0.18,
    // Tŷ Gwyn and Cwm Isaf are the hilly outlying wards with the worst-kept lanes.
    wards: [0, 0, 0, 0, 0, 0, -0.2, 0, 0, 0, -0.2, 0],
  }),
  libraries: item([0.24, 0.38, 0.28, 0.06, 0.04], 0.2, SAT_BLANK, { age: [0.1, 0, 0, 0, 0, 0.1, 0.15] }, 1.2),
};

export const OVERALL = item([0.09, 0.4, 0.2, 0.18, 0.13], 0.03, 0.01, {
  age: [-0.1, -0.1, 0, 0, 0, 0.1, 0.15], dis: [-0.25, -0.1, 0], deprived: -0.1, later: 0.03,
});

export function shiftFor(s: Shifts, p: Person, year: number): number {
  let shift = 0;
  if (s.age) shift += s.age[p.age] as number;
  if (s.dis) shift += s.dis[p.dis] as number;
  if (s.deprived && p.deprived) shift += s.deprived;
  if (s.nonWhite && p.nonWhite) shift += s.nonWhite;
  if (s.later && year >= 2024) shift += s.later;
  if (s.wards) shift += s.wards[p.ward] as number;
  return shift;
}

/** Loadings on the shared dispositions: satisfaction items hang together more than importance items do. */
export const SAT_LOADING = Math.sqrt(0.45);
export const SAT_NOISE = Math.sqrt(0.55);
export const IMP_LOADING = 0.5;
export const IMP_NOISE = Math.sqrt(0.75);
export const OVERALL_LOADING = 0.8;
export const OVERALL_NOISE = 0.6;
/** Share of respondents who skip the whole importance grid (a common pattern in paper returns). */
export const SKIP_IMPORTANCE_GRID = 0.025;

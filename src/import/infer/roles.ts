import { hasKeyword, normaliseLabel } from './normalise.js';
import type { ScaleTopic } from './scales.js';

/**
 * Equality characteristics (Equality Act 2010, the Welsh language, caring, socio-economic) as questions name them,
 * in English and Welsh. Whole words only: "age" must not match "manage", "sex" not "Essex", and Welsh "oed"
 * (age) not "oedd" (was).
 */
const DEMOGRAPHIC = [
  'age', 'age group', 'age band', 'how old', 'date of birth', 'year of birth', 'year born', 'sex', 'gender*',
  'trans', 'transgender', 'gender identity', 'ethnic*', 'race', 'national identity', 'nationality', 'disab*',
  'long term health', 'long standing illness', 'long term illness', 'health condition', 'religio*', 'belief',
  'faith', 'sexual orientation', 'sexuality', 'welsh language', 'speak welsh', 'welsh speaker', 'main language',
  'first language', 'carer', 'caring', 'unpaid care', 'pregnan*', 'maternity', 'marital', 'married',
  'civil partnership', 'relationship status', 'household income', 'income', 'armed forces', 'veteran',
  // Welsh
  'oedran', 'grwp oedran', 'dyddiad geni', 'rhywedd', 'hunaniaeth rhywedd', 'traws', 'ethnig*',
  'grwp ethnig', 'hunaniaeth genedlaethol', 'anabl*', 'cyflwr iechyd', 'crefydd*', 'cred', 'cyfeiriadedd rhywiol',
  'rhywioldeb', 'cymraeg', 'iaith gymraeg', 'siarad cymraeg', 'gofalwr', 'gofalu', 'gofal di dal', 'beichiog*',
  'mamolaeth', 'statws priodasol', 'priod', 'partneriaeth sifil', 'incwm', 'lluoedd arfog', 'cyn filwr',
];

/** Where people live: the geography results are broken down by. */
const LOCALITY = [
  'ward', 'electoral ward', 'postcode', 'post code', 'postal code', 'area', 'area you live', 'town', 'village',
  'neighbourhood', 'neighborhood', 'locality', 'lsoa', 'msoa', 'output area', 'district', 'community council',
  'parish', 'county', 'region', 'location', 'where do you live', 'local authority', 'council area',
  // Welsh
  'cod post', 'ardal', 'tref', 'pentref', 'cyngor cymuned', 'cymdogaeth', 'sir', 'rhanbarth', 'lleoliad',
  'ble rydych chi n byw',
];

/**
 * Words that are also everyday words ("the town centre", Welsh "rhyw" = "some", "oed" = "age" but in many
 * phrases): they only count in a short label or one about where someone lives.
 */
const SHORT_LABEL = 60;
const SHORT_ONLY_DEMOGRAPHIC = ['oed', 'rhyw'];
const LIVES = ['live', 'living', 'reside', 'resident', 'byw'];

const IMPORTANCE_WORDS = ['important', 'importance', 'unimportant', 'priority', 'priorities', 'pwysig', 'pwysigrwydd', 'blaenoriaeth*'];
const SATISFACTION_WORDS = ['satisf*', 'dissatisf*', 'bodlon', 'anfodlon', 'boddhad'];

export function demographicOrLocality(label: string): 'demographic' | 'locality' | undefined {
  const words = normaliseLabel(label);
  const short = label.length <= SHORT_LABEL;
  if (DEMOGRAPHIC.some((k) => hasKeyword(words, k))) return 'demographic';
  if (short && SHORT_ONLY_DEMOGRAPHIC.some((k) => hasKeyword(words, k))) return 'demographic';
  const aboutHome = short || LIVES.some((k) => hasKeyword(words, k));
  if (aboutHome && LOCALITY.some((k) => hasKeyword(words, k))) return 'locality';
  return undefined;
}

/** The gap analysis pairs importance items with satisfaction items; the scale says which, or else the wording. */
export function scaleRole(topic: ScaleTopic | undefined, label: string): 'importance' | 'satisfaction' | undefined {
  if (topic === 'importance' || topic === 'satisfaction') return topic;
  const words = normaliseLabel(label);
  if (IMPORTANCE_WORDS.some((k) => hasKeyword(words, k))) return 'importance';
  if (SATISFACTION_WORDS.some((k) => hasKeyword(words, k))) return 'satisfaction';
  return undefined;
}

/**
 * The Town Centre Plan consultation (autumn 2024): a self-selected response, so unlike
 * the residents' survey it has no weights and skews towards older, car-driving and
 * strongly-opinionated residents, plus a "Save Central Library" campaign.
 */
import { AGE_BANDS, BOROUGH_SHORT, DISABILITY, WARDS } from './borough.js';
import {
  campaignAnswer, emailAnswer, formAnswer, organisationAnswer, welshEffectsAnswer, type Respondent,
} from './consultation-answers.js';
import { ORGANISATIONS } from './consultation-text.js';
import { toCsv } from './csv.js';
import { ordinal, ordinalCuts } from './numbers.js';
import { Rng } from './random.js';
import { AGREE_SCALE, likert, single, text, type ColumnSpec } from './schema.js';

const OUTSIDE = `I don't live in ${BOROUGH_SHORT}`;
const CHANNELS = ['Online form', 'Paper form', 'Email'];
const TRAVEL = [
  'Car or van (driver)', 'Car or van (passenger)', 'Bus', 'Train', 'Walk', 'Bicycle', 'Mobility scooter or wheelchair', 'Taxi', 'Other',
  "I don't visit the town centre",
];
const AGES = ['Under 16', ...AGE_BANDS];
const agree = (what: string): string => `To what extent do you agree or disagree with the proposal to ${what}?`;

export const CONSULTATION_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Response ID', name: 'response_id', label: 'Response ID', type: 'id', role: 'respondent_id', options: [], nonSubstantive: [] },
  { header: 'Date received', name: 'date_received', label: 'Date received', type: 'date', role: 'none', options: [], nonSubstantive: [] },
  single('Response channel', 'channel', 'Channel', 'none', CHANNELS),
  single('Language of response', 'response_language', 'Language of response', 'none', ['English', 'Cymraeg']),
  single('Are you responding as an individual or on behalf of an organisation?', 'respondent_type', 'Individual or organisation', 'none', ['As an individual', 'On behalf of an organisation']),
  text('If you are responding on behalf of an organisation, please tell us its name.', 'organisation', 'Organisation'),
  single('Which ward do you live in?', 'ward', 'Ward', 'locality', [...WARDS.map((w) => w.name), OUTSIDE]),
  single('How do you usually travel into the town centre?', 'travel_mode', 'Usual travel mode', 'none', TRAVEL),
  likert(agree('make the High Street traffic-free between 10am and 4pm'), 'agree_traffic_free', 'Traffic-free High Street', AGREE_SCALE, 'none'),
  likert(agree('move Central Library into a community hub in the refurbished Market Hall'), 'agree_library_move', 'Library move to Market Hall', AGREE_SCALE, 'none'),
  likert(agree('replace Riverside car park with a new public green space'), 'agree_green_space', 'Car park to green space', AGREE_SCALE, 'none'),
  likert('Overall, to what extent do you agree or disagree with the draft Town Centre Plan?', 'agree_overall', 'Overall agreement', AGREE_SCALE, 'none'),
  text('Please explain your answers, or tell us anything else about the draft Town Centre Plan.', 'comments', 'Comments on the plan'),
  text('What effects do you think the draft plan would have on opportunities for people to use the Welsh language, and on treating the Welsh language no less favourably than English?', 'welsh_language_effects', 'Effects on the Welsh language'),
  single('What is your age?', 'age_band', 'Age band', 'demographic', AGES, true),
  single('Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?', 'disability', 'Disability', 'demographic', DISABILITY, true),
];

export const CONSULTATION_ROWS = 1500;
export const CAMPAIGN_RESPONSES = 84;
const START = Date.UTC(2024, 8, 2); // Monday 2 September 2024
const CLOSING_DAY = 55; // Sunday 27 October 2024

/** Town-centre wards are most affected and respond most. */
const WARD_INTEREST: Record<string, number> = { Castle: 1.6, Market: 1.8, Station: 1.2, 'Glan-yr-Afon': 1.4 };
const AGE_WEIGHTS = [0.01, 0.05, 0.11, 0.16, 0.19, 0.21, 0.18, 0.09];
const PROPOSALS = {
  high: { probs: [0.2, 0.2, 0.12, 0.16, 0.32], loading: 0.75 },
  library: { probs: [0.07, 0.13, 0.14, 0.22, 0.44], loading: 0.4 },
  carPark: { probs: [0.18, 0.17, 0.12, 0.18, 0.35], loading: 0.6 },
  overall: { probs: [0.12, 0.2, 0.16, 0.2, 0.32], loading: 0.85 },
};
const CUTS = {
  high: ordinalCuts(PROPOSALS.high.probs), library: ordinalCuts(PROPOSALS.library.probs),
  carPark: ordinalCuts(PROPOSALS.carPark.probs), overall: ordinalCuts(PROPOSALS.overall.probs),
};

function isoDate(day: number): string {
  return new Date(START + day * 86_400_000).toISOString().slice(0, 10);
}

/** Launch spike, a weekday rhythm and a last-minute rush. */
function drawDay(rng: Rng): number {
  const weights = Array.from({ length: CLOSING_DAY + 1 }, (_, d) => (d < 3 ? 3 : d > CLOSING_DAY - 3 ? 2.5 : 1) * (d % 7 >= 5 ? 0.7 : 1));
  return rng.weighted(weights);
}

interface Draft {
  day: number;
  order: number;
  cells: string[];
}

export function generateConsultation(seed: number, rows = CONSULTATION_ROWS): { header: string[]; rows: string[][] } {
  const rng = new Rng(seed);
  const drafts: Draft[] = [];
  let orgsSeen = 0;
  const wardWeights = WARDS.map((w) => w.adults * (WARD_INTEREST[w.name] ?? 0.85));
  for (let i = 0; i < rows; i++) {
    const campaign = i < CAMPAIGN_RESPONSES;
    const channel = campaign ? (rng.chance(0.9) ? 0 : 2) : rng.weighted([0.86, 0.09, 0.05]);
    const paper = channel === 1;
    const email = channel === 2;
    // Each organisation responds once; the first few twice (a revised submission), as happens.
    const orgIndex = !campaign && !paper && rng.chance(0.01) ? orgsSeen++ % ORGANISATIONS.length : -1;
    const org = orgIndex >= 0 ? ORGANISATIONS[orgIndex] : undefined;
    const welsh = org ? org.name.startsWith('Menter Iaith') : !campaign && rng.chance(0.06);
    const blankRate = paper ? 0.06 : 0.015;
    const maybe = (value: string, rate = blankRate): string => (email || rng.chance(rate) ? '' : value);

    const outside = rng.chance(0.06);
    const wardIndex = outside ? -1 : rng.weighted(wardWeights);
    const ward = outside ? OUTSIDE : WARDS[wardIndex]!.name;
    const age = rng.weighted(AGE_WEIGHTS);
    const oldFactor = age >= 6 ? 1.6 : 1;
    const dis = rng.weighted([0.1 * oldFactor, 0.13 * oldFactor, 1 - 0.23 * oldFactor]);
    const travelWeights = [0.42, 0.07, 0.12, 0.03, 0.22, 0.03, 0.01, 0.02, 0.02, 0.06];
    const scale = (k: number, f: number): void => void (travelWeights[k] = travelWeights[k]! * f);
    if (dis === 0) [[0, 0.8], [4, 0.5], [5, 0.2], [6, 8], [7, 3], [2, 1.3]].forEach(([k, f]) => scale(k!, f!));
    if (age <= 1) [[0, 0.4], [2, 2], [4, 1.4], [5, 1.5]].forEach(([k, f]) => scale(k!, f!));
    if (age === 7) [[0, 0.7], [2, 1.8], [5, 0.1]].forEach(([k, f]) => scale(k!, f!));
    const travel = rng.weighted(travelWeights);

    const support = (org ? org.stance : 0) + rng.normal() * (org ? 0.3 : 1)
      + (travel === 0 ? -0.45 : [2, 4, 5].includes(travel) ? 0.35 : 0) + (age <= 2 ? 0.35 : age >= 6 ? -0.2 : 0) + (dis === 0 ? -0.25 : 0);
    const latent = (loading: number, extra: number): number => loading * support + Math.sqrt(1 - loading * loading) * rng.normal() + extra;
    const stances = {
      high: latent(PROPOSALS.high.loading, 0),
      library: campaign ? -3 : latent(PROPOSALS.library.loading, age <= 1 ? 0.2 : age >= 6 ? -0.2 : 0),
      carPark: latent(PROPOSALS.carPark.loading, travel === 0 ? -0.6 : travel === 4 ? 0.3 : 0),
      overall: campaign ? -1.2 + 0.3 * rng.normal() : latent(PROPOSALS.overall.loading, 0),
    };
    const likertCell = (key: keyof typeof CUTS): string => {
      if (rng.chance(0.025)) return "Don't know";
      return AGREE_SCALE[ordinal(stances[key], CUTS[key])]!;
    };

    const r: Respondent = {
      welsh, ward: outside ? BOROUGH_SHORT : ward, carDriver: travel === 0, activeOrBus: [2, 3, 5].includes(travel),
      walksOrCycles: travel === 4 || travel === 5, disabled: dis <= 1, mobilityAid: travel === 6, oldest: age === 7, stances,
    };
    let comments = '';
    if (campaign) comments = campaignAnswer(rng);
    else if (org) comments = organisationAnswer(rng, orgIndex, r);
    else if (email) comments = emailAnswer(rng, r);
    else if (rng.chance(paper ? 0.72 : 0.82)) comments = formAnswer(rng, r);
    const mentionsWelsh = /welsh|cymraeg|gymraeg/i.test(comments);
    const effectsChance = welsh ? 0.8 : mentionsWelsh ? 0.6 : email || campaign ? 0 : 0.28;
    const effects = rng.chance(effectsChance) ? welshEffectsAnswer(rng, r, mentionsWelsh) : '';

    const pnts = (rate: number): boolean => rng.chance(rate);
    const cells = [
      '', // id, assigned once sorted by date
      '', // date
      CHANNELS[channel]!,
      welsh ? 'Cymraeg' : 'English',
      org ? 'On behalf of an organisation' : 'As an individual',
      org ? org.name : '',
      org ? '' : maybe(ward),
      org ? '' : maybe(TRAVEL[travel]!),
      maybe(likertCell('high')),
      maybe(likertCell('library')),
      maybe(likertCell('carPark')),
      maybe(likertCell('overall')),
      comments,
      effects,
      org ? '' : maybe(pnts(0.03) ? 'Prefer not to say' : AGES[age]!, paper ? 0.08 : 0.03),
      org ? '' : maybe(pnts(0.03) ? 'Prefer not to say' : DISABILITY[dis]!, paper ? 0.08 : 0.03),
    ];
    let day = campaign ? CLOSING_DAY - 11 + rng.int(9) : drawDay(rng);
    if (paper) day += rng.between(2, 5); // posted forms arrive days later, a few after the closing date
    drafts.push({ day, order: rng.next(), cells });
  }

  drafts.sort((a, b) => a.day - b.day || a.order - b.order);
  const out = drafts.map((d, i) => {
    d.cells[0] = `TC24-${String(i + 1).padStart(4, '0')}`;
    d.cells[1] = isoDate(d.day);
    return d.cells;
  });
  return { header: CONSULTATION_COLUMNS.map((c) => c.header), rows: out };
}

export function consultationCsv(seed: number): string {
  const { header, rows } = generateConsultation(seed);
  return toCsv(header, rows);
}

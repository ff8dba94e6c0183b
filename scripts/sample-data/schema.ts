/**
 * Column definitions of the residents' survey export. The same list drives the CSV
 * header and manifest.json, so the two cannot disagree.
 */
import {
  AGE_BANDS, BOROUGH, DISABILITY, ETHNIC_GROUPS, GENDER_IDENTITIES, POSTCODE_SECTORS, PREFER_NOT, RELIGIONS,
  SEXES, SEXUAL_ORIENTATIONS, WARDS, WELSH_LANGUAGE,
} from './borough.js';

export type ColumnType = 'id' | 'date' | 'numeric' | 'likert' | 'single' | 'multi' | 'text' | 'weight';
export type ColumnRole = 'none' | 'respondent_id' | 'weight' | 'demographic' | 'locality' | 'importance' | 'satisfaction';

export interface ColumnSpec {
  header: string;
  name: string;
  label: string;
  type: ColumnType;
  role: ColumnRole;
  options: string[];
  nonSubstantive: string[];
  pair?: string;
}

export const DONT_KNOW = "Don't know";
export const IMPORTANCE_SCALE = ['Very important', 'Fairly important', 'Not very important', 'Not at all important'];
export const SATISFACTION_SCALE = [
  'Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied',
];
export const AGREE_SCALE = ['Strongly agree', 'Tend to agree', 'Neither agree nor disagree', 'Tend to disagree', 'Strongly disagree'];

export function likert(header: string, name: string, label: string, scale: string[], role: ColumnRole, pair?: string): ColumnSpec {
  const col: ColumnSpec = { header, name, label, type: 'likert', role, options: [...scale, DONT_KNOW], nonSubstantive: [DONT_KNOW] };
  if (pair) col.pair = pair;
  return col;
}

export function single(header: string, name: string, label: string, role: ColumnRole, options: readonly string[], preferNot = false): ColumnSpec {
  return {
    header, name, label, type: 'single', role,
    options: preferNot ? [...options, PREFER_NOT] : [...options],
    nonSubstantive: preferNot ? [PREFER_NOT] : [],
  };
}

export function text(header: string, name: string, label: string): ColumnSpec {
  return { header, name, label, type: 'text', role: 'none', options: [], nonSubstantive: [] };
}

/** The importance/satisfaction pairs, in questionnaire order. `key` is the manifest's pair name. */
export const PAIRS = [
  { key: 'listens', label: 'Council listens', importance: 'How important is it to you that the council listens to residents?', satisfaction: 'How satisfied are you that the council listens to residents?' },
  { key: 'influence', label: 'Influence decisions', importance: 'How important is it to you that you can influence decisions affecting your local area?', satisfaction: 'How satisfied are you that you can influence decisions affecting your local area?' },
  { key: 'waste', label: 'Waste and recycling', importance: 'How important to you is waste and recycling collection?', satisfaction: 'How satisfied are you with waste and recycling collection?' },
  { key: 'parks', label: 'Parks and green spaces', importance: 'How important to you are parks and green spaces?', satisfaction: 'How satisfied are you with parks and green spaces?' },
  { key: 'roads', label: 'Roads and pavements', importance: 'How important to you are roads and pavements?', satisfaction: 'How satisfied are you with roads and pavements?' },
  { key: 'libraries', label: 'Libraries', importance: 'How important to you are libraries?', satisfaction: 'How satisfied are you with libraries?' },
] as const;
export type PairKey = (typeof PAIRS)[number]['key'];

export const RESIDENT_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Respondent ID', name: 'respondent_id', label: 'Respondent ID', type: 'id', role: 'respondent_id', options: [], nonSubstantive: [] },
  single('Which ward do you live in?', 'ward', 'Ward', 'locality', WARDS.map((w) => w.name)),
  single('Postcode sector (first half of your postcode and the first number of the second half, e.g. CF99 1)', 'postcode_sector', 'Postcode sector', 'locality', POSTCODE_SECTORS),
  single('What is your age?', 'age_band', 'Age band', 'demographic', AGE_BANDS),
  single('What is your sex?', 'sex', 'Sex', 'demographic', SEXES),
  single('Is the gender you identify with the same as your sex registered at birth?', 'gender_identity', 'Gender identity', 'demographic', GENDER_IDENTITIES, true),
  single('What is your ethnic group?', 'ethnic_group', 'Ethnic group', 'demographic', ETHNIC_GROUPS, true),
  single('Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?', 'disability', 'Disability', 'demographic', DISABILITY, true),
  single('What is your religion?', 'religion', 'Religion', 'demographic', RELIGIONS, true),
  single('Which of the following best describes your sexual orientation?', 'sexual_orientation', 'Sexual orientation', 'demographic', SEXUAL_ORIENTATIONS, true),
  single('Can you speak Welsh?', 'welsh_language', 'Welsh language', 'demographic', WELSH_LANGUAGE),
  ...PAIRS.flatMap((p) => [
    likert(p.importance, `${p.key}_importance`, `${p.label}: importance`, IMPORTANCE_SCALE, 'importance', p.key),
    likert(p.satisfaction, `${p.key}_satisfaction`, `${p.label}: satisfaction`, SATISFACTION_SCALE, 'satisfaction', p.key),
  ]),
  likert(`Overall, how satisfied or dissatisfied are you with the way ${BOROUGH} runs things?`, 'overall_satisfaction', 'Overall satisfaction', SATISFACTION_SCALE, 'satisfaction'),
  text('Is there anything else you would like to tell us about the council or your local area?', 'comments', 'Comments'),
  { header: 'Weight (age by sex)', name: 'weight', label: 'Design weight', type: 'weight', role: 'weight', options: [], nonSubstantive: [] },
];

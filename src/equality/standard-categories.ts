/*
 * The protected and monitored characteristics Heard compares with the population, and their standard categories
 * (Census 2021 / GSS harmonised wording, in English and Welsh). A survey's answers are mapped to these (or to a
 * benchmark's own categories) on the mapping screen; `synonyms` are what the automatic suggestion recognises besides
 * the label itself (compared after lower-casing and dropping punctuation).
 */

export interface StandardCategory {
  /** The category as Census 2021 words it in English. */
  en: string;
  cy: string;
  synonyms?: readonly string[];
  /** For ethnic group: the high-level group (one of the five) a detailed category belongs to. */
  group?: string;
}

export interface StandardCharacteristic {
  key: string;
  en: string;
  cy: string;
  /** Words that, found in a column's name or label or an ONS variable's name, point to this characteristic. */
  words: readonly string[];
  categories: readonly StandardCategory[];
  /** Age: categories are bands compared by the numbers in their labels, not by these lists. */
  numericBands?: boolean;
}

const ASIAN = 'Asian, Asian British or Asian Welsh';
const BLACK = 'Black, Black British, Black Welsh, Caribbean or African';
const MIXED = 'Mixed or Multiple ethnic groups';
const WHITE = 'White';
const OTHER = 'Other ethnic group';

/** ONS 2021 ethnic group: the five high-level groups. */
export const ETHNIC_HIGH_LEVEL: readonly StandardCategory[] = [
  { en: ASIAN, cy: 'Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig', synonyms: ['asian', 'asian british', 'asian or asian british'] },
  { en: BLACK, cy: 'Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd', synonyms: ['black', 'black british', 'black or african', 'black or black british'] },
  { en: MIXED, cy: 'Grwpiau ethnig Cymysg neu Luosog', synonyms: ['mixed', 'multiple ethnicities', 'mixed race', 'multiple ethnic groups'] },
  { en: WHITE, cy: 'Gwyn', synonyms: ['white', 'caucasian'] },
  { en: OTHER, cy: 'Grŵp ethnig arall', synonyms: ['other', 'other ethnic group'] },
];

/** ONS 2021 ethnic group: the 19 detailed categories, each in its high-level group. */
export const ETHNIC_DETAILED: readonly StandardCategory[] = [
  { en: `${ASIAN}: Bangladeshi`, cy: 'Bangladeshaidd', group: ASIAN, synonyms: ['bangladeshi'] },
  { en: `${ASIAN}: Chinese`, cy: 'Tsieineaidd', group: ASIAN, synonyms: ['chinese'] },
  { en: `${ASIAN}: Indian`, cy: 'Indiaidd', group: ASIAN, synonyms: ['indian'] },
  { en: `${ASIAN}: Pakistani`, cy: 'Pacistanaidd', group: ASIAN, synonyms: ['pakistani'] },
  { en: `${ASIAN}: Other Asian`, cy: 'Unrhyw gefndir Asiaidd arall', group: ASIAN, synonyms: ['other asian', 'any other asian background'] },
  { en: `${BLACK}: African`, cy: 'Affricanaidd', group: BLACK, synonyms: ['african', 'black african'] },
  { en: `${BLACK}: Caribbean`, cy: 'Caribïaidd', group: BLACK, synonyms: ['caribbean', 'black caribbean'] },
  { en: `${BLACK}: Other Black`, cy: 'Unrhyw gefndir Du, Du Prydeinig neu Garibïaidd arall', group: BLACK, synonyms: ['other black'] },
  { en: `${MIXED}: White and Asian`, cy: 'Gwyn ac Asiaidd', group: MIXED, synonyms: ['white and asian'] },
  { en: `${MIXED}: White and Black African`, cy: 'Gwyn a Du Affricanaidd', group: MIXED, synonyms: ['white and black african'] },
  { en: `${MIXED}: White and Black Caribbean`, cy: 'Gwyn a Du Caribïaidd', group: MIXED, synonyms: ['white and black caribbean'] },
  { en: `${MIXED}: Other Mixed or Multiple ethnic groups`, cy: 'Unrhyw gefndir Cymysg neu Luosog arall', group: MIXED, synonyms: ['other mixed'] },
  {
    en: `${WHITE}: Welsh, English, Scottish, Northern Irish or British`,
    cy: 'Cymreig, Seisnig, Albanaidd, Gwyddelig Gogledd Iwerddon neu Brydeinig',
    group: WHITE,
    synonyms: ['white british', 'white english welsh scottish northern irish or british', 'english welsh scottish northern irish or british', 'british'],
  },
  { en: `${WHITE}: Irish`, cy: 'Gwyddelig', group: WHITE, synonyms: ['irish', 'white irish'] },
  { en: `${WHITE}: Gypsy or Irish Traveller`, cy: 'Sipsi neu Deithiwr Gwyddelig', group: WHITE, synonyms: ['gypsy or irish traveller', 'gypsy', 'traveller'] },
  { en: `${WHITE}: Roma`, cy: 'Roma', group: WHITE, synonyms: ['roma'] },
  { en: `${WHITE}: Other White`, cy: 'Unrhyw gefndir Gwyn arall', group: WHITE, synonyms: ['other white', 'any other white background'] },
  { en: `${OTHER}: Arab`, cy: 'Arabaidd', group: OTHER, synonyms: ['arab'] },
  { en: `${OTHER}: Any other ethnic group`, cy: 'Unrhyw grŵp ethnig arall', group: OTHER, synonyms: ['any other ethnic group'] },
];

export const STANDARD_CHARACTERISTICS: readonly StandardCharacteristic[] = [
  { key: 'age_band', en: 'Age', cy: 'Oedran', words: ['age'], categories: [], numericBands: true },
  {
    key: 'sex',
    en: 'Sex',
    cy: 'Rhyw',
    words: ['sex', 'gender'],
    categories: [
      { en: 'Female', cy: 'Benyw', synonyms: ['f', 'woman', 'women', 'girl', 'female', 'benyw', 'menyw'] },
      { en: 'Male', cy: 'Gwryw', synonyms: ['m', 'man', 'men', 'boy', 'male', 'gwryw', 'dyn'] },
    ],
  },
  {
    key: 'gender_identity',
    en: 'Gender identity',
    cy: 'Hunaniaeth o ran rhywedd',
    words: ['gender identity', 'gender modality', 'trans'],
    categories: [
      { en: 'Same as sex registered at birth', cy: "Yr un fath â'r rhyw a gofrestrwyd adeg geni", synonyms: ['gender identity the same as sex registered at birth', 'yes', 'cisgender', 'cis'] },
      {
        en: 'Different from sex registered at birth',
        cy: "Gwahanol i'r rhyw a gofrestrwyd adeg geni",
        synonyms: ['gender identity different from sex registered at birth', 'no', 'trans', 'transgender', 'sex and gender diverse', 'non binary', 'nonbinary'],
      },
    ],
  },
  {
    key: 'sexual_orientation',
    en: 'Sexual orientation',
    cy: 'Cyfeiriadedd rhywiol',
    words: ['sexual orientation', 'sexuality'],
    categories: [
      { en: 'Straight or Heterosexual', cy: 'Syth neu Heterorywiol', synonyms: ['straight', 'heterosexual'] },
      { en: 'Gay or Lesbian', cy: 'Hoyw neu Lesbiaidd', synonyms: ['gay', 'lesbian'] },
      { en: 'Bisexual', cy: 'Deurywiol', synonyms: ['bi'] },
      { en: 'Other sexual orientation', cy: 'Cyfeiriadedd rhywiol arall', synonyms: ['all other sexual orientations', 'other'] },
    ],
  },
  { key: 'ethnic_group', en: 'Ethnic group', cy: 'Grŵp ethnig', words: ['ethnic', 'ethnicity'], categories: [...ETHNIC_DETAILED, ...ETHNIC_HIGH_LEVEL] },
  {
    key: 'religion',
    en: 'Religion or belief',
    cy: 'Crefydd neu gred',
    words: ['religion', 'belief', 'faith'],
    categories: [
      { en: 'No religion', cy: 'Dim crefydd', synonyms: ['none', 'no religion', 'atheist'] },
      { en: 'Christian', cy: 'Cristion', synonyms: ['christianity'] },
      { en: 'Buddhist', cy: 'Bwdhydd', synonyms: ['buddhism'] },
      { en: 'Hindu', cy: 'Hindŵ', synonyms: ['hinduism'] },
      { en: 'Jewish', cy: 'Iddew', synonyms: ['judaism'] },
      { en: 'Muslim', cy: 'Mwslim', synonyms: ['islam'] },
      { en: 'Sikh', cy: 'Sikh', synonyms: ['sikhism'] },
      { en: 'Any other religion', cy: 'Unrhyw grefydd arall', synonyms: ['other religion', 'other'] },
    ],
  },
  {
    key: 'disability',
    en: 'Disability',
    cy: 'Anabledd',
    words: ['disab', 'limited', 'long term', 'long-term'],
    categories: [
      { en: 'Yes, limited a lot', cy: "Ydy, wedi'i gyfyngu'n fawr", synonyms: ['disabled under the equality act day to day activities limited a lot', 'limited a lot'] },
      { en: 'Yes, limited a little', cy: "Ydy, wedi'i gyfyngu ychydig", synonyms: ['disabled under the equality act day to day activities limited a little', 'limited a little'] },
      { en: 'No', cy: 'Nac ydy', synonyms: ['not disabled under the equality act', 'not disabled', 'no'] },
    ],
  },
  {
    key: 'marriage',
    en: 'Marriage and civil partnership',
    cy: 'Priodas a phartneriaeth sifil',
    words: ['marital', 'marriage', 'civil partnership'],
    categories: [
      { en: 'Never married and never registered a civil partnership', cy: 'Erioed wedi priodi nac wedi cofrestru partneriaeth sifil', synonyms: ['single', 'never married'] },
      { en: 'Married or in a registered civil partnership', cy: 'Yn briod neu mewn partneriaeth sifil gofrestredig', synonyms: ['married', 'civil partnership', 'married or in a civil partnership'] },
      { en: 'Separated', cy: 'Wedi gwahanu', synonyms: ['separated'] },
      { en: 'Divorced or civil partnership dissolved', cy: "Wedi ysgaru neu bartneriaeth sifil wedi'i diddymu", synonyms: ['divorced'] },
      { en: 'Widowed or surviving civil partnership partner', cy: 'Gweddw neu bartner sifil sydd wedi goroesi', synonyms: ['widowed'] },
    ],
  },
  {
    key: 'pregnancy',
    en: 'Pregnancy and maternity',
    cy: 'Beichiogrwydd a mamolaeth',
    words: ['pregnan', 'maternity'],
    categories: [
      { en: 'Pregnant or on maternity leave', cy: 'Yn feichiog neu ar absenoldeb mamolaeth', synonyms: ['yes', 'pregnant'] },
      { en: 'Not pregnant or on maternity leave', cy: 'Ddim yn feichiog nac ar absenoldeb mamolaeth', synonyms: ['no'] },
    ],
  },
  {
    key: 'welsh_language',
    en: 'Welsh language',
    cy: 'Y Gymraeg',
    words: ['welsh', 'cymraeg'],
    categories: [
      { en: 'Can speak Welsh', cy: 'Yn gallu siarad Cymraeg', synonyms: ['yes', 'welsh speaker', 'can speak welsh'] },
      { en: 'Cannot speak Welsh', cy: 'Ddim yn gallu siarad Cymraeg', synonyms: ['no', 'cannot speak welsh', 'no skills in welsh'] },
    ],
  },
  {
    key: 'carer',
    en: 'Unpaid carers',
    cy: 'Gofalwyr di-dâl',
    words: ['carer', 'caring', 'unpaid care'],
    categories: [
      { en: 'Provides unpaid care', cy: 'Yn darparu gofal di-dâl', synonyms: ['yes', 'carer'] },
      { en: 'Provides no unpaid care', cy: 'Ddim yn darparu gofal di-dâl', synonyms: ['no', 'not a carer'] },
    ],
  },
  {
    key: 'deprivation',
    en: 'Deprivation decile',
    cy: 'Degradd amddifadedd',
    words: ['deprivation', 'decile', 'imd', 'wimd'],
    categories: Array.from({ length: 10 }, (_, i) => ({
      en: i === 0 ? '1 (most deprived)' : i === 9 ? '10 (least deprived)' : String(i + 1),
      cy: i === 0 ? '1 (mwyaf difreintiedig)' : i === 9 ? '10 (lleiaf difreintiedig)' : String(i + 1),
      synonyms: [String(i + 1)],
    })),
  },
];

/** Lower case, accents and punctuation folded, runs of space made one: how labels are compared. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/**
 * The standard characteristic a column or ONS variable is about, from its name or label ("Ethnic group (8
 * categories)" → ethnic_group). Gender identity is tried before sex, since "gender" alone means sex on most forms.
 */
export function characteristicOf(...names: (string | null | undefined)[]): StandardCharacteristic | null {
  const text = names.filter(Boolean).map((n) => normaliseLabel(n!.replace(/_/g, ' '))).join(' | ');
  for (const key of ['gender_identity', 'sexual_orientation', 'ethnic_group', 'religion', 'disability', 'marriage', 'pregnancy', 'welsh_language', 'carer', 'deprivation', 'age_band', 'sex']) {
    const c = STANDARD_CHARACTERISTICS.find((s) => s.key === key)!;
    if (c.words.some((w) => new RegExp(`(^|[^a-z])${normaliseLabel(w)}`).test(text))) return c;
  }
  return null;
}

/*
 * Plain English sentences for the report and the command line (the app builds its own from the figures, in English or
 * Welsh). Percentages are whole numbers (one decimal under 9.5%), the index whole; a dash joins an age band's years.
 */

/** How a group of people is named in a sentence: "People aged 16–24", "Women", "People living in Castle". */
export function peopleIn(characteristic: string, category: string): string {
  const c = category.trim();
  switch (characteristic) {
    case 'age_band':
      return `People aged ${c.replace(/(\d)\s*-\s*(\d)/, '$1–$2')}`;
    case 'sex':
      return /^female$/i.test(c) ? 'Women' : /^male$/i.test(c) ? 'Men' : `People whose sex is "${c}"`;
    case 'ward':
    case 'placed:ward':
      return `People living in ${c}`;
    case 'ethnic_group':
      return `People in the "${c}" ethnic group`;
    case 'religion':
      return /^no religion$/i.test(c) ? 'People with no religion' : `People whose religion is "${c}"`;
    case 'intersection':
      return `People in the group "${c}"`;
    default:
      return `People answering "${c}"`;
  }
}

/** Whole percentages, but one decimal under 9.5% so that small groups do not all read "0%" or "1%". */
const pct = (x: number) => (x >= 9.5 || Number.isInteger(x) ? `${Math.round(x)}%` : `${x.toFixed(1)}%`);

export function representationSentence(
  characteristic: string,
  f: { category: string; share: number; population_share: number; ri: number | null; flag: 'under' | 'over' | null },
): string {
  const who = peopleIn(characteristic, f.category);
  const verdict = f.flag === 'under' ? 'under-represented' : f.flag === 'over' ? 'over-represented' : 'represented about as expected';
  const index = f.ri === null ? '' : ` (index ${Math.round(f.ri)})`;
  return `${who} are ${pct(f.population_share)} of residents but ${pct(f.share)} of respondents${index}: ${verdict}.`.replace(' but ', f.flag ? ' but ' : ' and ');
}

const pValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/**
 * One significant difference, for an equality impact assessment: "Satisfied with the council: 48% of People aged
 * 16–24 (120 respondents) against 63% of everyone else who answered, 15 points lower (p = 0.014, adjusted for the number of groups)."
 */
export function impactSentence(
  outcomeLabel: string,
  characteristic: string,
  g: { group: string; estimate: number | null; n: number; rest: { estimate: number | null }; difference: number | null; p: number | null; p_adjusted: number | null },
  measure: 'top' | 'mean' | 'gap',
): string {
  const who = peopleIn(characteristic, g.group);
  const fmt = (x: number | null) => (x === null ? '–' : measure === 'mean' ? x.toFixed(2) : measure === 'gap' ? `${Math.round(x)} points` : `${Math.round(x)}%`);
  const what = measure === 'mean' ? 'mean score' : measure === 'gap' ? 'gap' : '';
  const diff = g.difference ?? 0;
  const size = measure === 'mean' ? Math.abs(diff).toFixed(2) : `${Math.round(Math.abs(diff))} points`;
  const lead = measure === 'top' ? `${fmt(g.estimate)} of ${lowerFirst(who)}` : `${what} ${fmt(g.estimate)} for ${lowerFirst(who)}`;
  return `${outcomeLabel}: ${lead} (${g.n} respondents) against ${fmt(g.rest.estimate)} ${measure === 'top' ? 'of' : 'for'} everyone else who answered, ${size} ${diff < 0 ? 'lower' : 'higher'} (${pValue(g.p_adjusted ?? g.p ?? 1)}, adjusted for the number of groups).`;
}

function lowerFirst(text: string): string {
  return /^(People|Women|Men)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

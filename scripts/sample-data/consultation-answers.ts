/**
 * Composes the consultation's free-text answers from the theme sentences, so that
 * what people write follows who they are (drivers write about parking, disabled
 * respondents about access) and how they answered the closed questions.
 */
import { CODEFRAME, type CodeKey } from './codeframe.js';
import {
  CAMPAIGN_TEXT, OPENERS, ORGANISATIONS, SHORT_ANSWERS, SHORT_ANSWERS_CY, THEME_TEXT, WELSH_EFFECTS,
} from './consultation-text.js';
import { fill, joinSentences, roughen } from './fill.js';
import type { Rng } from './random.js';

export interface Stances {
  /** Latent support for each proposal (positive = agrees): pedestrianisation, library move, car park to green space, overall. */
  high: number;
  library: number;
  carPark: number;
  overall: number;
}

export interface Respondent {
  welsh: boolean;
  ward: string;
  carDriver: boolean;
  activeOrBus: boolean;
  walksOrCycles: boolean;
  disabled: boolean;
  mobilityAid: boolean;
  oldest: boolean;
  stances: Stances;
}

/** Which proposal's stance decides whether a theme is written about positively. */
const STANCE_OF: Record<CodeKey, keyof Stances> = {
  PARK: 'carPark', COST: 'overall', ACCESS: 'high', PROCESS: 'overall', ENV: 'carPark', WELSH: 'library',
  SAFETY: 'high', BUSINESS: 'high', TRANSPORT: 'high', LIBRARY: 'library', SUPPORT: 'overall', OPPOSE: 'overall',
};

function themeChances(r: Respondent): Record<CodeKey, number> {
  const s = r.stances;
  return {
    PARK: 0.1 + (r.carDriver ? 0.25 : 0) + (s.carPark < 0 ? 0.12 : 0),
    COST: 0.15,
    ACCESS: 0.05 + (r.disabled ? 0.28 : 0) + (r.mobilityAid ? 0.25 : 0) + (r.oldest ? 0.08 : 0),
    PROCESS: 0.1 + (s.overall < 0 ? 0.05 : 0),
    ENV: 0.05 + (s.carPark > 0 ? 0.15 : 0) + (r.walksOrCycles ? 0.05 : 0),
    WELSH: 0.03 + (r.welsh ? 0.4 : 0),
    SAFETY: 0.09,
    BUSINESS: 0.12,
    TRANSPORT: 0.05 + (r.activeOrBus ? 0.15 : 0),
    LIBRARY: 0.06 + (s.library < 0 ? 0.22 : 0.05),
    SUPPORT: s.overall > 0.3 ? 0.3 : 0,
    OPPOSE: s.overall < -0.3 ? 0.22 : 0,
  };
}

/** First-person sentences, which read oddly in an organisation's response. */
const PERSONAL = /\b(I|I'd|I'm|I've|My|my|me)\b|^Dw i/;

function sentencesFor(rng: Rng, code: CodeKey, positive: boolean, welsh: boolean, howMany: number, impersonal = false): string[] {
  const t = THEME_TEXT[code];
  let pool = welsh ? t.cy : positive ? t.pro : t.con;
  if (impersonal) pool = pool.filter((s) => !PERSONAL.test(s));
  return pool.length === 0 ? [] : rng.sample(pool, howMany);
}

export function chooseThemes(rng: Rng, r: Respondent): CodeKey[] {
  const chances = themeChances(r);
  const themes = CODEFRAME.map((c) => c.code).filter((code) => rng.chance(chances[code]));
  // Order of mention varies from person to person.
  return rng.sample(themes, themes.length);
}

/** The main free-text answer of an ordinary (form-filling, individual) respondent. */
export function formAnswer(rng: Rng, r: Respondent): string {
  const themes = chooseThemes(rng, r);
  if (themes.length === 0 || rng.chance(0.03)) return rng.pick(r.welsh ? SHORT_ANSWERS_CY : SHORT_ANSWERS);
  const long = !r.welsh && rng.chance(0.1);
  const sentences: string[] = [];
  if (long || rng.chance(0.05)) sentences.push(rng.pick(OPENERS));
  for (const code of themes) {
    const n = long ? 2 : rng.chance(0.18) ? 2 : 1;
    sentences.push(...sentencesFor(rng, code, r.stances[STANCE_OF[code]] > 0, r.welsh, n));
  }
  if (sentences.length === 0) return rng.pick(r.welsh ? SHORT_ANSWERS_CY : SHORT_ANSWERS);
  const text = long ? sentences.join(rng.pick(['\n\n', '\n'])) : joinSentences(rng, sentences);
  return roughen(rng, fill(rng, text, { ward: r.ward }));
}

/** An e-mailed response: a letter with a greeting, paragraphs and a signature (with fake contact details). */
export function emailAnswer(rng: Rng, r: Respondent): string {
  let themes = chooseThemes(rng, r);
  if (themes.length === 0) themes = [rng.pick(['LIBRARY', 'PARK', 'PROCESS'] as CodeKey[])];
  const paragraphs = themes.map((code) => sentencesFor(rng, code, r.stances[STANCE_OF[code]] > 0, r.welsh, r.welsh ? 1 : 2).join(' ')).filter((p) => p);
  const [greeting, signOff] = r.welsh ? ['Annwyl Syr/Madam,', 'Yn gywir,'] : [rng.pick(['Dear Sir or Madam,', 'Dear Sir/Madam,', 'To whom it may concern,', 'Hello,']), rng.pick(['Yours faithfully,', 'Regards,', 'Kind regards,', 'Thanks,'])];
  const contact = rng.chance(0.35) ? (rng.chance(0.5) ? '\n{email}' : '\nTel: {phone}') : '';
  return fill(rng, `${greeting}\n\n${paragraphs.join('\n\n')}\n\n${signOff}\n{name}${contact}`, { ward: r.ward });
}

/** A "Save Central Library" template response, lightly edited by some senders. */
export function campaignAnswer(rng: Rng): string {
  const lines = CAMPAIGN_TEXT.slice();
  if (rng.chance(0.2)) lines.splice(1 + rng.int(3), 1);
  let text = lines.join(' ');
  if (rng.chance(0.3)) text = `Save Central Library!\n\n${text}`;
  if (rng.chance(0.1)) text += rng.pick([' Shame on the council.', ' My children use it every week.', ' I have used this library for 40 years.']);
  return text;
}

export function organisationAnswer(rng: Rng, orgIndex: number, r: Respondent): string {
  const org = ORGANISATIONS[orgIndex]!;
  const opening = r.welsh ? `Rydym yn ymateb ar ran ${org.name}.` : `We are responding on behalf of ${org.name}.`;
  const paragraphs = [opening];
  for (const code of org.themes) {
    const positive = org.stance + rng.normal() * 0.4 > 0;
    const sentences = sentencesFor(rng, code, positive, r.welsh, r.welsh ? 1 : rng.between(1, 3), true);
    if (sentences.length > 0) paragraphs.push(sentences.join(' '));
  }
  return fill(rng, paragraphs.join('\n\n'), { ward: r.ward });
}

export function welshEffectsAnswer(rng: Rng, r: Respondent, mentionsWelsh: boolean): string {
  if (r.welsh) return rng.pick(WELSH_EFFECTS.cy);
  if (mentionsWelsh || rng.chance(0.45)) return rng.pick(WELSH_EFFECTS.en);
  return rng.pick(WELSH_EFFECTS.nothing);
}

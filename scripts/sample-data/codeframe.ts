/**
 * Example codeframe for the consultation's main free-text question. Keywords are
 * matched as case-insensitive substrings, so they avoid fragments that hide inside
 * other words ("bus" in "business", "arian" in "librarian", "coed" in "Bryncoed").
 * Welsh keywords allow for mutation by matching the unmutated tail
 * (e.g. "wastraff arian" finds "gwastraff arian"; "diogel" finds "ddiogel").
 */
import { toCsv } from './csv.js';

export type CodeKey = 'PARK' | 'COST' | 'ACCESS' | 'PROCESS' | 'ENV' | 'WELSH' | 'SAFETY' | 'BUSINESS' | 'TRANSPORT' | 'LIBRARY' | 'SUPPORT' | 'OPPOSE';

export interface Code {
  code: CodeKey;
  theme: string;
  description: string;
  keywords: string[];
}

export const CODEFRAME: readonly Code[] = [
  { code: 'PARK', theme: 'Parking', description: 'Car parking: loss of spaces, charges, blue badge bays, where people will park', keywords: ['parking', 'car park', 'to park', 'pay and display', 'blue badge', 'parcio'] },
  { code: 'COST', theme: 'Cost and value for money', description: 'Cost of the plan, council finances, council tax, whether it is a good use of money', keywords: ['cost', 'money', 'council tax', 'afford', 'budget', 'expensive', 'waste of', '£', 'upkeep', 'paying for', 'wastraff arian'] },
  { code: 'ACCESS', theme: 'Accessibility', description: 'Access for disabled and older people, wheelchair and mobility scooter users, people with pushchairs', keywords: ['disabled', 'disability', 'wheelchair', 'mobility', 'accessib', 'blind', 'partially sighted', 'older people', 'pushchair', 'step-free', 'anabl', 'cadair olwyn'] },
  { code: 'PROCESS', theme: 'Consultation process', description: 'How the consultation was run: decided in advance, publicity, the form, events, being listened to', keywords: ['consultation', 'already been decided', 'already decided', 'listen', 'questionnaire', 'publicised', 'drop-in', 'tick-box', 'ymgynghori', 'penderfyniad'] },
  { code: 'ENV', theme: 'Environment and green space', description: 'Trees, green space, air quality, pollution, climate, wildlife, flooding', keywords: ['green space', 'trees', 'air quality', 'pollution', 'climate', 'environment', 'wildlife', 'flood', 'gwyrdd'] },
  { code: 'WELSH', theme: 'Welsh language', description: 'Welsh-language provision: bilingual signs, Welsh-medium activities, Welsh-speaking staff', keywords: ['welsh', 'cymraeg', 'gymraeg', 'bilingual', 'dwyieithog', 'iaith'] },
  { code: 'SAFETY', theme: 'Safety and antisocial behaviour', description: 'Personal and road safety, crime, antisocial behaviour, lighting, policing', keywords: ['safe', 'antisocial', 'anti-social', 'crime', 'lighting', 'cctv', 'police', 'danger', 'diogel'] },
  { code: 'BUSINESS', theme: 'Local businesses', description: 'Shops, traders, cafés, footfall, empty units, deliveries', keywords: ['shop', 'business', 'trader', 'footfall', 'units', 'deliver', 'café', 'cafe', 'passing trade', 'siop', 'busnes'] },
  { code: 'TRANSPORT', theme: 'Public transport and active travel', description: 'Buses, trains, taxis, park and ride, cycling and walking routes', keywords: ['bus service', 'buses', 'bus stop', 'bus station', 'park and ride', 'cycle', 'cycling', 'bike', 'trains', 'taxi', 'active travel', 'bws', 'beic'] },
  { code: 'LIBRARY', theme: 'Library services', description: 'Moving Central Library: space, books, computers, opening hours, activities', keywords: ['library', 'libraries', 'books', 'librarian', 'llyfrgell'] },
  { code: 'SUPPORT', theme: 'General support', description: 'Broad support for the plan without a specific reason', keywords: ['support the plan', 'support this', 'fully support', 'good idea', 'about time', 'great plan', 'go ahead', 'goes ahead', 'syniad da', 'cefnogi'] },
  { code: 'OPPOSE', theme: 'General opposition', description: 'Broad opposition to the plan without a specific reason', keywords: ['object', 'against', 'as it is', "don't agree", 'do not agree', 'pointless', 'stupid', 'nobody asked', 'gwrthwynebu', 'yn erbyn'] },
];

/**
 * The codeframe file in Heard's keyword syntax (src/themes/rules.ts: words match stemmed, `*` matches any ending), so
 * the substring keywords above keep finding what they found: the last word of each keyword takes any ending
 * ("accessib*", "car park*"); a keyword of symbols only ("£") is matched as written.
 */
export function codeframeCsv(): string {
  const asRule = (k: string) => (/\p{L}$/u.test(k) ? `${k}*` : k);
  return toCsv(['code', 'theme', 'description', 'keywords'], CODEFRAME.map((c) => [c.code, c.theme, c.description, c.keywords.map(asRule).join(';')]));
}

/** Codes whose keywords occur in the text (what a naive keyword coder would assign). */
export function keywordCodes(text: string): string[] {
  const t = text.toLowerCase();
  return CODEFRAME.filter((c) => c.keywords.some((k) => t.includes(k))).map((c) => c.code);
}

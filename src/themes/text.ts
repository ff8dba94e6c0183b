/// <reference path="./discovery/porter-stemmer.d.ts" />
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Language } from '../contract/themes.js';

// Letters with inner apostrophes ("don't", "council's") and numbers; the rest separates words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-case words of a response, apostrophes made straight. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
}

// Function words common in one language and rare in the other ("a", "i", "yn" are left out of English as too short
// or shared). A response is Welsh when its Welsh function words clearly outnumber its English ones.
const WELSH = new Set(
  ('yr mae ac ar bod gyda ddim hyn wedi dros fy eich chi ni nhw rydw dw dwi ydy oes hefyd iawn ond neu fel am ei eu ' +
    'gan oedd fydd byddai yng ngh mewn ein hwn hon rhaid gallu gwneud cael llawer mwy na nad oherwydd felly pan ble sut ' +
    'pam beth dylai dylid angen i\'r mae\'r ar\'y o\'r yw sydd dim da diolch iaith cymraeg gymraeg syniad cefnogi').split(' '),
);
const ENGLISH = new Set(
  ('the and is are was were be been to of in that this it for with on not have has but they we you there their what ' +
    'would should could will can do does about from at by an as or if so very more no all just which when').split(' '),
);

export function detectLanguage(tokens: readonly string[]): Language {
  let cy = 0;
  let en = 0;
  for (const t of tokens) {
    if (WELSH.has(t)) cy++;
    else if (ENGLISH.has(t)) en++;
  }
  return cy >= 2 && cy > 2 * en ? 'cy' : 'en';
}

interface Stemmed {
  stem: string;
  /** The stem's number, the same for the whole process: the classifier looks features up by it, not by text. */
  id: number;
}

const stemmed = new Map<string, Stemmed>();
const stemNumbers = new Map<string, number>();

function stemmedOf(key: string, s: string): Stemmed {
  let id = stemNumbers.get(s);
  if (id === undefined) stemNumbers.set(s, (id = stemNumbers.size));
  const found = { stem: s, id };
  // Bounded so a huge consultation cannot grow the caches without limit; past it, words are stemmed afresh.
  if (stemmed.size < 500_000) stemmed.set(key, found);
  return found;
}

/** A word as the coding reads it: Porter stem for English, the word as written (lower case) for Welsh; cached. */
function stemWord(word: string, language: Language): Stemmed {
  const key = language === 'cy' ? `cy\u0000${word}` : word;
  return stemmed.get(key) ?? stemmedOf(key, language === 'cy' ? word : PorterStemmer.stem(word));
}

/** Porter stem of an English word; Welsh words are not stemmed, only lower-cased. */
export function stem(word: string, language: Language = 'en'): string {
  return stemWord(word, language).stem;
}

/** A response as the coding reads it: its words, their stems (English only) and the stems' numbers, its language. */
export interface ResponseText {
  words: string[];
  stems: string[];
  stemIds: Int32Array;
  language: Language;
}

export function readResponse(text: string): ResponseText {
  const w = words(text);
  const language = detectLanguage(w);
  const stems = new Array<string>(w.length);
  const stemIds = new Int32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const s = stemWord(w[i]!, language);
    stems[i] = s.stem;
    stemIds[i] = s.id;
  }
  return { words: w, stems, stemIds, language };
}

/// <reference path="./porter-stemmer.d.ts" />
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { STOP_WORDS } from './stop-words.js';

/** A term as counted (stem, or two stems joined by a space) with the words a reader would recognise. */
export interface DocumentTerms {
  /** Term → times it occurs in the response. */
  counts: Map<string, number>;
}

const SENTENCE_BREAK = /[.!?;:\n\r()"“”]+/u;
// Letters with inner apostrophes ("don't", "council's"); numbers are left out: a year or a price is not a theme.
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * Turns responses into stemmed unigrams and bigrams, counting the surface words behind each so candidate themes can be
 * named in the respondents' own words ("library", not the stem "librari").
 * Bigrams join neighbouring content words within a sentence, across stop words ("waste of money" → "wast monei").
 */
export class Tokeniser {
  private readonly stems = new Map<string, string>();
  /** Term → surface form → count, for display. */
  readonly surfaces = new Map<string, Map<string, number>>();

  terms(text: string): DocumentTerms {
    const counts = new Map<string, number>();
    for (const sentence of text.split(SENTENCE_BREAK)) {
      let previous: { stem: string; word: string } | null = null;
      for (const match of sentence.toLowerCase().replace(/’/g, "'").matchAll(WORD)) {
        // "council's" → council; Welsh "i'r", "mae'r", "byddai'n" → their function word, a stop word.
        const word = match[0].replace(/'(s|r|n)$/, '');
        // "xxxx" is how data holders blank out names; it is not a theme.
        if (word.length < 2 || STOP_WORDS.has(word) || /^(.)\1+$/u.test(word)) continue;
        const stem = this.stem(word);
        this.count(counts, stem, word);
        if (previous) this.count(counts, `${previous.stem} ${stem}`, `${previous.word} ${word}`);
        previous = { stem, word };
      }
    }
    return { counts };
  }

  /** The commonest way respondents wrote a term. */
  display(term: string): string {
    let best = term;
    let bestCount = -1;
    for (const [surface, n] of this.surfaces.get(term) ?? []) {
      if (n > bestCount) [best, bestCount] = [surface, n];
    }
    return best;
  }

  private stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = PorterStemmer.stem(word);
      this.stems.set(word, stem);
    }
    return stem;
  }

  private count(counts: Map<string, number>, term: string, surface: string): void {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    let forms = this.surfaces.get(term);
    if (!forms) this.surfaces.set(term, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  }
}

/// <reference path="./natural-sentiment.d.ts" />
/// <reference path="./discovery/porter-stemmer.d.ts" />
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Language, Sentiment } from '../contract/themes.js';

let english: SentimentAnalyzer | null = null;

// natural has no Welsh vocabulary; a few clear words score Welsh responses rather than calling them all neutral.
const WELSH_SCORES = new Map<string, number>([
  ['da', 2], ['gwych', 3], ['ardderchog', 3], ['diolch', 2], ['cefnogi', 2], ['hapus', 3], ['croesawu', 2], ['gwell', 2],
  ['drwg', -3], ['gwael', -3], ['ofnadwy', -3], ['siomedig', -2], ['gwrthwynebu', -2], ['pryderus', -2], ['pryder', -2], ['gwaeth', -2], ['gwastraff', -2],
]);
const WELSH_NEGATIONS = new Set(['ddim', 'dim', 'nid', 'na', 'nad']);

/**
 * Sentiment of one response from its words: natural's AFINN analyser (mean word score, negation-aware) for English,
 * a small Welsh word list for Welsh. Positive above +0.05 per word, negative below −0.05, otherwise neutral.
 */
export function sentimentOf(words: string[], language: Language): { sentiment: Sentiment; score: number } {
  let score: number;
  if (language === 'cy') {
    let sum = 0;
    for (let i = 0; i < words.length; i++) {
      const s = WELSH_SCORES.get(words[i]!) ?? 0;
      sum += i > 0 && WELSH_NEGATIONS.has(words[i - 1]!) ? -s : s;
    }
    score = words.length ? sum / words.length : 0;
  } else {
    english ??= new SentimentAnalyzer('English', PorterStemmer, 'afinn');
    score = words.length ? english.getSentiment(words) : 0;
  }
  if (!Number.isFinite(score)) score = 0;
  return { sentiment: score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral', score };
}

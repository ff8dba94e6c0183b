// natural's index pulls in dotenv, so its modules are imported by deep path; the deep modules ship no types.
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer' {
  class SentimentAnalyzer {
    constructor(language: string, stemmer: { stem(token: string): string } | null, type: 'afinn' | 'senticon' | 'pattern');
    /** Mean score of the words (AFINN: −5 to +5 per word), negations flipping the next word. */
    getSentiment(words: string[]): number;
  }
  export = SentimentAnalyzer;
}

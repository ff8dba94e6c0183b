// natural's index pulls in dotenv (which prints and reads .env files), so Heard imports its modules by deep path;
// the deep modules ship no types.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

/**
 * Discovery row for `npm run bench`: candidate themes in 20,000 free-text responses (the sample consultation's
 * generator, run for 20,000 respondents: about 16,000 written comments), k chosen between 8 and 20 as the page does.
 * Median of 3 after one warm-up; the baseline is the tokenising and TF-IDF alone, the part every method would pay.
 */
import { generateConsultation } from '../scripts/sample-data/consultation.js';
import { discoverThemes } from '../src/themes/discovery/discover.js';
import { defaultVocabulary, tfIdf } from '../src/themes/discovery/tfidf.js';
import { Tokeniser } from '../src/themes/discovery/tokens.js';
import { medianMs } from './timing.js';

export const DISCOVERY_RESPONSES = 20_000;

export async function benchDiscovery(responses = DISCOVERY_RESPONSES): Promise<string[][]> {
  const { header, rows } = generateConsultation(2024, responses);
  const column = header.indexOf('Please explain your answers, or tell us anything else about the draft Town Centre Plan.');
  const texts = rows.map((r) => r[column]!);
  const found = discoverThemes(texts);
  const discoverMs = await medianMs(async () => discoverThemes(texts), 3);
  const written = texts.filter((t) => t.trim() !== '');
  const tfIdfMs = await medianMs(async () => {
    const tokeniser = new Tokeniser();
    tfIdf(written.map((t) => tokeniser.terms(t)), defaultVocabulary(written.length));
  }, 3);
  return [
    [
      `theme discovery in ${responses.toLocaleString('en-GB')} responses (${written.length.toLocaleString('en-GB')} written; k chosen: ${found.k}), median of 3`,
      `${(discoverMs / 1000).toFixed(1)} s`,
      `${(tfIdfMs / 1000).toFixed(1)} s tokenising and TF-IDF alone`,
      (discoverMs / tfIdfMs).toFixed(1),
      '< 30 s',
    ],
  ];
}

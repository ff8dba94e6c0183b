import path from 'node:path';
import Papa from 'papaparse';
import { HeardError } from '../../contract/index.js';
import { readTextFile } from '../../import/readers/read-text-file.js';
import { normaliseLabel } from '../standard-categories.js';
import type { Dictionary } from './suggest.js';

/**
 * A dictionary of free-text self-descriptions, as analysts keep them: CSV with two columns, what was typed and how it
 * is coded (`Input,Output`; any headings). Lookups ignore case, accents and punctuation ("-male" and "Male" are one).
 * Its codings are suggestions shown on the mapping screen, never applied unseen.
 */
export function readDictionary(file: string): Dictionary {
  const name = path.basename(file);
  const { text } = readTextFile(file, 'dictionary file');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `The dictionary ${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header, ...rows] = parsed.data;
  if (!header || header.length !== 2) {
    throw new HeardError('invalid_file', `The dictionary ${name} must have two columns: what was typed, then its coding (found: ${(header ?? []).join(', ') || 'nothing'}).`);
  }
  const dictionary = new Map<string, string>();
  rows.forEach((row, i) => {
    if (row.length !== 2) throw new HeardError('invalid_file', `Row ${i + 2} of ${name} has ${row.length} values; the heading has 2.`);
    const [typed, coded] = [row[0]!.trim(), row[1]!.trim()];
    if (normaliseLabel(typed) !== '' && coded !== '') dictionary.set(normaliseLabel(typed), coded);
  });
  return dictionary;
}

import path from 'node:path';
import Papa from 'papaparse';
import { HeardError } from '../contract/index.js';
import { readTextFile } from '../import/readers/read-text-file.js';

/**
 * A spreadsheet of codes: respondent ids in the first column (or the one named), then one column per theme holding
 * 1 (has the theme), 0 or blank (does not). Theme columns are matched to codes, then names, ignoring case.
 */
export interface CodesFile {
  name: string;
  idColumn: string;
  themes: string[];
  /** One entry per data row: its line in the file, the respondent id, and the themes marked 1. */
  rows: { line: number; id: string; themes: string[] }[];
}

export function readCodesFile(file: string, idColumn?: string): CodesFile {
  const name = path.basename(file);
  // UTF-8, UTF-16 or Windows-1252 (as Excel saves), as every small file Heard reads.
  const { text } = readTextFile(file, 'codes file');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header = [], ...data] = parsed.data;
  const heads = header.map((h) => h.trim());
  const idAt = idColumn === undefined ? 0 : heads.findIndex((h) => h.toLowerCase() === idColumn.toLowerCase());
  if (idAt < 0) throw new HeardError('invalid_file', `${name} has no column "${idColumn}" (its columns: ${heads.join(', ')}).`);
  const themeAt = heads.map((_, i) => i).filter((i) => i !== idAt);
  if (themeAt.length === 0) throw new HeardError('invalid_file', `${name} has no theme columns after the respondent id.`);
  const empty = themeAt.find((i) => heads[i] === '');
  if (empty !== undefined) throw new HeardError('invalid_file', `Column ${empty + 1} of ${name} has no heading; every theme column needs one.`);
  const seen = new Map<string, number>();
  const rows = data.map((cells, r) => {
    const line = r + 2;
    if (cells.length !== heads.length) throw new HeardError('invalid_file', `Line ${line} of ${name} has ${cells.length} values; the heading has ${heads.length}.`);
    const id = cells[idAt]!.trim();
    if (id === '') throw new HeardError('invalid_file', `Line ${line} of ${name} has no respondent id (column ${heads[idAt]}).`);
    if (seen.has(id)) throw new HeardError('invalid_file', `Respondent ${id} appears twice in ${name} (lines ${seen.get(id)} and ${line}).`);
    seen.set(id, line);
    const themes = [];
    for (const i of themeAt) {
      const v = cells[i]!.trim();
      if (v === '1') themes.push(heads[i]!);
      else if (v !== '0' && v !== '') {
        throw new HeardError('invalid_file', `Line ${line}, column ${i + 1} (${heads[i]}) of ${name} holds "${v}"; theme columns hold 1, 0 or nothing.`);
      }
    }
    return { line, id, themes };
  });
  return { name, idColumn: heads[idAt]!, themes: themeAt.map((i) => heads[i]!), rows };
}

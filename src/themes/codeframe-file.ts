import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { HeardError } from '../contract/index.js';
import { readTextFile } from '../import/readers/read-text-file.js';
import { ThemeInput, type Codeframe } from '../contract/themes.js';
import { csvField } from '../export/spreadsheet-text.js';

/**
 * Codeframes as files, so one can be reused in another project or made in a spreadsheet.
 * CSV columns (a heading row; only `code` and `theme` are needed): code, theme, description, keywords, exclusions,
 * parent, examples; lists are separated by ";". JSON: { name, description, themes: [{ code, name, ... }] }.
 */

const CodeframeJson = z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).default(''), themes: z.array(ThemeInput).max(500) });

export interface CodeframeFile {
  name: string;
  description: string;
  themes: ThemeInput[];
}

export function formatOf(file: string, format?: 'csv' | 'json'): 'csv' | 'json' {
  if (format) return format;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw new HeardError('bad_request', `Say whether ${path.basename(file)} is CSV or JSON (or name it .csv or .json).`);
}

export function readCodeframeFile(file: string, format?: 'csv' | 'json'): CodeframeFile {
  const name = path.basename(file);
  // UTF-8, UTF-16 or Windows-1252 (as Excel saves), as every small file Heard reads.
  const { text } = readTextFile(file, 'codeframe file');
  if (formatOf(file, format) === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new HeardError('invalid_file', `${name} is not valid JSON: ${(err as Error).message}.`);
    }
    const parsed = CodeframeJson.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HeardError('invalid_file', `${name}: ${issue.path.join('.') || 'the file'}: ${issue.message}.`);
    }
    return parsed.data;
  }
  return readCsv(text, name);
}

const LIST = (cell: string | undefined) => (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);

function readCsv(text: string, name: string): CodeframeFile {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const bad = parsed.errors[0];
  if (bad) throw new HeardError('invalid_file', `${name} is not valid CSV (row ${(bad.row ?? 0) + 1}: ${bad.message}).`);
  const [header, ...rows] = parsed.data;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (c: string) => columns.indexOf(c);
  const nameColumn = at('theme') >= 0 ? at('theme') : at('name');
  if (at('code') < 0 || nameColumn < 0) {
    throw new HeardError('invalid_file', `${name} needs a heading row with at least "code" and "theme" columns (found: ${columns.join(', ') || 'nothing'}).`);
  }
  const themes = rows.map((row, i) => {
    const cell = (c: string) => (at(c) >= 0 ? (row[at(c)] ?? '').trim() : '');
    const theme = ThemeInput.safeParse({
      code: cell('code') || undefined,
      name: (row[nameColumn] ?? '').trim(),
      description: cell('description'),
      keywords: LIST(cell('keywords')),
      exclusions: LIST(cell('exclusions')),
      parent: cell('parent') || null,
      examples: LIST(cell('examples')),
    });
    if (!theme.success) {
      const issue = theme.error.issues[0]!;
      throw new HeardError('invalid_file', `Row ${i + 2} of ${name}, column ${issue.path[0] === 'name' ? 'theme' : String(issue.path[0])}: ${issue.message}.`);
    }
    return theme.data;
  });
  return { name: path.basename(name, path.extname(name)), description: '', themes };
}

export function writeCodeframeFile(codeframe: Codeframe, file: string, format?: 'csv' | 'json'): void {
  const themes = codeframe.themes.map(({ code, name, description, keywords, exclusions, parent, examples }) => ({ code, name, description, keywords, exclusions, parent, examples }));
  const text =
    formatOf(file, format) === 'json'
      ? `${JSON.stringify({ name: codeframe.name, description: codeframe.description, themes }, null, 2)}\n`
      : [
          'code,theme,description,keywords,exclusions,parent,examples',
          ...themes.map((t) => [t.code, t.name, t.description, t.keywords.join(';'), t.exclusions.join(';'), t.parent ?? '', t.examples.join(';')].map(csvField).join(',')),
        ].join('\r\n') + '\r\n';
  try {
    fs.writeFileSync(file, text, 'utf8');
  } catch (err) {
    throw new HeardError('io', `Cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
}

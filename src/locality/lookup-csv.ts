import fs from 'node:fs';
import path from 'node:path';
import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import { quoteLiteral } from '../engine/sql.js';
import { detectEncoding, ENCODING_SAMPLE_BYTES } from '../import/readers/encoding.js';
import { scanBytes } from '../import/readers/line-endings.js';
import { readHead } from '../import/readers/sniff.js';

/**
 * Reading the lookup files councils download (ONS Postcode Directory extracts, deprivation indices): their headings
 * vary by release and by who cut the extract, so columns are found by name patterns rather than fixed positions.
 */

/**
 * DuckDB refuses invalid UTF-8 only when it reaches the bad byte, which inside a transaction would abort the whole
 * load; so the encoding is settled before reading, by the import's own detection (BOM, UTF-16 by its NULs, then
 * UTF-8 validity over the whole file). Files saved from Excel on Windows (Welsh names: "Ynys Môn") are commonly
 * Windows-1252; DuckDB reads latin-1 natively, which agrees with it on every letter a place name uses, so a lookup
 * of millions of rows is read in place rather than transcoded.
 */
export async function lookupEncoding(file: string): Promise<'utf-8' | 'utf-16' | 'latin-1'> {
  const head = await readHead(file, ENCODING_SAMPLE_BYTES);
  const guess = detectEncoding(head);
  if (guess === 'utf-16le' || guess === 'utf-16be') return 'utf-16';
  if (guess === 'windows-1252') return 'latin-1';
  if (head.length < ENCODING_SAMPLE_BYTES) return 'utf-8';
  return (await scanBytes(file)).utf8 ? 'utf-8' : 'latin-1';
}

/** The read_csv call for a lookup file: every value as text, so codes like "01" and "E01000001" arrive untouched. */
export function readCsvSql(file: string, encoding: string): string {
  return `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true, encoding = ${quoteLiteral(encoding)})`;
}

export interface LookupSource {
  file: string;
  name: string;
  encoding: string;
  headers: string[];
  /** Splice into FROM. */
  sql: string;
}

/** Opens a lookup CSV: checks it exists, settles its encoding and reads its headings. */
export async function openLookupCsv(tx: Tx, file: string, what: string): Promise<LookupSource> {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    throw new HeardError('not_found', `There is no ${what} file at ${resolved}.`);
  }
  if (fs.statSync(resolved).size === 0) throw new HeardError('invalid_file', `${name} is empty; expected a ${what} CSV.`);
  const encoding = await lookupEncoding(resolved);
  const sql = readCsvSql(resolved, encoding);
  let headers: string[];
  try {
    headers = (await tx.read(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${sql})`)).map((r) => String(r.column_name));
  } catch (err) {
    throw new HeardError('invalid_file', `${name} could not be read as a ${what} CSV.`, { cause: message(err) });
  }
  return { file: resolved, name, encoding, headers, sql };
}

/** Lower case, with every run of non-alphanumerics as one space: "LSOA code (2011)" → "lsoa code 2011". */
export function simplifyHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The first heading that matches the earliest pattern. Among several headings matching one pattern the latest
 * release wins ("lad23cd" over "lad22cd"), so an extract carrying both years is read at its newest boundaries.
 */
export function findColumn(headers: readonly string[], patterns: readonly RegExp[], exclude?: RegExp): string | undefined {
  for (const pattern of patterns) {
    const hits = headers.filter((h) => pattern.test(simplifyHeading(h)) && !(exclude && exclude.test(simplifyHeading(h))));
    if (hits.length > 0) return [...hits].sort((a, b) => simplifyHeading(b).localeCompare(simplifyHeading(a)))[0];
  }
  return undefined;
}

/** A column named by the caller, matched case-insensitively; an unknown name is an error naming what exists. */
export function requireNamedColumn(source: LookupSource, wanted: string, role: string): string {
  const found = source.headers.find((h) => h.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new HeardError('invalid_file', `${source.name} has no column "${wanted}" to use as the ${role}. Its columns are: ${source.headers.join(', ')}.`);
  }
  return found;
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import { parseArgs } from 'node:util';
import { defaultDataDir } from '../paths.js';

/** User mistakes exit 1 with one line; anything unexpected exits 2. */
export class UsageError extends Error {}

export interface Out {
  stdout(text: string): void;
  stderr(text: string): void;
}

const OPTIONS = {
  port: { type: 'string' },
  project: { type: 'string' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  wave: { type: 'string' },
  name: { type: 'string' },
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  layout: { type: 'string' },
  survey: { type: 'string' },
  out: { type: 'string' },
  columns: { type: 'string' },
  year: { type: 'string' },
  kind: { type: 'string' },
  'allow-duplicate': { type: 'boolean' },
  postcodes: { type: 'string' },
  onspd: { type: 'string' },
  deprivation: { type: 'string' },
  index: { type: 'string' },
  margins: { type: 'string', multiple: true },
  'base-weight': { type: 'string' },
  trim: { type: 'string' },
  save: { type: 'string' },
  replace: { type: 'boolean' },
  'exclude-missing': { type: 'boolean' },
  'rescale-margins': { type: 'boolean' },
  row: { type: 'string' },
  col: { type: 'string' },
  weight: { type: 'string' },
  where: { type: 'string', multiple: true },
  compare: { type: 'string' },
  importance: { type: 'string' },
  satisfaction: { type: 'string' },
  paired: { type: 'boolean' },
  mean: { type: 'boolean' },
  by: { type: 'string' },
  'top-importance': { type: 'string' },
  'top-satisfaction': { type: 'string' },
  surveys: { type: 'string' },
  top: { type: 'string' },
  question: { type: 'string' },
  k: { type: 'string' },
  lang: { type: 'string' },
  sections: { type: 'string' },
  characteristic: { type: 'string' },
  benchmark: { type: 'string' },
  area: { type: 'string' },
  variable: { type: 'string' },
  outcome: { type: 'string' },
  by2: { type: 'string' },
  codes: { type: 'string' },
  'id-column': { type: 'string' },
  codeframe: { type: 'string' },
  'train-from-human': { type: 'boolean' },
  gold: { type: 'string' },
} as const;
export type OptionName = keyof typeof OPTIONS;

/** One parser for every command; each command says which options it takes, and anything else is refused. */
export function parse(args: string[], allowed: readonly OptionName[], positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: positionals > 0, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  for (const key of Object.keys(parsed.values)) {
    if (key !== 'data-dir' && !allowed.includes(key as OptionName)) throw new UsageError(`This command does not take --${key}.`);
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
  return { ...parsed.values, positionals: parsed.positionals, dataDir: parsed.values['data-dir'] ?? defaultDataDir() };
}

export function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`${what} is required.`);
  return value;
}

export function integer(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${what} must be a whole number, not "${value}".`);
  return n;
}

export function printJson(out: Out, value: unknown): void {
  out.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

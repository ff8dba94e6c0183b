import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word the renderer shows goes through i18next: keys used must exist in English, Welsh may only translate
 * keys English has, and JSX holds no hard-coded text. Source is parsed with the TypeScript compiler, not grepped.
 */

const rendererDir = path.join(__dirname, '..', '..', 'renderer');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Attributes a person reads or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);
const HAS_LETTER = /\p{L}/u;

type Messages = { [key: string]: string | Messages };

function loadMessages(file: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(rendererDir, 'i18n', file), 'utf8')) as Messages;
}

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Findings {
  keys: string[];
  /** t() called with something other than a plain string: cannot be checked, so not allowed. */
  dynamicKeys: string[];
  /** Hard-coded text in JSX, as "line: text". */
  literals: string[];
}

/** Walks one source file for t('key') calls and for text written straight into JSX. */
export function scan(fileName: string, text: string): Findings {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Findings = { keys: [], dynamicKeys: [], literals: [] };
  const where = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTranslate(node.expression)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) found.keys.push(first.text);
      else found.dynamicKeys.push(`${where(node)}: ${node.getText(source)}`);
    }
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.literals.push(`${where(node)}: ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (literal && (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) && HAS_LETTER.test(literal.text)) {
        found.literals.push(`${where(node)}: ${node.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTranslate(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

function hasKey(messages: Map<string, string>, key: string): boolean {
  return messages.has(key) || [...messages.keys()].some((k) => k.replace(PLURAL_SUFFIX, '') === key);
}

function variables(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!).sort();
}

const english = flatten(loadMessages('en-GB.json'));
const welsh = flatten(loadMessages('cy.json'));
/** The committee report (src/report) writes its headings and methodology from the same catalogues, on the Node side. */
const reportDir = path.join(__dirname, '..', '..', 'src', 'report');
const files = [...sourceFiles(rendererDir), ...sourceFiles(reportDir)];
const scans = files.map((file) => ({ file: path.relative(path.dirname(rendererDir), file), ...scan(file, fs.readFileSync(file, 'utf8')) }));

describe('the checks themselves catch mistakes', () => {
  it('finds keys, dynamic keys and hard-coded JSX text', () => {
    const sample = [
      "const a = t('nav.data');",
      'const b = i18n.t(`nav.${page}`);',
      'const c = <p title="Close window">Hello <b>{t(\'x.y\')}</b></p>;',
      "const d = <p aria-label={'Main menu'}>{' '}·</p>;",
    ].join('\n');
    const found = scan('sample.tsx', sample);
    expect(found.keys).toEqual(['nav.data', 'x.y']);
    expect(found.dynamicKeys).toHaveLength(1);
    expect(found.literals).toEqual(['3: title="Close window"', '3: Hello', "4: aria-label={'Main menu'}"]);
  });

  it('treats plural forms as the same key', () => {
    const messages = new Map([['rows_one', '1 row'], ['rows_other', '{{count}} rows']]);
    expect(hasKey(messages, 'rows')).toBe(true);
    expect(hasKey(messages, 'columns')).toBe(false);
  });
});

describe('renderer strings', () => {
  it('scans the renderer source', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(scans.flatMap((s) => s.keys).length).toBeGreaterThan(50);
  });

  it('every key passed to t() exists in en-GB.json', () => {
    const missing = scans.flatMap((s) => s.keys.filter((key) => !hasKey(english, key)).map((key) => `${s.file}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('t() is only called with a literal key, so the check above sees every key', () => {
    expect(scans.flatMap((s) => s.dynamicKeys.map((d) => `${s.file}:${d}`))).toEqual([]);
  });

  it('JSX holds no hard-coded user-visible text', () => {
    expect(scans.flatMap((s) => s.literals.map((l) => `${s.file}:${l}`))).toEqual([]);
  });

  it('every English string is used somewhere (no dead text to translate)', () => {
    const used = new Set(scans.flatMap((s) => s.keys));
    const unused = [...english.keys()].filter((key) => !used.has(key.replace(PLURAL_SUFFIX, '')));
    expect(unused).toEqual([]);
  });
});

describe('Welsh', () => {
  it('every key in cy.json exists in en-GB.json', () => {
    const extra = [...welsh.keys()].filter((key) => !hasKey(english, key.replace(PLURAL_SUFFIX, '')));
    expect(extra).toEqual([]);
  });

  it('uses the same {{variables}} as English', () => {
    const mismatched = [...welsh.entries()]
      .filter(([key]) => english.has(key))
      .filter(([key, message]) => variables(message).join() !== variables(english.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('covers the navigation, the header and the project picker completely', () => {
    const required = [...english.keys()].filter((key) => /^(app|language|header|nav|projects)\./.test(key));
    expect(required.length).toBeGreaterThan(30);
    expect(required.filter((key) => !welsh.has(key))).toEqual([]);
  });

  it('has no empty translations', () => {
    expect([...welsh.entries()].filter(([, message]) => message.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

import { THEME_TEXT } from '../../../scripts/sample-data/consultation-text.js';
import type { CodeKey } from '../../../scripts/sample-data/codeframe.js';

/**
 * The themes a sample consultation comment was generated from, found by matching the generator's sentences
 * (scripts/sample-data/consultation-text.ts) back into it: placeholders match any words, case is ignored (the
 * generator sometimes lower-cases or shouts), and a final full stop may be missing.
 */
const PATTERNS: { code: CodeKey; pattern: RegExp }[] = Object.entries(THEME_TEXT).flatMap(([code, t]) =>
  [...t.pro, ...t.con, ...t.cy].map((sentence) => ({
    code: code as CodeKey,
    pattern: new RegExp(
      sentence
        .replace(/[.!?]$/, '')
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+?'),
      'iu',
    ),
  })),
);

export function generatingThemes(comment: string): Set<CodeKey> {
  return new Set(PATTERNS.filter((p) => p.pattern.test(comment)).map((p) => p.code));
}

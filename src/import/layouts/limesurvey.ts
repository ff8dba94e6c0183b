import { fallbackLabel, rawHeader, type DraftColumn, type LayoutReader } from './layout-reader.js';
import { questionOptionName } from './names.js';
import { cleanText, filledCount, squash } from './text.js';

/** "code. question text", where the code may carry [subcode]s: `TYPstudy[stumat]. Study materials [Materials…]`. */
const CODE_TEXT = /^([A-Za-z0-9_]+(?:\[[^\]\s]*\])*)\.\s+([\s\S]+)$/;
/** Code-only headings: `Q1[SQ001]`. */
const CODE_ONLY = /^([A-Za-z][A-Za-z0-9_]*)((?:\[[A-Za-z0-9_#]+\])+)$/;
/** The response table's own fields, by code or by their English text. */
const SYSTEM_FIELDS = new Set(
  ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'Response ID', 'Date submitted',
    'Last page', 'Start language', 'Date started', 'Date last action'].map(squash),
);

interface Heading {
  code?: string;
  question: string;
  option?: string;
}

/** A trailing "[…]" (brackets may nest inside it), as LimeSurvey appends a sub-question's text. */
function trailingBracket(text: string): { before: string; inside: string } | undefined {
  if (!text.endsWith(']')) return undefined;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ']') depth++;
    else if (text[i] === '[') {
      depth--;
      if (depth === 0) {
        const before = text.slice(0, i).trim();
        const inside = text.slice(i + 1, -1).trim();
        return before && inside ? { before, inside } : undefined;
      }
    }
  }
  return undefined;
}

function subcodes(code: string): string[] {
  return [...code.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!).filter(Boolean);
}

export function parseHeading(raw: string): Heading {
  const text = cleanText(raw);
  const codeText = CODE_TEXT.exec(text);
  if (codeText) {
    const code = codeText[1]!;
    const rest = codeText[2]!.trim();
    const bracket = trailingBracket(rest);
    const sub = subcodes(code).join(' ');
    if (bracket) return { code, question: bracket.before, option: bracket.inside };
    return sub ? { code, question: rest, option: sub } : { code, question: rest };
  }
  const codeOnly = CODE_ONLY.exec(text);
  if (codeOnly) return { code: text, question: codeOnly[1]!, option: subcodes(text).join(' ') };
  const bracket = trailingBracket(text);
  if (bracket && /\s\[/.test(text)) return { question: bracket.before, option: bracket.inside };
  return { question: text };
}

function kinds(row: string[] | undefined): { codeText: number; arrays: number; system: number; filled: number } {
  let codeText = 0;
  let arrays = 0;
  let system = 0;
  for (const c of row ?? []) {
    const text = cleanText(c);
    if (!text) continue;
    if (CODE_TEXT.test(text)) codeText++;
    if (CODE_ONLY.test(text) || /\s\[[^\]]+\]$/.test(text)) arrays++;
    const field = CODE_TEXT.exec(text);
    if (SYSTEM_FIELDS.has(squash(text)) || (field && SYSTEM_FIELDS.has(squash(field[1]!)))) system++;
  }
  return { codeText, arrays, system, filled: filledCount(row) };
}

/**
 * LimeSurvey: headings as codes, as text, or both ("code. text"); array questions as `code[subcode]` or
 * `text [sub-question]`. The code is kept as the column's code and the sub-question becomes its option.
 */
export const limeSurveyReader: LayoutReader = {
  layout: 'limesurvey',
  fit(rows) {
    const k = kinds(rows[0]);
    if (!k.filled) return 0;
    const codeTextShare = k.codeText / k.filled;
    if (codeTextShare >= 0.6) return 0.9;
    if (k.system >= 3) return k.arrays >= 1 || codeTextShare > 0 ? 0.9 : 0.8;
    if (k.arrays / k.filled >= 0.5) return 0.45;
    return 0;
  },
  read(rows, width) {
    const columns: DraftColumn[] = [];
    for (let j = 0; j < width; j++) {
      const heading = parseHeading(rows[0]?.[j] ?? '');
      const question = heading.question || heading.code || fallbackLabel(j);
      const label = heading.option ? `${question}: ${heading.option}` : question;
      // Numbered headings ("1. How old are you?") number the question rather than code it.
      const usableCode = heading.code && !/^\d+$/.test(heading.code) ? heading.code : undefined;
      const column: DraftColumn = {
        source: j,
        label,
        question,
        header: rawHeader(rows, 1, j),
        nameHints: [usableCode, heading.option ? questionOptionName(question, heading.option) : question],
      };
      if (heading.code) column.code = heading.code;
      if (heading.option) column.option = heading.option;
      columns.push(column);
    }
    return { headerRows: Math.min(1, rows.length), columns, warnings: [] };
  },
};

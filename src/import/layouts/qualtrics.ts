import { cell, fallbackLabel, rawHeader, type DraftColumn, type LayoutReader } from './layout-reader.js';
import { metadataName, QUALTRICS_METADATA } from './metadata.js';
import { splitQuestionTexts } from './qualtrics-text.js';
import { cleanText, isBlank, squash } from './text.js';

/** The third heading row of a modern export: JSON, or a Python dict in older "Insights" exports. */
const IMPORT_ID = /^\s*\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']/;

export function importIdOf(text: string): string | undefined {
  return IMPORT_ID.exec(text)?.[1];
}

function importIdShare(row: string[] | undefined): { share: number; hits: number } {
  let n = 0;
  let hits = 0;
  for (const c of row ?? []) {
    if (isBlank(c)) continue;
    n++;
    if (importIdOf(c) !== undefined) hits++;
  }
  return { share: n ? hits / n : 0, hits };
}

/**
 * Labels come from the question-text row in both Qualtrics formats, and export tags are the codes, so a survey
 * exported both ways gets the same labels; standard fields get the same fixed names.
 */
export function qualtricsColumns(
  rows: string[][],
  width: number,
  headerRows: number,
  codeOf: (j: number) => string | undefined,
  nameHintsOf: (j: number, code: string | undefined, text: string) => Array<string | undefined>,
): DraftColumn[] {
  const texts = Array.from({ length: width }, (_, j) => cleanText(cell(rows, 1, j)));
  const split = splitQuestionTexts(texts);
  return texts.map((text, j) => {
    const code = codeOf(j);
    const { question, option } = split[j]!;
    const label = option ? `${question}: ${option}` : question || code || fallbackLabel(j);
    const column: DraftColumn = {
      source: j,
      label,
      question: question || label,
      header: rawHeader(rows, headerRows, j),
      nameHints: nameHintsOf(j, code, text),
    };
    if (option) column.option = option;
    if (code) column.code = code;
    return column;
  });
}

export const qualtricsReader: LayoutReader = {
  layout: 'qualtrics',
  fit(rows) {
    const ids = importIdShare(rows[2]);
    if (ids.hits >= 1 && ids.share >= 0.5) return 0.6 + 0.39 * ids.share;
    // Without the ImportId row: standard Qualtrics field names in the first row still say where it came from.
    const known = (rows[0] ?? []).filter((c) => QUALTRICS_METADATA.has(squash(c))).length;
    return known >= 4 ? 0.35 : 0;
  },
  read(rows, width) {
    const hasImportIds = importIdShare(rows[2]).hits > 0;
    const headerRows = Math.min(hasImportIds ? 3 : 2, rows.length);
    const warnings = hasImportIds
      ? []
      : ['No Qualtrics ImportId row (third heading row) was found; read two heading rows: export tags, then question text.'];
    const columns = qualtricsColumns(
      rows,
      width,
      headerRows,
      (j) => cleanText(cell(rows, 0, j)) || importIdOf(cell(rows, 2, j)) || undefined,
      (_j, code, text) => [code && metadataName(code), code, text],
    );
    return { headerRows, columns, warnings };
  },
};

import { cell, fallbackLabel, rawHeader, type DraftColumn, type LayoutReader } from './layout-reader.js';
import { isSurveyMonkeyMetadata, metadataName } from './metadata.js';
import { questionOptionName } from './names.js';
import { singleRowColumns } from './plain.js';
import { cleanText, filledCount, isBlank, looksLikeDate, looksNumeric, squash } from './text.js';

/** Second-row cells that mean "the answer itself", not an option. */
const ANSWER_MARKERS = new Set(['response', 'openendedresponse']);
const MARKERS = new Set([...ANSWER_MARKERS, 'otherpleasespecify']);

interface Shape {
  headerRows: 1 | 2;
  fit: number;
}

function markerShare(row: string[] | undefined): { hits: number; share: number } {
  const filled = filledCount(row);
  const hits = (row ?? []).filter((c) => MARKERS.has(squash(c))).length;
  return { hits, share: filled ? hits / filled : 0 };
}

/** Blank first-row cells over filled second-row cells, after a filled first-row cell: a question's option columns. */
function continuationCells(rows: string[][], width: number): number {
  let n = 0;
  let seenQuestion = false;
  for (let j = 0; j < width; j++) {
    const top = cell(rows, 0, j);
    if (!isBlank(top)) seenQuestion = true;
    else if (seenQuestion && !isBlank(cell(rows, 1, j))) n++;
  }
  return n;
}

function shape(rows: string[][], width: number): Shape {
  const markers = markerShare(rows[1]);
  if (markers.hits >= 1 && markers.share >= 0.2) return { headerRows: 2, fit: 0.9 };
  const top = rows[0] ?? [];
  const metadata = top.map((c, j) => (isSurveyMonkeyMetadata(c) ? j : -1)).filter((j) => j >= 0);
  const startsWithRespondent = squash(top[0] ?? '') === 'respondentid';
  if (metadata.length >= 2 || startsWithRespondent) {
    // In the second heading row the metadata columns are blank; in a data row the respondent ID never is.
    const secondIsHeading =
      rows.length > 1 && metadata.every((j) => isBlank(cell(rows, 1, j))) && filledCount(rows[1]) > 0;
    // With one heading row the file reads exactly as a plain one, and is reported as plain: the layout names
    // the heading structure. Forced to SurveyMonkey, it is still read with one row.
    return secondIsHeading ? { headerRows: 2, fit: 0.85 } : { headerRows: 1, fit: 0.2 };
  }
  const second = (rows[1] ?? []).filter((c) => !isBlank(c));
  const secondLooksLikeHeadings = second.length > 0 && second.every((c) => !looksNumeric(c) && !looksLikeDate(c));
  if (rows.length > 2 && continuationCells(rows, width) >= 2 && secondLooksLikeHeadings) return { headerRows: 2, fit: 0.35 };
  // Forced onto a file that does not fit: take a second heading row only if it reads like one, so no respondent is lost.
  return { headerRows: secondLooksLikeHeadings ? 2 : 1, fit: 0 };
}

function twoRowColumns(rows: string[][], width: number): DraftColumn[] {
  const columns: DraftColumn[] = [];
  let question = '';
  for (let j = 0; j < width; j++) {
    const top = cleanText(cell(rows, 0, j));
    const second = cleanText(cell(rows, 1, j));
    const header = rawHeader(rows, 2, j);
    if (top) question = top;
    if (top && !second && isSurveyMonkeyMetadata(top)) {
      const name = metadataName(top);
      columns.push({ source: j, label: top, question: top, header, nameHints: [name, top], ...(name ? { code: name } : {}) });
      continue;
    }
    if (!top && !second) question = '';
    const asked = question || fallbackLabel(j);
    if (!second || ANSWER_MARKERS.has(squash(second))) {
      columns.push({ source: j, label: asked, question: asked, header, nameHints: [question] });
      continue;
    }
    columns.push({
      source: j,
      label: question ? `${question}: ${second}` : second,
      question: question || second,
      option: second,
      header,
      nameHints: [question ? questionOptionName(question, second) : second],
    });
  }
  return columns;
}

/**
 * SurveyMonkey: question text in the first heading row (blank over its other option columns), option text or
 * "Response" in the second. Exports flattened to one heading row are plain files.
 */
export const surveyMonkeyReader: LayoutReader = {
  layout: 'surveymonkey',
  fit: (rows, width) => shape(rows, width).fit,
  read(rows, width) {
    const { headerRows } = shape(rows, width);
    if (headerRows === 1 || rows.length < 2) {
      return { headerRows: Math.min(1, rows.length), columns: singleRowColumns(rows, width), warnings: [] };
    }
    return { headerRows: 2, columns: twoRowColumns(rows, width), warnings: [] };
  },
};

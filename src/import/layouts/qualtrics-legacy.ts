import { cell, type LayoutReader } from './layout-reader.js';
import { metadataName } from './metadata.js';
import { qualtricsColumns } from './qualtrics.js';
import { cleanText, squash } from './text.js';

const V_CODE = /^V\d+$/;

/** Legacy exports: a row of export tags where standard fields are V1, V2…, then the question-text row. */
export const qualtricsLegacyReader: LayoutReader = {
  layout: 'qualtrics-legacy',
  fit(rows) {
    const first = (rows[0] ?? []).map((c) => cleanText(c));
    if (first[0] !== 'V1' || first.filter((c) => V_CODE.test(c)).length < 2) return 0;
    const texts = new Set((rows[1] ?? []).map(squash));
    return texts.has('responseid') || texts.has('responseset') ? 0.95 : 0.7;
  },
  read(rows, width) {
    const headerRows = Math.min(2, rows.length);
    const columns = qualtricsColumns(
      rows,
      width,
      headerRows,
      (j) => cleanText(cell(rows, 0, j)) || undefined,
      // A V-code says nothing about the column; the text row names the field (ResponseID → response_id).
      (_j, code, text) =>
        code && !V_CODE.test(code) ? [metadataName(code), code, text] : [metadataName(text), text, code],
    );
    return { headerRows, columns, warnings: [] };
  },
};

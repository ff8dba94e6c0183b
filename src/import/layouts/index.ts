import type { LayoutColumn, LayoutName, LayoutResult } from '../types.js';
import { googleFormsReader, microsoftFormsReader } from './forms.js';
import type { LayoutRead, LayoutReader } from './layout-reader.js';
import { limeSurveyReader } from './limesurvey.js';
import { assignNames } from './names.js';
import { plainReader } from './plain.js';
import { preambleRows } from './preamble.js';
import { qualtricsReader } from './qualtrics.js';
import { qualtricsLegacyReader } from './qualtrics-legacy.js';
import { surveyMonkeyReader } from './surveymonkey.js';
import { isBlank } from './text.js';

export { assignNames, snakeCase } from './names.js';

const MAX_LABEL = 2000;
/** Below this, a layout's claim is too weak to beat reading the file as plain. */
const MIN_FIT = 0.3;

/** In order of how distinctive their signatures are; on a tie the earlier reader wins. */
const READERS: LayoutReader[] = [
  qualtricsReader,
  qualtricsLegacyReader,
  surveyMonkeyReader,
  microsoftFormsReader,
  googleFormsReader,
  limeSurveyReader,
];

const FORCED: Partial<Record<LayoutName, LayoutReader[]>> = {
  // The CLI's --layout qualtrics means either Qualtrics format; the rows say which.
  qualtrics: [qualtricsReader, qualtricsLegacyReader],
  'qualtrics-legacy': [qualtricsLegacyReader, qualtricsReader],
};

const DISPLAY: Record<LayoutName, string> = {
  plain: 'plain', surveymonkey: 'SurveyMonkey', qualtrics: 'Qualtrics', 'qualtrics-legacy': 'Qualtrics (legacy)',
  limesurvey: 'LimeSurvey', 'google-forms': 'Google Forms', 'microsoft-forms': 'Microsoft Forms', spss: 'SPSS',
};

interface Candidate {
  reader: LayoutReader;
  start: number;
  fit: number;
}

/** Columns the file uses: up to the last one with anything in it, in any previewed row. */
function usedWidth(rows: string[][]): number {
  let width = 0;
  for (const row of rows) {
    for (let j = row.length - 1; j >= width; j--) {
      if (!isBlank(row[j])) {
        width = j + 1;
        break;
      }
    }
  }
  return width;
}

function best(readers: LayoutReader[], rows: string[][], starts: number[], width: number): Candidate | undefined {
  let top: Candidate | undefined;
  for (const reader of readers) {
    for (const start of starts) {
      const fit = reader.fit(rows.slice(start), width);
      if (!top || fit > top.fit) top = { reader, start, fit };
    }
  }
  return top;
}

function finish(layout: LayoutName, start: number, read: LayoutRead, rows: string[][], width: number, extra: string[]): LayoutResult {
  const warnings = [...extra];
  if (start > 0) warnings.push(`Skipped ${start} row${start === 1 ? '' : 's'} above the heading row (title, notes or blank).`);
  warnings.push(...read.warnings);
  const drafts = read.columns;
  const names = assignNames(
    drafts.map((d) => [...d.nameHints, d.label]),
    drafts.map((d) => d.source),
  );
  const columns: LayoutColumn[] = drafts.map((d, i) => {
    const column: LayoutColumn = {
      source: d.source,
      name: names[i]!,
      label: d.label.slice(0, MAX_LABEL),
      question: d.question.slice(0, MAX_LABEL),
      header: d.header,
    };
    if (d.option !== undefined) column.option = d.option.slice(0, MAX_LABEL);
    if (d.code !== undefined) column.code = d.code;
    return column;
  });
  const headingWidth = Math.max(0, ...rows.slice(start, start + read.headerRows).map((r) => usedWidth([r])));
  if (headingWidth < width) {
    warnings.push(`Some rows have more cells than the headings: columns ${headingWidth + 1} to ${width} have no heading.`);
  }
  const labels = new Map<string, number>();
  for (const c of columns) labels.set(c.label, (labels.get(c.label) ?? 0) + 1);
  const repeated = [...labels].filter(([, n]) => n > 1).length;
  if (repeated > 0) {
    warnings.push(`${repeated} heading${repeated === 1 ? ' is' : 's are'} repeated; each column keeps it as its label and has a name of its own (_2, _3…).`);
  }
  return { layout, skipRows: start + read.headerRows, columns, warnings };
}

/**
 * Which rows of a file are headings and what each column is. `preview` is the file's first records, parsed;
 * `override` forces a layout, and a file that does not fit it is still read as well as it can be, with a warning.
 */
export function detectLayout(preview: string[][], override?: LayoutName): LayoutResult {
  const rows = preview.map((row) => row.map((c) => (typeof c === 'string' ? c : c == null ? '' : String(c))));
  const width = usedWidth(rows);
  if (width === 0) {
    return { layout: override ?? 'plain', skipRows: 0, columns: [], warnings: ['The file has no headings or data to read.'] };
  }
  const preamble = preambleRows(rows);
  const starts = preamble > 0 ? [preamble, 0] : [0];

  if (override && override !== 'plain' && override !== 'spss') {
    const readers = FORCED[override] ?? READERS.filter((r) => r.layout === override);
    const chosen = best(readers, rows, starts, width)!;
    const extra =
      chosen.fit < MIN_FIT
        ? [`The file does not look like a ${DISPLAY[override]} export; it was read as one, as asked. Check the headings.`]
        : [];
    return finish(chosen.reader.layout, chosen.start, chosen.reader.read(rows.slice(chosen.start), width), rows, width, extra);
  }
  if (override) {
    const reader = plainReader(override);
    return finish(override, preamble, reader.read(rows.slice(preamble), width), rows, width, []);
  }
  const chosen = best(READERS, rows, starts, width);
  if (chosen && chosen.fit >= MIN_FIT) {
    return finish(chosen.reader.layout, chosen.start, chosen.reader.read(rows.slice(chosen.start), width), rows, width, []);
  }
  const plain = plainReader();
  return finish('plain', preamble, plain.read(rows.slice(preamble), width), rows, width, []);
}

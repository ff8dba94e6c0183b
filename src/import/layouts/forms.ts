import { cell, type DraftColumn, type LayoutReader } from './layout-reader.js';
import { singleRowColumns } from './plain.js';
import { filledCount, isBlank, looksLikeDateTime, looksNumeric, squash } from './text.js';

/**
 * "Timestamp" as Google Forms writes it in the form owner's language. Forms in other languages are common (Welsh
 * councils, community groups), so the heading alone is not trusted: a first column of date-times counts too.
 */
const TIMESTAMP_HEADINGS = new Set(
  [
    'Timestamp', 'Marca temporal', 'Marca de tiempo', 'Horodateur', 'Horodatage', 'Zeitstempel', 'Carimbo de data/hora',
    'Indicação de data e hora', 'Informazioni cronologiche', 'Tijdstempel', 'Stempel amser', 'Sygnatura czasowa',
    'Tidsstempel', 'Tidsstämpel', 'Tidstämpel', 'Aikaleima', 'Časová značka', 'Časová pečiatka', 'Időbélyeg',
    'Marcaj de timp', 'Marcă temporală', 'Zaman damgası', 'Отметка времени', 'Временная метка', 'Позначка часу',
    'タイムスタンプ', '时间戳', '時間戳記', '타임스탬프', 'Dấu thời gian', 'Cap waktu', 'Stempel waktu',
    'Χρονική σήμανση', 'חותמת זמן', 'الطابع الزمني', 'Tímastimpill',
  ].map(squash),
);

const MICROSOFT_HEADINGS = ['id', 'starttime', 'completiontime'];

function dataShare(rows: string[][], column: number, test: (value: string) => boolean): { share: number; n: number } {
  let n = 0;
  let hits = 0;
  for (let r = 1; r < rows.length; r++) {
    const value = cell(rows, r, column);
    if (isBlank(value)) continue;
    n++;
    if (test(value)) hits++;
  }
  return { share: n ? hits / n : 0, n };
}

function withTimestampName(columns: DraftColumn[]): DraftColumn[] {
  const first = columns[0];
  if (first) {
    first.code = 'timestamp';
    first.nameHints = ['timestamp', ...first.nameHints];
  }
  return columns;
}

export const googleFormsReader: LayoutReader = {
  layout: 'google-forms',
  fit(rows) {
    const heading = cell(rows, 0, 0);
    if (filledCount(rows[0]) < 2) return 0;
    const dates = dataShare(rows, 0, looksLikeDateTime);
    if (TIMESTAMP_HEADINGS.has(squash(heading))) return dates.n === 0 || dates.share >= 0.9 ? 0.9 : 0.5;
    // Structure only: a short heading over a column of date-times with seconds, as Google writes them.
    const withSeconds = dataShare(rows, 0, (v) => looksLikeDateTime(v) && /\d:\d{2}:\d{2}/.test(v));
    if (heading.trim().length > 0 && heading.trim().length <= 30 && withSeconds.n >= 1 && withSeconds.share >= 0.95) {
      return 0.4;
    }
    return 0;
  },
  read: (rows, width) => ({
    headerRows: Math.min(1, rows.length),
    columns: withTimestampName(singleRowColumns(rows, width)),
    warnings: [],
  }),
};

export const microsoftFormsReader: LayoutReader = {
  layout: 'microsoft-forms',
  fit(rows) {
    const head = (rows[0] ?? []).slice(0, 3).map(squash);
    if (MICROSOFT_HEADINGS.every((h, i) => head[i] === h)) return 0.95;
    // Other interface languages: an integer ID followed by start and completion date-times.
    const ids = dataShare(rows, 0, (v) => /^\d+$/.test(v.trim()) && looksNumeric(v));
    const starts = dataShare(rows, 1, looksLikeDateTime);
    const ends = dataShare(rows, 2, looksLikeDateTime);
    if (ids.n >= 1 && ids.share === 1 && starts.share >= 0.95 && ends.share >= 0.95 && filledCount(rows[0]) >= 4) {
      return 0.4;
    }
    return 0;
  },
  read: (rows, width) => ({
    headerRows: Math.min(1, rows.length),
    columns: singleRowColumns(rows, width),
    warnings: [],
  }),
};

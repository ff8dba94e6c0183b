import type { ColumnProfile, LayoutColumn } from '../types.js';

/** How survey tools name the respondent's identifier, squashed to letters and digits. */
const ID_NAMES = new Set([
  'id', 'respondentid', 'responseid', 'recordid', 'submissionid', 'participantid', 'caseid', 'uniqueid', 'uniqueref',
  'serial', 'serialno', 'serialnumber', 'urn', 'respondent', 'respondentno', 'respondentnumber', 'responseno',
  'responsenumber', 'responseref', 'responsereference', 'entryid', 'ref', 'reference', 'referencenumber', 'userno',
  'userid', 'rowid', 'idrespuesta', 'rhifadnabod',
]);

const WEIGHT_NAME = /^(?:weights?|wt|wgt|weighting|weight_?factor|.+_(?:weight|wt|wgt)|(?:weight|wt|wgt)_.+)$/;

function squash(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function names(column: LayoutColumn): string[] {
  return [column.name, column.code, column.label].filter((n): n is string => !!n);
}

export function soundsLikeId(column: LayoutColumn): boolean {
  return names(column).some((n) => ID_NAMES.has(squash(n)));
}

/** Each respondent has their own value, and nearly everyone has one. */
export function nearUnique(profile: ColumnProfile): boolean {
  return (
    profile.answered > 0 &&
    profile.distinct >= 0.98 * profile.answered &&
    profile.answered >= 0.9 * profile.rows &&
    profile.maxLength <= 64
  );
}

export function soundsLikeWeight(column: LayoutColumn): boolean {
  return names(column).some((n) => WEIGHT_NAME.test(n.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')));
}

/** Weights are numbers, never negative, not all zero. */
export function positiveNumbers(profile: ColumnProfile): boolean {
  const numbers = profile.top.map((v) => Number(v.value.trim()));
  return numbers.length > 0 && numbers.every((n) => Number.isFinite(n) && n >= 0) && numbers.some((n) => n > 0);
}

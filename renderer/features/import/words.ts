import type { TFunction } from 'i18next';
import type { ColumnRole, ColumnType, ImportPlan, LayoutName } from '../../../src/contract/index.js';

/**
 * The backend's codes in the user's words. Each is a switch with literal keys, so the i18n test sees every one;
 * an unknown code from a newer backend is shown as it is rather than hidden.
 */

export const COLUMN_TYPES: readonly ColumnType[] = ['id', 'date', 'numeric', 'likert', 'single', 'multi', 'text', 'weight'];
export const COLUMN_ROLES: readonly ColumnRole[] = ['none', 'respondent_id', 'weight', 'demographic', 'locality', 'importance', 'satisfaction'];
/** Layouts a user may ask for; SPSS files always read as SPSS. */
export const CHOOSABLE_LAYOUTS: readonly LayoutName[] = [
  'plain',
  'surveymonkey',
  'qualtrics',
  'qualtrics-legacy',
  'limesurvey',
  'google-forms',
  'microsoft-forms',
];
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function typeWords(t: TFunction, type: ColumnType): string {
  switch (type) {
    case 'id':
      return t('import.type.id');
    case 'date':
      return t('import.type.date');
    case 'numeric':
      return t('import.type.numeric');
    case 'likert':
      return t('import.type.likert');
    case 'single':
      return t('import.type.single');
    case 'multi':
      return t('import.type.multi');
    case 'text':
      return t('import.type.text');
    case 'weight':
      return t('import.type.weight');
  }
}

export function roleWords(t: TFunction, role: ColumnRole): string {
  switch (role) {
    case 'none':
      return t('import.role.none');
    case 'respondent_id':
      return t('import.role.respondentId');
    case 'weight':
      return t('import.role.weight');
    case 'demographic':
      return t('import.role.demographic');
    case 'locality':
      return t('import.role.locality');
    case 'importance':
      return t('import.role.importance');
    case 'satisfaction':
      return t('import.role.satisfaction');
  }
}

export function layoutWords(t: TFunction, layout: LayoutName): string {
  switch (layout) {
    case 'plain':
      return t('import.layout.plain');
    case 'surveymonkey':
      return t('import.layout.surveymonkey');
    case 'qualtrics':
      return t('import.layout.qualtrics');
    case 'qualtrics-legacy':
      return t('import.layout.qualtricsLegacy');
    case 'limesurvey':
      return t('import.layout.limesurvey');
    case 'google-forms':
      return t('import.layout.googleForms');
    case 'microsoft-forms':
      return t('import.layout.microsoftForms');
    case 'spss':
      return t('import.layout.spss');
  }
}

export function encodingWords(t: TFunction, encoding: string): string {
  switch (encoding) {
    case 'utf-8':
      return t('import.encoding.utf8');
    case 'utf-8-bom':
      return t('import.encoding.utf8Bom');
    case 'utf-16le':
      return t('import.encoding.utf16le');
    case 'utf-16be':
      return t('import.encoding.utf16be');
    case 'windows-1252':
      return t('import.encoding.windows1252');
    default:
      return encoding;
  }
}

export function delimiterWords(t: TFunction, delimiter: string): string {
  switch (delimiter) {
    case ',':
      return t('import.delimiter.comma');
    case ';':
      return t('import.delimiter.semicolon');
    case '\t':
      return t('import.delimiter.tab');
    case '|':
      return t('import.delimiter.pipe');
    default:
      return delimiter;
  }
}

export function kindWords(t: TFunction, kind: ImportPlan['kind']): string {
  switch (kind) {
    case 'delimited':
      return t('import.kind.delimited');
    case 'xlsx':
      return t('import.kind.xlsx');
    case 'sav':
      return t('import.kind.sav');
  }
}

/** Why a value was flagged: the backend's known reasons in the user's language, anything else as written. */
export function flagReasonWords(t: TFunction, reason: string): string {
  switch (reason) {
    case 'not a number':
      return t('problems.reason.notNumber');
    case 'not a date Heard recognises':
      return t('problems.reason.notDate');
    case 'not one of the answers on this scale':
      return t('problems.reason.offScale');
    default:
      return reason;
  }
}

/** Why a record was rejected. DuckDB's reasons read "ERROR TYPE: message"; the common types get plain words. */
export function rejectReasonWords(t: TFunction, reason: string): string {
  const type = reason.split(':', 1)[0]?.trim().toUpperCase() ?? '';
  switch (type) {
    case 'TOO MANY COLUMNS':
      return t('problems.reason.tooManyCells');
    case 'MISSING COLUMNS':
      return t('problems.reason.tooFewCells');
    case 'UNQUOTED VALUE':
    case 'UNTERMINATED QUOTES':
      return t('problems.reason.quotes');
    case 'INVALID UNICODE':
    case 'INVALID ENCODING':
      return t('problems.reason.encoding');
    case 'LINE SIZE OVER MAXIMUM':
      return t('problems.reason.tooLong');
    default:
      return reason;
  }
}

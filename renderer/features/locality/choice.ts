import type { TFunction } from 'i18next';
import type { ColumnInfo, LocalityRequest } from '../../../src/contract/index.js';

/** The deprivation indices Heard names itself; anything else the user names. */
export const KNOWN_INDICES = ['IMD2019', 'WIMD2019'] as const;
export type IndexChoice = (typeof KNOWN_INDICES)[number] | 'other';

/** What the user chose on the form. Paths are as typed (browser) or as the dialog gave them (desktop app). */
export interface LocalityChoice {
  postcodeColumn: string;
  directoryPath: string;
  deprivationPath: string;
  index: IndexChoice;
  otherIndex: string;
}

export type LocalityField = 'postcodeColumn' | 'directoryPath' | 'deprivationPath' | 'otherIndex';

export interface LocalityFieldError {
  field: LocalityField;
  message: string;
}

/** The backend's limit on an index name (see src/contract/locality.ts). */
const MAX_INDEX_NAME = 40;

const PART = /sector|district|area|outward/i;
const POSTCODE = /post\s*code|postal\s*code|cod\s*post|\bpcds?\b/i;

/**
 * The column to offer first: a locality column that mentions (full) postcodes, then any column that does, then the only
 * locality column. Otherwise nothing, so the user chooses rather than Heard guessing wrong.
 */
export function suggestPostcodeColumn(columns: readonly ColumnInfo[]): string {
  const mentions = (c: ColumnInfo) => POSTCODE.test(c.name) || POSTCODE.test(c.label);
  // A postcode sector or district ("CF10 1") cannot be placed: prefer the full postcode when both are there.
  const full = (c: ColumnInfo) => mentions(c) && !PART.test(c.name) && !PART.test(c.label);
  const locality = columns.filter((c) => c.role === 'locality');
  const found =
    locality.find(full) ?? columns.find(full) ?? locality.find(mentions) ?? columns.find(mentions) ?? (locality.length === 1 ? locality[0] : undefined);
  return found?.name ?? '';
}

export function emptyChoice(columns: readonly ColumnInfo[]): LocalityChoice {
  return { postcodeColumn: suggestPostcodeColumn(columns), directoryPath: '', deprivationPath: '', index: 'IMD2019', otherIndex: '' };
}

/** Everything wrong with the choice, in the order of the fields on the page (empty when it can go ahead). */
export function validateChoice(t: TFunction, choice: LocalityChoice, columns: readonly ColumnInfo[]): LocalityFieldError[] {
  const errors: LocalityFieldError[] = [];
  if (!columns.some((c) => c.name === choice.postcodeColumn)) {
    errors.push({ field: 'postcodeColumn', message: t('locality.form.columnRequired') });
  }
  if (choice.deprivationPath.trim() !== '' && choice.index === 'other') {
    const name = choice.otherIndex.trim();
    if (name === '') errors.push({ field: 'otherIndex', message: t('locality.form.indexNameRequired') });
    else if (name.length > MAX_INDEX_NAME) errors.push({ field: 'otherIndex', message: t('locality.form.indexNameTooLong') });
  }
  return errors;
}

/** The request for the backend: empty paths left out, so the lookups already in the project are used. */
export function toRequest(waveId: number, choice: LocalityChoice): LocalityRequest {
  const directoryPath = choice.directoryPath.trim();
  const deprivationPath = choice.deprivationPath.trim();
  const request: LocalityRequest = { waveId, postcodeColumn: choice.postcodeColumn };
  if (directoryPath) request.directoryPath = directoryPath;
  if (deprivationPath) {
    request.deprivationPath = deprivationPath;
    request.deprivationIndex = choice.index === 'other' ? choice.otherIndex.trim() : choice.index;
  }
  return request;
}

export function fileNameOf(path: string): string {
  return path.trim().split(/[\\/]/).pop() ?? path;
}

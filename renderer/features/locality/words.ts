import type { TFunction } from 'i18next';

/** A postcode's status in words, as the list of postcodes to check shows it. */
export function statusWords(t: TFunction, status: string): string {
  switch (status) {
    case 'terminated':
      return t('locality.status.terminated');
    case 'unmatched':
      return t('locality.status.unmatched');
    case 'invalid':
      return t('locality.status.invalid');
    case 'partial':
      return t('locality.status.partial');
    case 'blank':
      return t('locality.status.blank');
    case 'matched':
      return t('locality.status.matched');
    default:
      // A status added to the backend after this build: its own word is better than nothing.
      return status;
  }
}

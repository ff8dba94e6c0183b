import type { TFunction } from 'i18next';
import { HeardError } from '../../src/contract/index.js';

export interface ErrorText {
  /** A plain-English sentence saying what happened and what to do. */
  message: string;
  /** The backend's own words, for IT support; only for failures the user cannot act on. */
  detail?: string;
}

/** Turns any failure into words for a council officer. Codes the user can act on get their own sentence. */
export function errorMessage(t: TFunction, error: unknown): ErrorText {
  if (!(error instanceof HeardError)) {
    return { message: t('errors.internal'), detail: error instanceof Error ? error.message : String(error) };
  }
  switch (error.code) {
    case 'no_project':
      return { message: t('errors.noProject') };
    case 'not_found':
      return { message: t('errors.notFound') };
    case 'project_locked':
      return { message: t('errors.projectLocked') };
    case 'invalid_project':
      return { message: t('errors.invalidProject') };
    case 'io':
      return { message: t('errors.io'), detail: error.message };
    case 'cancelled':
      return { message: t('errors.cancelled') };
    case 'disconnected':
      return { message: t('errors.disconnected') };
    default:
      return { message: t('errors.internal'), detail: error.message };
  }
}

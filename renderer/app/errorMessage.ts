import type { TFunction } from 'i18next';
import { HeardError } from '../../src/contract/index.js';

export interface ErrorText {
  /** A plain-English sentence saying what happened and what to do. */
  message: string;
  /** The backend's own words, for IT support; only for failures the user cannot act on. */
  detail?: string;
  /** The backend's own words when they are written for the user (a file that cannot be read names the file and the fault). */
  reason?: string;
}

/** What the failing request was about, where the same code needs different words (a missing project vs a missing export). */
export type ErrorSubject = 'project' | 'importFile' | 'lookupFile' | 'weighting' | 'analysis';

/** Turns any failure into words for a council officer. Codes the user can act on get their own sentence. */
export function errorMessage(t: TFunction, error: unknown, subject: ErrorSubject = 'project'): ErrorText {
  if (!(error instanceof HeardError)) {
    return { message: t('errors.internal'), detail: error instanceof Error ? error.message : String(error) };
  }
  switch (error.code) {
    // Raking's refusals (empty categories, totals that disagree, no convergence) name the margin and category.
    case 'bad_request':
      if (subject === 'weighting') return { message: t('weighting.errors.refused'), reason: error.message };
      // A gap or trend the data cannot give (no pair, nobody answered) names the question and says what to do.
      if (subject === 'analysis') return { message: t('errors.analysisRefused'), reason: error.message };
      return { message: t('errors.internal'), detail: error.message };
    case 'no_project':
      return { message: t('errors.noProject') };
    case 'not_found':
      if (subject === 'importFile') return { message: t('errors.importNotFound'), reason: error.message };
      // The backend's words name the missing lookup file, or say that no postcode directory is loaded yet.
      if (subject === 'lookupFile') return { message: t('errors.lookupNotFound'), reason: error.message };
      if (subject === 'weighting') return { message: t('weighting.errors.notFound'), reason: error.message };
      if (subject === 'analysis') return { message: t('errors.analysisRefused'), reason: error.message };
      return { message: t('errors.notFound') };
    case 'project_locked':
      return { message: t('errors.projectLocked') };
    case 'invalid_project':
      return { message: t('errors.invalidProject') };
    case 'io':
      if (subject === 'weighting') return { message: t('weighting.errors.fileNotRead'), reason: error.message };
      return subject === 'project' ? { message: t('errors.io'), detail: error.message } : { message: t('errors.io'), reason: error.message };
    case 'cancelled':
      return { message: t('errors.cancelled') };
    case 'invalid_file':
      return { message: subject === 'lookupFile' || subject === 'weighting' ? t('errors.lookupInvalid') : t('errors.invalidFile'), reason: error.message };
    case 'duplicate_import':
      return { message: t('errors.duplicateImport') };
    case 'disconnected':
      return { message: t('errors.disconnected') };
    default:
      return { message: t('errors.internal'), detail: error.message };
  }
}

import type { TFunction } from 'i18next';
import type { ImportRequest, SurveySummary } from '../../../src/contract/index.js';

/** What the user chose on the first step: the file, and where its responses go. */
export interface ImportChoice {
  path: string;
  destination: 'new' | 'existing';
  /** The survey to add a wave to, when destination is 'existing'. */
  surveyId: number | null;
  surveyName: string;
  /** Once the user has typed a name, choosing another file no longer replaces it. */
  nameEdited: boolean;
  kind: 'survey' | 'consultation';
  waveLabel: string;
  year: string;
}

export const EMPTY_CHOICE: ImportChoice = {
  path: '',
  destination: 'new',
  surveyId: null,
  surveyName: '',
  nameEdited: false,
  kind: 'survey',
  waveLabel: '',
  year: '',
};

export type ChoiceField = 'path' | 'surveyName' | 'surveyId' | 'waveLabel' | 'year';

export interface FieldError {
  field: ChoiceField;
  message: string;
}

/**
 * A name to start from, taken from the file's name: the same rule as the backend's suggestedSurveyName, so the
 * field is filled as soon as a file is chosen (the plan's suggestion replaces it if the field is still empty).
 */
export function nameFromFile(path: string): string {
  const base = path.trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
}

export function fileNameOf(path: string): string {
  return path.trim().split(/[\\/]/).pop() ?? path;
}

const YEAR = /^\d{4}$/;

/** Everything wrong with the choice, in the order of the fields on the page (empty when it can go ahead). */
export function validateChoice(t: TFunction, choice: ImportChoice, surveys: readonly SurveySummary[], inShell: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (choice.path.trim() === '') {
    errors.push({ field: 'path', message: inShell ? t('import.choose.fileRequiredShell') : t('import.choose.fileRequired') });
  }
  const name = choice.surveyName.trim();
  let target: SurveySummary | undefined;
  if (choice.destination === 'new') {
    const clash = surveys.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    if (name === '') errors.push({ field: 'surveyName', message: t('import.choose.nameRequired') });
    // The backend would quietly add to a survey of the same name; say so instead, and offer the right choice.
    else if (clash) errors.push({ field: 'surveyName', message: t('import.choose.nameTaken', { name: clash.name }) });
  } else {
    target = surveys.find((s) => s.id === choice.surveyId);
    if (!target) errors.push({ field: 'surveyId', message: t('import.choose.surveyRequired') });
  }
  const label = choice.waveLabel.trim();
  if (target && label !== '' && target.waves.some((w) => w.label.trim().toLowerCase() === label.toLowerCase())) {
    errors.push({ field: 'waveLabel', message: t('import.choose.waveTaken', { survey: target.name, wave: label }) });
  }
  const year = choice.year.trim();
  if (year !== '' && (!YEAR.test(year) || Number(year) < 1900 || Number(year) > 2200)) {
    errors.push({ field: 'year', message: t('import.choose.yearInvalid') });
  }
  return errors;
}

/** Where the responses go, as the import request says it. */
export function targetOf(choice: ImportChoice): Pick<ImportRequest, 'surveyId' | 'surveyName' | 'kind' | 'waveLabel' | 'year'> {
  const waveLabel = choice.waveLabel.trim() || undefined;
  const year = choice.year.trim() === '' ? undefined : Number(choice.year.trim());
  if (choice.destination === 'existing' && choice.surveyId !== null) return { surveyId: choice.surveyId, waveLabel, year };
  return { surveyName: choice.surveyName.trim(), kind: choice.kind, waveLabel, year };
}

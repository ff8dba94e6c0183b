import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../src/contract/index.js';
import { formatLocales } from '../../i18n';
import type { DraftProblem, MarginDraft, NameProblem } from './draft';

export interface Formats {
  /** Whole numbers: respondents, effective sample sizes. */
  whole(value: number): string;
  /** Populations and sums of weights, to one decimal place. */
  people(value: number): string;
  /** A total of figures as typed: whole numbers as such, else to one decimal place. */
  total(value: number): string;
  /** A difference, signed, to one decimal place ("0.0" when it rounds to nothing). */
  signed(value: number): string;
  /** Weights, to two decimal places. */
  weight(value: number): string;
  /** A share (0–1) as a percentage to one decimal place. */
  percent(value: number): string;
  /** A date and time a weight was made. */
  when(iso: string): string;
}

/** Number and date formats in the page's language (British formats when the browser lacks Welsh ones). */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locales = formatLocales(i18n.language);
    const whole = new Intl.NumberFormat(locales, { maximumFractionDigits: 0 });
    const people = new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const total = new Intl.NumberFormat(locales, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const weight = new Intl.NumberFormat(locales, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locales, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      whole: (v) => whole.format(v),
      people: (v) => people.format(v),
      total: (v) => total.format(v),
      signed: (v) => signed.format(v),
      weight: (v) => weight.format(v),
      percent: (v) => percent.format(v),
      when: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : date.format(d);
      },
    };
  }, [i18n.language]);
}

/** A variable as the user knows it: its label, else its name. */
export function variableLabel(columns: readonly ColumnInfo[], name: string): string {
  const column = columns.find((c) => c.name === name);
  return column?.label || name;
}

/** "Age band × Sex". */
export function marginLabel(columns: readonly ColumnInfo[], variables: readonly string[]): string {
  return variables.map((v) => variableLabel(columns, v)).join(' × ');
}

/** "16-24 × Female", quoted as the user would write it. */
export function cellLabel(values: readonly string[]): string {
  return values.join(' × ');
}

/** A problem with the margins in plain words, naming the margin and the category. */
export function problemWords(t: TFunction, problem: DraftProblem, drafts: readonly MarginDraft[], columns: readonly ColumnInfo[]): string {
  const margin = (id: string) => {
    const draft = drafts.find((d) => d.id === id);
    return draft ? marginLabel(columns, draft.variables) : '';
  };
  switch (problem.kind) {
    case 'noMargins':
      return t('weighting.problems.noMargins');
    case 'empty':
      return t('weighting.problems.empty', { margin: margin(problem.margin), count: problem.count });
    case 'notNumber':
      return t('weighting.problems.notNumber', { margin: margin(problem.margin), category: cellLabel(problem.cell) });
    case 'noRespondents':
      return t('weighting.problems.noRespondents', { margin: margin(problem.margin), category: cellLabel(problem.cell) });
    case 'zeroTotal':
      return t('weighting.problems.zeroTotal', { margin: margin(problem.margin) });
    case 'percentSum':
      return t('weighting.problems.percentSum', { margin: margin(problem.margin), sum: problem.sum.toFixed(1) });
    case 'percentTotal':
      return t('weighting.problems.percentTotal');
    case 'trim':
      return t('weighting.problems.trim');
  }
}

export function nameWords(t: TFunction, problem: NameProblem, name: string): string {
  switch (problem) {
    case 'empty':
      return t('weighting.save.nameEmpty');
    case 'form':
      return t('weighting.save.nameForm');
    case 'taken':
      return t('weighting.save.nameTaken', { name: name.trim() });
    case 'column':
      return t('weighting.save.nameColumn', { name: name.trim() });
  }
}

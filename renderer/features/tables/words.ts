import type { TFunction } from 'i18next';
import type { Comparison, Crosstab } from '../../../src/contract/index.js';

export interface Numbers {
  /** One decimal place: percentages, weighted and effective bases. */
  one: Intl.NumberFormat;
  whole: Intl.NumberFormat;
  /** Test statistics: two decimal places. */
  two: Intl.NumberFormat;
  three: Intl.NumberFormat;
}

export function numbersFor(locales: string[]): Numbers {
  const fixed = (digits: number) => new Intl.NumberFormat(locales, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return { one: fixed(1), whole: fixed(0), two: fixed(2), three: fixed(3) };
}

/** The test's name in words; a method added to the backend after this build keeps its own name. */
export function methodName(t: TFunction, method: string): string {
  if (/rao/i.test(method)) return t('tables.test.raoScott');
  if (/pearson/i.test(method)) return t('tables.test.pearson');
  return method;
}

/**
 * The independence test as a sentence: "Answers differ by Age band: Rao–Scott χ² = 41.2, df 12, p < 0.001", or that
 * there is no evidence they differ. Significance at the table's alpha (5%).
 */
export function testSentence(t: TFunction, table: Crosstab, numbers: Numbers, alpha = 0.05): string | null {
  const test = table.test;
  if (!test || !table.colLabel) return null;
  const p = test.p < 0.001 ? t('tables.test.pBelow', { p: numbers.three.format(0.001) }) : t('tables.test.pEquals', { p: numbers.three.format(test.p) });
  const values = {
    by: table.colLabel,
    method: methodName(t, test.method),
    statistic: numbers.two.format(test.statistic),
    df: Number.isInteger(test.df) ? numbers.whole.format(test.df) : numbers.two.format(test.df),
    p,
  };
  return test.p < alpha ? t('tables.test.differ', values) : t('tables.test.noEvidence', values);
}

export function adjustmentWords(t: TFunction, comparison: Comparison): string {
  switch (comparison) {
    case 'holm':
      return t('tables.comparison.holmShort');
    case 'bh':
      return t('tables.comparison.bhShort');
    case 'none':
      return t('tables.comparison.noneShort');
  }
}

/** "16-24" with its letter: what the column is called in the chart's legend and the table's heading. */
export function columnName(t: TFunction, base: Crosstab['bases'][number]): string {
  return base.letter ? t('tables.result.lettered', { letter: base.letter, name: base.col ?? '' }) : t('tables.result.allRespondents');
}

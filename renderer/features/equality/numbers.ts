import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';

export interface EqualityNumbers {
  /** A percentage (0–100): whole from 9.5 up, else one decimal, so small groups do not all read 0% or 1%. */
  pct(value: number): string;
  /** Percentage points, to one decimal place, signed. */
  points(value: number): string;
  /** A mean score, to two decimal places. */
  score(value: number): string;
  whole(value: number): string;
  /** A p-value: "< 0.001" or three decimals. */
  p(value: number): string;
}

export function useEqualityNumbers(): EqualityNumbers {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locales = formatLocales(i18n.language);
    const whole = new Intl.NumberFormat(locales, { maximumFractionDigits: 0 });
    const one = new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const two = new Intl.NumberFormat(locales, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const three = new Intl.NumberFormat(locales, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    return {
      pct: (v) => `${v >= 9.5 || Number.isInteger(v) ? whole.format(v) : one.format(v)}%`,
      points: (v) => signed.format(v),
      score: (v) => two.format(v),
      whole: (v) => whole.format(v),
      p: (v) => (v < 0.001 ? `< ${three.format(0.001)}` : three.format(v)),
    };
  }, [i18n.language]);
}

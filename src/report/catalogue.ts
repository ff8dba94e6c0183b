import fs from 'node:fs';
import path from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import type { ReportLanguage } from '../contract/report.js';
import { packageRoot } from '../paths.js';

/**
 * The report's words come from the UI's own catalogues (renderer/i18n/en-GB.json and cy.json, key `report`), so a
 * heading reads the same on the Report page and in the file, and one translation serves both. They are read from the
 * package (electron-builder ships renderer/i18n) through i18next, which the renderer uses too: same interpolation,
 * same plural rules (Welsh has six).
 */
const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', cy: 'cy' };
const cache = new Map<ReportLanguage, TFunction>();

export function catalogueFile(locale: string): string {
  return path.join(packageRoot(), 'renderer', 'i18n', `${locale}.json`);
}

export async function reportWords(lang: ReportLanguage): Promise<TFunction> {
  const cached = cache.get(lang);
  if (cached) return cached;
  const read = (locale: string) => JSON.parse(fs.readFileSync(catalogueFile(locale), 'utf8')) as Record<string, unknown>;
  const i18n = createInstance();
  await i18n.init({
    resources: { 'en-GB': { translation: read('en-GB') }, cy: { translation: read('cy') } },
    lng: LOCALE[lang],
    fallbackLng: 'en-GB',
    // Writers escape for their own format (HTML, XML); i18next's HTML escaping would double it.
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(LOCALE[lang]);
  cache.set(lang, t);
  return t;
}

/** Numbers as the language writes them: 1,234 and 48.9 in both English and Welsh. */
export function numberFormat(lang: ReportLanguage, decimals: number): Intl.NumberFormat {
  return new Intl.NumberFormat([LOCALE[lang], 'en-GB'], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

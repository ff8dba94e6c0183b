import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import cy from './cy.json';
import enGB from './en-GB.json';

export const LANGUAGES = ['en-GB', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'heard.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Keys passed to t() are checked against the English file at compile time.
    resources: { translation: typeof enGB };
  }
}

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'en-GB';
  } catch {
    return 'en-GB'; // storage can be blocked by policy; English is the safe default
  }
}

/** Keeps <html lang> and the window title in step, so screen readers pronounce the page in the right language. */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', applyToDocument);
  await i18n.use(initReactI18next).init({
    resources: { 'en-GB': { translation: enGB }, cy: { translation: cy } },
    lng: savedLanguage(),
    fallbackLng: 'en-GB',
    supportedLngs: [...LANGUAGES],
    // React escapes text already; double escaping would show &amp; to users.
    interpolation: { escapeValue: false },
  });
  applyToDocument(i18n.language);
  return i18n;
}

/**
 * Locales for Intl number and date formats: the chosen language, then British English when the browser's ICU
 * lacks the first (some Linux builds have no Welsh data; British formats beat American ones as a fallback).
 */
export function formatLocales(language: string): string[] {
  return [language, 'en-GB'];
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* the choice still applies for this session */
  }
  await i18n.changeLanguage(language);
}

export default i18n;

import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** Each language is named in itself, and marked with its own lang so screen readers pronounce it correctly. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const options: Array<{ language: Language; label: string }> = [
    { language: 'en-GB', label: t('language.english') },
    { language: 'cy', label: t('language.welsh') },
  ];
  return (
    <div role="group" aria-label={t('language.label')} className="language-switcher">
      {options.map(({ language, label }) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          className="language-option"
          onClick={() => void setLanguage(language)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';

/** zh-CN ↔ English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span className="sr-only">{t('lang.label')}</span>
      <select
        aria-label={t('lang.label')}
        data-testid="language"
        value={i18n.language}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zh from './i18n/zh';
import en from './i18n/en';

export const LANGUAGE_KEY = 'planning.console.language';

function initialLanguage(): 'zh' | 'en' {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export default i18n;

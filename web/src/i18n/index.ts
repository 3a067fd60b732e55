import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../types.js';
import { APP_EN, APP_FR } from './resources.js';

/** Remembers the language on this device, so the sign-in page opens in it before anyone signs in. */
export const LOCALE_STORAGE_KEY = 'pathways.locale';

export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'fr';

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked by browser policy; the app still works, it just forgets.
    return null;
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Switches the interface language and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

function reflectLanguage(lng: string): void {
  document.documentElement.lang = isLocale(lng) ? lng : 'en';
}

i18n.on('languageChanged', reflectLanguage);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: APP_EN }, fr: { translation: APP_FR } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  // Resources are bundled, so there is nothing to wait for.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
reflectLanguage(i18n.language);

export default i18n;

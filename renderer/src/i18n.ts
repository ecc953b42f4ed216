import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { resources, namespaces } from '../../shared/i18n/resources.js';
import type { Language } from '../../shared/domain/fields.js';

const STORAGE_KEY = 'home-desk.language';

/** The last language used on this PC, for the first paint before the database answers. */
export function rememberedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function applyLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}

void i18n.use(initReactI18next).init({
  resources,
  ns: [...namespaces],
  defaultNS: 'common',
  lng: rememberedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(rememberedLanguage());

export default i18n;

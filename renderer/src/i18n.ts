import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../shared/domain/fields.js';

const STORAGE_KEY = 'home-desk.language';

/**
 * The strings, one JSON file per language and namespace (shared/i18n/locales/<lng>/<ns>.json). zh-CN,
 * the default, is in the start chunk; English is fetched when it is first used, so a cold start parses
 * one language's strings, not two.
 */
const ZH = import.meta.glob<ResourceKey>('../../shared/i18n/locales/zh-CN/*.json', { eager: true, import: 'default' });
const LAZY: Record<string, Record<string, () => Promise<ResourceKey>>> = {
  en: import.meta.glob<ResourceKey>('../../shared/i18n/locales/en/*.json', { import: 'default' }),
};
const nsOf = (file: string) => file.replace(/^.*\/([^/]+)\.json$/, '$1');
const namespaces = Object.keys(ZH).map(nsOf);

const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = Object.entries(LAZY[language] ?? {}).find(([file]) => nsOf(file) === namespace)?.[1];
    if (!load) return callback(null, {});
    load().then(
      (data) => callback(null, data),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

/** The last language used on this PC, for the first paint before the database answers. */
export function rememberedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function applyLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  // i18next loads the language's strings first (the backend above), then switches.
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}

/** Resolves once the remembered language's strings are there: the app renders after it. */
export const i18nReady = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': Object.fromEntries(Object.entries(ZH).map(([file, data]) => [nsOf(file), data])) },
    // zh-CN comes with the bundle; the backend is asked only for what is missing (English).
    partialBundledLanguages: true,
    ns: namespaces,
    defaultNS: 'common',
    lng: rememberedLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => applyLanguage(rememberedLanguage()));

export default i18n;

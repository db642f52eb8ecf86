import i18next, { type i18n as I18n } from "i18next";
import en from "./locales/en";
import nl from "./locales/nl";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A fresh, synchronously initialised i18next instance. Both bundles are small
 * and shipped together, so there is no loading state and no flash of keys.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false }, // React escapes already
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}

const instances = new Map<Locale, I18n>();

/**
 * The one instance per language (server and browser alike). Creating one
 * costs about a millisecond (plural rules, resource store), on every page
 * render when done per request; nothing ever changes an instance's language,
 * so sharing it between requests is safe.
 */
export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    instances.set(locale, instance);
  }
  return instance;
}

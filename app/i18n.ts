import i18next, { type i18n as I18n } from "i18next";
import nl, { type Translation } from "./locales/nl";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

/**
 * Dutch is always here. English is added where it is needed: the server adds
 * it at start (i18n.server.ts), the browser only before it hydrates an English
 * page (entry.client.tsx). Every page so no longer carries the other
 * language's 115 kB of text (record 0031).
 */
const resources: { [L in Locale]?: { translation: Translation } } = { nl: { translation: nl } };

export function addLocale(locale: Locale, translation: Translation): void {
  if (resources[locale]) return;
  resources[locale] = { translation };
  instances.delete(locale); // made before, it fell back to Dutch
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A fresh, synchronously initialised i18next instance. The language's text is
 * in memory before the first render (see `addLocale`), so there is no loading
 * state and no flash of keys; a language not added falls back to Dutch.
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

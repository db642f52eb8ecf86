import { createCookie } from "@remix-run/node";
import type { TFunction } from "i18next";
import { addLocale, DEFAULT_LOCALE, i18nFor, isLocale, type Locale } from "../i18n";
import en from "../locales/en";

// The server renders both languages; the browser gets only the page's own.
addLocale("en", en);

export const localeCookie = createCookie("so_lang", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });

/** The UI language: the cookie set by the language switch, else Dutch. */
export async function getLocale(request: Request): Promise<Locale> {
  try {
    const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Translate on the server (action error messages, API errors, titles). */
export function tFor(locale: Locale): TFunction {
  return i18nFor(locale).t;
}

export async function getT(request: Request): Promise<TFunction> {
  return tFor(await getLocale(request));
}

import { createCookie } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "../i18n";

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

const instances = new Map<Locale, TFunction>();

/** Translate on the server (action error messages, API errors, titles). */
export function tFor(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    instances.set(locale, t);
  }
  return t;
}

export async function getT(request: Request): Promise<TFunction> {
  return tFor(await getLocale(request));
}

import { loadCurrentUser, type CurrentUser } from "../models/user.server";
import { readSessionToken, userIdForSessionToken } from "./session.server";

// One lookup per request, however many loaders ask.
const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

/** Whose live session this token is (null: expired, signed out or unknown). Pages and the collab upgrade both ask this. */
export function userForSessionToken(token: string | null | undefined): CurrentUser | null {
  const userId = token ? userIdForSessionToken(token) : null;
  return userId ? loadCurrentUser(userId) : null;
}

/** The signed-in user, or null. */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = readSessionToken(request).then(userForSessionToken);
    cache.set(request, pending);
  }
  return pending;
}

// Any origin works as the base: only "is it still this origin" matters.
const REDIRECT_BASE = "http://samen-onderzoeken.invalid";
// Browsers drop tabs and newlines from URLs (`/\t/x` becomes `//x`) and headers refuse them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Only paths on this site, so `redirectTo` can never send someone elsewhere:
 * parsed as the browser would, kept only when it stays on this origin, and
 * returned re-serialised (so the Location header is always valid).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000 || CONTROL_CHARACTERS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

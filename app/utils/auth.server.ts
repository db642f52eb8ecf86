import { json, redirect } from "@remix-run/node";
import { can, type Action, type OrganisationScope } from "../domain/permissions";
import { loadCurrentUser, toActor, type CurrentUser } from "../models/user.server";
import { tFor, getLocale } from "./i18n.server";
import { readSessionToken, userIdForSessionToken } from "./session.server";

// One lookup per request, however many loaders ask.
const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in user, or null. */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async () => {
      const token = await readSessionToken(request);
      if (!token) return null;
      const userId = userIdForSessionToken(token);
      return userId ? loadCurrentUser(userId) : null;
    })();
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

/** For pages: the user, or a redirect to the login page that comes back here. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return user;
}

/**
 * For pages: the user, after the permission module allowed `action` on `scope`.
 * A refusal is a 403 page (the root error boundary explains it in Dutch).
 */
export async function requirePermission(
  request: Request,
  action: Action,
  scope?: OrganisationScope,
): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(toActor(user), action, scope)) {
    const t = tFor(await getLocale(request));
    throw json({ error: t("errors.forbiddenText") }, { status: 403 });
  }
  return user;
}

/** For the JSON API: the user, or `401 {"error": ...}` (never a redirect). */
export async function requireApiUser(request: Request, action: Action = "dashboard:view"): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  const t = tFor(await getLocale(request));
  if (!user) throw json({ error: t("errors.unauthenticated") }, { status: 401 });
  if (!can(toActor(user), action)) throw json({ error: t("errors.forbiddenText") }, { status: 403 });
  return user;
}

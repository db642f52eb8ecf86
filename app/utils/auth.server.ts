import { loadCurrentUser, type CurrentUser } from "../models/user.server";
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

/** Only same-site relative paths, so `redirectTo` can never send someone elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

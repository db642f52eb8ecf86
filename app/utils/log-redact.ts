/**
 * One-time tokens travel in URL paths (`/uitnodiging/<token>`, and the reset
 * links `/wachtwoord-herstellen/<token>`); whoever reads the log must not be
 * able to use them (contract 6.12). Also matches the paths percent-encoded
 * inside a query (`?redirectTo=%2Fuitnodiging%2F…`).
 */
const TOKEN_PATH = /(\/|%2F)(uitnodiging|wachtwoord-herstellen)(\/|%2F)[A-Za-z0-9_~-]+/gi;

/** The one-time code and state of a single sign-on callback (`/login/sso/callback?code=…&state=…`). */
const SSO_QUERY = /([?&](?:code|state|session_state)=)[^&#\s]+/gi;

export const REDACTED = "[verborgen]";

export function redactTokens(text: string): string {
  return text.replace(TOKEN_PATH, `$1$2$3${REDACTED}`).replace(SSO_QUERY, `$1${REDACTED}`);
}

/** A copy of a log object with every string (a few levels deep) passed through redactTokens. */
export function redactLogObject<T>(value: T, depth = 0): T {
  if (typeof value === "string") return redactTokens(value) as T;
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const error = Object.assign(Object.create(Object.getPrototypeOf(value) as object) as Error, value);
    error.message = redactTokens(value.message);
    if (value.stack) error.stack = redactTokens(value.stack);
    return error as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => redactLogObject(item, depth + 1)) as T;
  // Only plain data: class instances (an IncomingMessage handed to a serializer) are left to their serializer.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactLogObject(item, depth + 1);
  return copy as T;
}

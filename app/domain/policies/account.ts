import type { Rules } from "./rule";

/** Mail, one's own account and how people sign in (issue 21, records 0022 and 0022b). */
export const accountRules = {
  /** One's own account page: name, language, mail preference, password, sessions. Every signed-in role. */
  "account:manage": () => true,
  /** The mail queue at /beheer/mail (addresses, subjects, errors): admins. */
  "mail:view-queue": (actor) => actor.isAdmin,
  /** Turn passwords off for a partnership that signs in with SSO only: admins. */
  "partnership:set-sso-only": (actor) => actor.isAdmin,
} satisfies Rules;

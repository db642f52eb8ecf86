import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { partnerships, sessions, users, type MailPreference } from "../../db/schema";
import { passwordLoginAllowed } from "../domain/password-login";
import type { Locale } from "../i18n";
import { hashToken } from "../utils/tokens.server";
import { recordAudit } from "./audit.server";
import { loadCurrentUser } from "./user.server";

/** What a person changes about their own account at /account (issue 21). */

export function loadAccount(userId: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, mailPreference: users.mailPreference, hasPassword: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function updateProfile(userId: string, values: { name: string; locale: Locale }, ip: string): void {
  getDb().transaction((tx) => {
    tx.update(users).set(values).where(eq(users.id, userId)).run();
    recordAudit({ event: "account.updated", actorUserId: userId, subjectUserId: userId, ip, detail: { fields: ["name", "locale"] } }, tx);
  });
}

export function setMailPreference(userId: string, preference: MailPreference): void {
  getDb().update(users).set({ mailPreference: preference }).where(eq(users.id, userId)).run();
}

/** The new password; every other session ends (the one in use stays). */
export function changePassword(userId: string, passwordHash: string, currentSessionToken: string | null, ip: string): number {
  return getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    const ended = endSessionsIn(tx, userId, currentSessionToken);
    recordAudit({ event: "password.changed", actorUserId: userId, subjectUserId: userId, ip, detail: { sessionsEnded: ended } }, tx);
    return ended;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
function endSessionsIn(tx: Tx, userId: string, keepToken: string | null): number {
  const keep = keepToken ? hashToken(keepToken) : null;
  return tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)) : eq(sessions.userId, userId))
    .run().changes;
}

/** "Overal uitloggen": every session but `keepToken` (null: all of them, this browser too). */
export function endSessions(userId: string, keepToken: string | null, ip: string): number {
  return getDb().transaction((tx) => {
    const ended = endSessionsIn(tx, userId, keepToken);
    recordAudit({ event: "sessions.ended", actorUserId: userId, subjectUserId: userId, ip, detail: { sessionsEnded: ended, keptCurrent: keepToken !== null } }, tx);
    return ended;
  });
}

export function listSessions(userId: string, currentToken: string | null) {
  const current = currentToken ? hashToken(currentToken) : null;
  return getDb()
    .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date().toISOString())))
    .orderBy(desc(sessions.createdAt))
    .all()
    // The hash identifies a session to its owner's page only as "this one or not"; it never leaves the server.
    .map(({ tokenHash, ...rest }) => ({ ...rest, current: tokenHash === current }));
}

/** Passwords off for people whose every membership lies in SSO-only partnerships (record 0022b). */
export function isPasswordLoginAllowed(userId: string): boolean {
  const user = loadCurrentUser(userId);
  if (!user) return false;
  const memberships = user.memberships.map((m) => ({ role: m.role, partnershipIds: m.partnershipIds ?? [] }));
  const ids = [...new Set(memberships.flatMap((m) => m.partnershipIds))];
  const ssoOnly = ids.length
    ? getDb().select({ id: partnerships.id }).from(partnerships).where(and(inArray(partnerships.id, ids), eq(partnerships.ssoOnly, true))).all()
    : [];
  return passwordLoginAllowed(memberships, new Set(ssoOnly.map((p) => p.id)));
}

export function listPartnershipSsoSettings() {
  return getDb().select({ id: partnerships.id, name: partnerships.name, ssoOnly: partnerships.ssoOnly }).from(partnerships).orderBy(partnerships.name).all();
}

export function setPartnershipSsoOnly(partnershipId: string, ssoOnly: boolean, actorUserId: string, ip: string): boolean {
  return getDb().transaction((tx) => {
    const changed = tx.update(partnerships).set({ ssoOnly }).where(eq(partnerships.id, partnershipId)).run().changes;
    if (changed === 1) {
      recordAudit({ event: "partnership.settings_changed", actorUserId, ip, detail: { partnershipId, ssoOnly } }, tx);
    }
    return changed === 1;
  });
}

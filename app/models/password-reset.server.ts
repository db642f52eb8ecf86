import { and, count, eq, gt, isNull, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { passwordResetRequests, passwordResets, sessions, users } from "../../db/schema";
import { normaliseEmail } from "../utils/email";
import { hashToken, newToken } from "../utils/tokens.server";
import { recordAudit } from "./audit.server";
import { isPasswordLoginAllowed } from "./account.server";
import { queuePasswordResetMail } from "./mail.server";

/**
 * Password recovery (contract 6.12): a single-use link valid at most an hour,
 * of which only the SHA-256 is stored, mailed in the transaction that creates
 * it. The requester always gets the same answer; the throttles count requests
 * for unknown addresses too, so they reveal nothing either.
 */
export const RESET_VALID_MS = 60 * 60 * 1000;
const WINDOW_MS = 60 * 60 * 1000;
/** Mails per address per hour: enough for "it did not arrive, once more". */
export const RESETS_PER_ADDRESS = 3;
/** Requests per client address per hour (a school's shared NAT asks for several people). */
export const RESETS_PER_IP = 30;

export type ResetRequestOutcome = "answered" | "throttledIp";

export function requestPasswordReset(input: { email: string; ip: string; origin?: string | null }, now = Date.now()): ResetRequestOutcome {
  const db = getDb();
  const email = normaliseEmail(input.email);
  const since = new Date(now - WINDOW_MS).toISOString();
  const fromIp = db.select({ n: count() }).from(passwordResetRequests).where(and(eq(passwordResetRequests.ip, input.ip), gt(passwordResetRequests.at, since))).get()!.n;
  if (fromIp >= RESETS_PER_IP) return "throttledIp";
  const forAddress = db.select({ n: count() }).from(passwordResetRequests).where(and(eq(passwordResetRequests.email, email), gt(passwordResetRequests.at, since))).get()!.n;

  const user = db.select().from(users).where(eq(users.email, email)).get();
  // Only an active account that may use a password gets a link; the page says the same either way.
  const eligible = user && !user.disabledAt && forAddress < RESETS_PER_ADDRESS && isPasswordLoginAllowed(user.id);
  db.transaction((tx) => {
    tx.insert(passwordResetRequests).values({ email, ip: input.ip, at: new Date(now).toISOString() }).run();
    tx.delete(passwordResetRequests).where(lt(passwordResetRequests.at, since)).run();
    if (!eligible) return;
    const token = newToken();
    tx.insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), ip: input.ip, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + RESET_VALID_MS).toISOString() })
      .run();
    queuePasswordResetMail(tx, { userId: user.id, email: user.email, name: user.name, locale: user.locale, token, origin: input.origin });
    recordAudit({ event: "password.reset_requested", subjectUserId: user.id, email, ip: input.ip }, tx);
  });
  return "answered";
}

export type ResetLookup = { status: "valid"; userId: string; email: string } | { status: "notFound" | "expired" | "used" };

export function lookupPasswordReset(token: string, now = Date.now()): ResetLookup {
  if (!token || token.length > 200) return { status: "notFound" };
  const db = getDb();
  const row = db
    .select({ reset: passwordResets, email: users.email, disabledAt: users.disabledAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .get();
  if (!row || row.disabledAt) return { status: "notFound" };
  if (row.reset.usedAt) return { status: "used" };
  if (row.reset.expiresAt <= new Date(now).toISOString()) return { status: "expired" };
  return { status: "valid", userId: row.reset.userId, email: row.email };
}

/**
 * Sets the new password in one transaction: claims the link (only while it is
 * unused and unexpired, so a double submit works once), ends every session of
 * the account and closes its other open links. Null: the link was used or
 * expired in the meantime.
 */
export function completePasswordReset(token: string, passwordHash: string, ip: string): string | null {
  const db = getDb();
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const claimed = tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId })
      .get();
    if (!claimed) return null;
    tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId)).run();
    tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, claimed.userId), isNull(passwordResets.usedAt))).run();
    const ended = tx.delete(sessions).where(eq(sessions.userId, claimed.userId)).run().changes;
    recordAudit({ event: "password.reset", actorUserId: claimed.userId, subjectUserId: claimed.userId, ip, detail: { sessionsEnded: ended } }, tx);
    return claimed.userId;
  });
}

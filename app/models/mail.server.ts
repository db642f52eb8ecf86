import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { digestDue } from "../domain/mail/backoff";
import { digestMail, invitationMail, notificationMail, passwordResetMail } from "../domain/mail/compose";
import { dateFormat } from "../domain/dates";
import { isLocale, type Locale } from "../i18n";
import { getEnv } from "../utils/env.server";
import { tFor } from "../utils/i18n.server";
import { queueMail } from "./mail-queue.server";

/**
 * Which mails exist and in which language: the rendering is pure
 * (app/domain/mail/compose.ts); here the recipient, their language and the
 * public address are looked up, and the mail is queued in the caller's
 * transaction.
 */

/** The public address links in mail point to: APP_ORIGIN, else the request's origin, else localhost. */
export function mailOrigin(requestOrigin?: string | null): string {
  const env = getEnv();
  return (env.APP_ORIGIN ?? requestOrigin ?? `http://localhost:${env.PORT || 3000}`).replace(/\/$/, "");
}

function localeOf(tx: DbOrTx, email: string): Locale {
  const row = tx.select({ locale: users.locale }).from(users).where(eq(users.email, email)).get();
  return row && isLocale(row.locale) ? row.locale : "nl";
}

export function queueInvitationMail(
  tx: DbOrTx,
  input: { email: string; name: string; role: string; organisation: string; inviter: string | null; token: string; expiresAt: string; origin?: string | null },
): string | null {
  const locale = localeOf(tx, input.email);
  const mail = invitationMail(tFor(locale), {
    origin: mailOrigin(input.origin),
    token: input.token,
    name: input.name,
    role: input.role,
    organisation: input.organisation,
    inviter: input.inviter,
    expiresAt: new Date(input.expiresAt),
    dateFormat: dateFormat(locale),
  });
  return queueMail(tx, { to: input.email, kind: "invitation", ...mail });
}

export function queuePasswordResetMail(
  tx: DbOrTx,
  input: { userId: string; email: string; name: string; locale: string; token: string; origin?: string | null },
): string | null {
  const mail = passwordResetMail(tFor(isLocale(input.locale) ? input.locale : "nl"), { origin: mailOrigin(input.origin), token: input.token, name: input.name });
  return queueMail(tx, { to: input.email, userId: input.userId, kind: "password-reset", ...mail });
}

/**
 * Called by notify() for someone who wants each notification at once; returns
 * whether a mail was queued (nothing for a deactivated person).
 */
export function queueNotificationMail(
  tx: DbOrTx,
  user: { id: string; email: string; name: string; locale: string },
  notification: { kind: string; params: Record<string, string>; link: string | null },
): boolean {
  const mail = notificationMail(tFor(isLocale(user.locale) ? user.locale : "nl"), { origin: mailOrigin(), name: user.name, notification });
  return queueMail(tx, { to: user.email, userId: user.id, kind: "notification", ...mail }) !== null;
}

function parseParams(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The daily digest: for everyone on `digest` whose last digest was on an
 * earlier (Amsterdam) day, one mail with their unmailed notifications, queued
 * in the same transaction that marks those notifications mailed. Returns the
 * number of mails queued.
 */
export function queueDueDigests(now = new Date()): number {
  const db = getDb();
  const env = getEnv();
  const waiting = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.mailedAt), eq(users.mailPreference, "digest"), isNull(users.disabledAt)))
    .all()
    .map((r) => r.userId);
  if (waiting.length === 0) return 0;
  const people = db
    .select()
    .from(users)
    .where(inArray(users.id, waiting))
    .all()
    .filter((u) => digestDue(u.digestSentAt, now, env.MAIL_DIGEST_HOUR));
  let queued = 0;
  for (const person of people) {
    db.transaction((tx) => {
      const items = tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, person.id), isNull(notifications.mailedAt)))
        .orderBy(asc(notifications.id))
        .limit(100)
        .all();
      if (items.length === 0) return;
      const mail = digestMail(tFor(isLocale(person.locale) ? person.locale : "nl"), {
        origin: mailOrigin(),
        name: person.name,
        notifications: items.map((n) => ({ kind: n.kind, params: parseParams(n.params), link: n.link })),
      });
      if (queueMail(tx, { to: person.email, userId: person.id, kind: "digest", ...mail })) queued++;
      const stamp = now.toISOString();
      tx.update(notifications).set({ mailedAt: stamp }).where(inArray(notifications.id, items.map((n) => n.id))).run();
      tx.update(users).set({ digestSentAt: stamp }).where(eq(users.id, person.id)).run();
    });
  }
  return queued;
}

import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { mailQueue, MAIL_STATUSES, users, type MailStatus } from "../../db/schema";
import { retryDelayMs } from "../domain/mail/backoff";
import { normaliseEmail } from "../utils/email";
import { getEnv } from "../utils/env.server";

/**
 * The mail queue (record 0022). Callers queue inside the transaction of the
 * event that causes the mail, so the mail exists exactly when the event does;
 * the worker (server/mail-worker.ts) sends what is due.
 */
export type MailKind = "invitation" | "password-reset" | "notification" | "digest";

export type QueuedMail = {
  to: string;
  /** The account it is for; when absent, looked up by address (an invitation to an existing account). */
  userId?: string | null;
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
};

// The Remix build and the Express server each bundle this module; the wake-up hook lives on globalThis.
const WAKE_KEY = Symbol.for("samen-onderzoeken.mail-wake");
type GlobalWithWake = typeof globalThis & { [WAKE_KEY]?: () => void };

export function setMailWake(wake: (() => void) | undefined): void {
  (globalThis as GlobalWithWake)[WAKE_KEY] = wake;
}

function messageIdDomain(): string {
  const from = getEnv().MAIL_FROM;
  const match = /@([A-Za-z0-9.-]+)/.exec(from);
  return match?.[1] ?? "samen-onderzoeken.invalid";
}

/**
 * Queues one mail inside the caller's transaction. A deactivated or erased
 * person gets nothing: returns null and queues nothing (the worker checks again
 * at send time).
 */
export function queueMail(tx: DbOrTx, mail: QueuedMail): string | null {
  const to = normaliseEmail(mail.to);
  const recipient = mail.userId
    ? tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, mail.userId)).get()
    : tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, to)).get();
  if (mail.userId && !recipient) return null; // erased
  if (recipient?.disabledAt) return null;
  const id = crypto.randomUUID();
  tx.insert(mailQueue)
    .values({
      id,
      toAddress: to,
      userId: recipient?.id ?? null,
      kind: mail.kind,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${id}@${messageIdDomain()}>`,
      nextAttemptAt: new Date().toISOString(),
    })
    .run();
  // After this tick the transaction has committed (better-sqlite3 is synchronous); a rolled-back mail is simply not found.
  const wake = (globalThis as GlobalWithWake)[WAKE_KEY];
  if (wake) setImmediate(wake);
  return id;
}

export type MailRow = typeof mailQueue.$inferSelect;

/**
 * Claims up to `limit` due mails for sending: each is marked `sending` (and
 * its attempt counted) before any SMTP call, one conditional update per row so
 * two workers never claim the same mail.
 */
export function claimDueMail(limit: number, now = new Date()): MailRow[] {
  const db = getDb();
  return db.transaction((tx) => {
    const due = tx
      .select()
      .from(mailQueue)
      .where(and(eq(mailQueue.status, "queued"), lte(mailQueue.nextAttemptAt, now.toISOString())))
      .orderBy(asc(mailQueue.nextAttemptAt))
      .limit(limit)
      .all();
    const claimed: MailRow[] = [];
    for (const row of due) {
      const changed = tx
        .update(mailQueue)
        .set({ status: "sending", claimedAt: now.toISOString(), attempts: row.attempts + 1 })
        .where(and(eq(mailQueue.id, row.id), eq(mailQueue.status, "queued")))
        .run().changes;
      if (changed === 1) claimed.push({ ...row, status: "sending", attempts: row.attempts + 1 });
    }
    return claimed;
  });
}

/** Is the recipient (still) someone we may write to? Checked right before sending. */
export function recipientActive(row: Pick<MailRow, "userId" | "toAddress">): boolean {
  const db = getDb();
  const user = row.userId
    ? db.select({ disabledAt: users.disabledAt, email: users.email }).from(users).where(eq(users.id, row.userId)).get()
    : db.select({ disabledAt: users.disabledAt, email: users.email }).from(users).where(eq(users.email, row.toAddress)).get();
  if (row.userId && !user) return false;
  return !user?.disabledAt;
}

export function markSent(id: string, now = new Date()): void {
  getDb().update(mailQueue).set({ status: "sent", sentAt: now.toISOString(), lastError: null }).where(eq(mailQueue.id, id)).run();
}

export function markCancelled(id: string, reason: string): void {
  getDb().update(mailQueue).set({ status: "cancelled", lastError: reason }).where(eq(mailQueue.id, id)).run();
}

/** A failed attempt: back to the queue after the backoff, or `failed` once the attempts are used up. */
export function markAttemptFailed(row: Pick<MailRow, "id" | "attempts">, error: string, now = new Date()): void {
  const env = getEnv();
  const giveUp = row.attempts >= env.MAIL_MAX_ATTEMPTS;
  getDb()
    .update(mailQueue)
    .set({
      status: giveUp ? "failed" : "queued",
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, env.MAIL_RETRY_BASE_MS)).toISOString(),
    })
    .where(eq(mailQueue.id, row.id))
    .run();
}

/**
 * Mails left `sending` by a process that stopped mid-send go back to the
 * queue (with the same Message-ID). Called at start, when no send of this
 * process can be in flight, and for rows claimed longer ago than `olderThanMs`.
 */
export function requeueStaleSending(olderThanMs: number, now = new Date()): number {
  const before = new Date(now.getTime() - olderThanMs).toISOString();
  return getDb()
    .update(mailQueue)
    .set({ status: "queued", nextAttemptAt: now.toISOString() })
    .where(and(eq(mailQueue.status, "sending"), lte(mailQueue.claimedAt, before)))
    .run().changes;
}

/** For the admin page: the newest mails (never their text: it may hold a link with a token). */
export function listMail(filter: { status?: MailStatus | null; limit?: number } = {}) {
  const db = getDb();
  const rows = db
    .select({
      id: mailQueue.id,
      toAddress: mailQueue.toAddress,
      kind: mailQueue.kind,
      subject: mailQueue.subject,
      status: mailQueue.status,
      attempts: mailQueue.attempts,
      lastError: mailQueue.lastError,
      createdAt: mailQueue.createdAt,
      sentAt: mailQueue.sentAt,
      nextAttemptAt: mailQueue.nextAttemptAt,
    })
    .from(mailQueue)
    .where(filter.status ? eq(mailQueue.status, filter.status) : undefined)
    .orderBy(desc(mailQueue.createdAt))
    .limit(filter.limit ?? 200)
    .all();
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const row of db.select({ status: mailQueue.status, n: sql<number>`count(*)` }).from(mailQueue).groupBy(mailQueue.status).all()) {
    counts[row.status] = row.n;
  }
  return { rows, counts };
}

/** An admin puts a failed mail back in the queue, to be tried at once. */
export function retryMail(id: string): boolean {
  return (
    getDb()
      .update(mailQueue)
      .set({ status: "queued", attempts: 0, nextAttemptAt: new Date().toISOString() })
      .where(and(eq(mailQueue.id, id), inArray(mailQueue.status, ["failed"])))
      .run().changes === 1
  );
}

import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { queueNotificationMail } from "./mail.server";

export type NotificationInput = {
  userId: string;
  /** i18n key suffix under `notifications.kinds` (e.g. "question.sentBack"); its text lives in app/domain/notification-text.ts. */
  kind: string;
  params?: Record<string, string>;
  link?: string | null;
};

/**
 * The one way to tell someone something happened: every model that causes a
 * notification calls this inside its own transaction, so the notice and its
 * mail exist exactly when the event does. By the person's mail preference
 * (issue 21): `direct` queues a mail now, `digest` leaves it for the daily
 * digest (mailed_at stays null), `off` sends none. Deactivated people get no mail.
 */
export function notify(tx: DbOrTx, input: NotificationInput): void {
  const params = input.params ?? {};
  const link = input.link ?? null;
  const person = tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, preference: users.mailPreference, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, input.userId))
    .get();
  const now = new Date().toISOString();
  // Only a digest reader's notice waits for a mail; everyone else's is settled now.
  let mailedAt: string | null = now;
  if (person && !person.disabledAt && person.preference === "direct") {
    queueNotificationMail(tx, person, { kind: input.kind, params, link });
  } else if (person && !person.disabledAt && person.preference === "digest") {
    mailedAt = null;
  }
  tx.insert(notifications).values({ userId: input.userId, kind: input.kind, params: JSON.stringify(params), link, mailedAt }).run();
}

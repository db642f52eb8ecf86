import type { DbOrTx } from "../../db/client";
import { notifications } from "../../db/schema";

export type NotificationInput = {
  userId: string;
  /** i18n key suffix under `notifications.kinds` (e.g. "question.sentBack"). */
  kind: string;
  params?: Record<string, string>;
  link?: string | null;
};

/**
 * The one way to tell someone something happened: every model that causes a
 * notification calls this inside its own transaction, so the notice (and,
 * once mail is wired in here, the queued mail) exists exactly when the event
 * does.
 */
export function notify(tx: DbOrTx, input: NotificationInput): void {
  tx.insert(notifications)
    .values({ userId: input.userId, kind: input.kind, params: JSON.stringify(input.params ?? {}), link: input.link ?? null })
    .run();
}

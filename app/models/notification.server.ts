import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { notifications } from "../../db/schema";
import { preparedPerDb } from "./prepared.server";

/** In-app notifications (the bell). Written by the models that cause them, e.g. question transitions. */

// Every page shows the count: prepared once per connection (record 0029).
const unreadCount = preparedPerDb((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), sql`${notifications.readAt} is null`))
    .prepare(),
);

export function unreadNotificationCount(userId: string): number {
  return unreadCount().get({ userId })!.n;
}

export function listNotifications(userId: string, limit = 50) {
  return getDb()
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, params: safeJson(n.params) }));
}

export function markNotificationsRead(userId: string): void {
  getDb()
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`))
    .run();
}

function safeJson(value: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Marks one of the user's notifications read and returns where it points
 * (null: nowhere); undefined when the user has no such notification.
 */
export function openNotification(userId: string, id: number): string | null | undefined {
  const db = getDb();
  const row = db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get();
  if (!row) return undefined;
  if (!row.readAt) db.update(notifications).set({ readAt: new Date().toISOString() }).where(eq(notifications.id, id)).run();
  return row.link;
}

import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { auditLog, users, type AUDIT_EVENTS } from "../../db/schema";

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export type AuditEntry = {
  event: AuditEvent;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  email?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/** Appends one security event; pass the transaction when it is part of one. */
export function recordAudit(entry: AuditEntry, db: DbOrTx = getDb()): void {
  db.insert(auditLog)
    .values({
      event: entry.event,
      actorUserId: entry.actorUserId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      email: entry.email ?? null,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .run();
}

export function listRecentAudit(limit = 200) {
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      event: auditLog.event,
      email: auditLog.email,
      ip: auditLog.ip,
      detail: auditLog.detail,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

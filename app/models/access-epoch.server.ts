import type { Statement } from "better-sqlite3";
import { getDb } from "../../db/client";

/**
 * A counter that moves on with every change that can change who may open
 * which plan (memberships, project members, sessions, users, plans, …); kept by
 * triggers (migrations 0009 and 0010), so no write path can forget it. Equal values mean
 * nothing of that changed in between, in this process or any other.
 */
export function accessEpoch(): number {
  return epochStatement().get()!.value;
}

let cached: { db: unknown; statement: Statement<[], { value: number }> } | undefined;
function epochStatement() {
  const db = getDb();
  if (!cached || cached.db !== db) cached = { db, statement: db.$client.prepare("select value from access_epoch where id = 1") };
  return cached.statement;
}

import { getDb, type DB } from "../../db/client";

/**
 * A query prepared once per database connection instead of on every call.
 * Drizzle builds the SQL text and better-sqlite3 compiles it anew for every
 * `.get()`; for the few queries every request runs (session, user, unread
 * count) that was about 1 ms of each request (record 0029). Keyed by the
 * connection so a test that switches DATABASE_PATH gets fresh statements.
 */
export function preparedPerDb<T>(make: (db: DB) => T): () => T {
  let cached: { db: DB; value: T } | undefined;
  return () => {
    const db = getDb();
    if (!cached || cached.db !== db) cached = { db, value: make(db) };
    return cached.value;
  };
}

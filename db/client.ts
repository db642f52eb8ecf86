import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what a write helper needs. */
export type DbOrTx = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

/**
 * Opens (and creates) the SQLite file with the pragmas the app relies on:
 * WAL so readers never block the writer, foreign keys enforced, and a busy
 * timeout so a second process (a CLI, a test) waits instead of failing.
 */
export function openDatabase(filePath: string): DB {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // NORMAL is safe in WAL mode against process crashes (kill -9); only an OS
  // crash or power loss can drop the last transactions.
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as DB;
}

// One connection per process, shared by the Express server and the Remix
// server build (which bundles its own copy of this module), hence globalThis.
const globalKey = Symbol.for("samen-onderzoeken.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: { path: string; db: DB } };

export function getDb(): DB {
  const g = globalThis as GlobalWithDb;
  const wanted = process.env.DATABASE_PATH || "./data/samen-onderzoeken.db";
  const existing = g[globalKey];
  if (existing && existing.path === wanted) return existing.db;
  const db = openDatabase(wanted);
  g[globalKey] = { path: wanted, db };
  return db;
}

export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  g[globalKey]?.db.$client.close();
  delete g[globalKey];
}

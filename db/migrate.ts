import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "./client";

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../migrations");

/** Applies every committed drizzle-kit migration that has not run yet; says how many ran. */
export function runMigrations(db: DB): { applied: number; total: number } {
  const before = appliedCount(db);
  migrate(db, { migrationsFolder });
  const total = appliedCount(db);
  return { applied: total - before, total };
}

/** drizzle records each applied migration as a row of __drizzle_migrations (absent before the first). */
function appliedCount(db: DB): number {
  const exists = db.$client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return exists ? (db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "./client";

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../migrations");

/** Applies every committed drizzle-kit migration that has not run yet. */
export function runMigrations(db: DB): void {
  migrate(db, { migrationsFolder });
}

// `npm run db:migrate` applies migrations without starting the server.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { getDb, closeDb } = await import("./client");
  runMigrations(getDb());
  closeDb();
  console.log("Migraties toegepast.");
}

import { sql } from "drizzle-orm";
import { getDb, type DB } from "../../db/client";

/**
 * Is this a demo installation? Decided from the database, not from settings:
 * true while any demo account (`…@demo.nl`, `…@<school>.demo.nl`, the public
 * password of contract 6.2) can still sign in, false once they are all gone or
 * deactivated. Keep in step with isDemoEmail (app/domain/demo-data.ts).
 */
export function hasDemoAccounts(db: DB = getDb()): boolean {
  const row = db.get<{ found: number } | undefined>(
    sql`select 1 as found from users
        where (email like '%@demo.nl' or email like '%.demo.nl')
          and password_hash is not null and disabled_at is null
        limit 1`,
  );
  return row !== undefined;
}

export function hasAnyUser(db: DB = getDb()): boolean {
  return db.get<{ found: number } | undefined>(sql`select 1 as found from users limit 1`) !== undefined;
}

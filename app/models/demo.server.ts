import { sql } from "drizzle-orm";
import { getDb, type DB } from "../../db/client";
import { preparedPerDb } from "./prepared.server";

/**
 * Is this a demo installation? Decided from the database, not from settings:
 * true while any demo account (`…@demo.nl`, `…@<school>.demo.nl`, the public
 * password of contract 6.2) can still sign in, false once they are all gone or
 * deactivated. Keep in step with isDemoEmail (app/domain/demo-data.ts).
 */
const DEMO_ACCOUNT_SQL = `select 1 as found from users
    where (email like '%@demo.nl' or email like '%.demo.nl')
      and password_hash is not null and disabled_at is null
    limit 1`;
// Every page asks (the banner): prepared once per connection (record 0029).
const demoAccountQuery = preparedPerDb((db) => db.$client.prepare(DEMO_ACCOUNT_SQL));

export function hasDemoAccounts(db?: DB): boolean {
  const statement = db ? db.$client.prepare(DEMO_ACCOUNT_SQL) : demoAccountQuery();
  return statement.get() !== undefined;
}

export function hasAnyUser(db: DB = getDb()): boolean {
  return db.get<{ found: number } | undefined>(sql`select 1 as found from users limit 1`) !== undefined;
}

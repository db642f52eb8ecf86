import { count, eq } from "drizzle-orm";
import { logger } from "../app/utils/logger.server";
import type { DB } from "../db/client";
import { users } from "../db/schema";
import type { SeedSummary } from "../scripts/seed/index";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../scripts/seed/people";

/**
 * The start-up lines a person running `npm start` reads: what happened to the
 * database and what to try. Same logger as the rest, so operators get them as JSON too.
 */
export function reportMigrations({ applied, total }: { applied: number; total: number }): void {
  logger.info(
    { applied, total },
    applied
      ? `database bijgewerkt: ${applied} ${applied === 1 ? "migratie" : "migraties"} toegepast (${total} in totaal)`
      : `database is actueel: geen nieuwe migraties (${total} in totaal)`,
  );
}

/** `summary` is undefined when SEED_DEMO is off. */
export function reportDemoData(db: DB, summary: SeedSummary | undefined): void {
  if (summary?.seeded) {
    const { schools, institutes, users: people, questions } = summary;
    logger.info(summary, `demodata geladen: ${schools} scholen, ${institutes} instituten, ${people} mensen, ${questions} vragen`);
  } else if (summary) {
    logger.info("database al gevuld; demodata niet opnieuw geladen");
  } else {
    logger.info("demodata uitgeschakeld (SEED_DEMO=false)");
  }
  if (db.select({ n: count() }).from(users).get()!.n === 0) {
    logger.info('database is leeg: de eerste beheerder krijgt een link met npm run admin:invite -- naam@voorbeeld.nl "Voor Achternaam"');
  }
}

/** A demo account to try, only while the demo accounts exist (contract 6.11). */
export function demoLoginHint(db: DB, url: string): string | undefined {
  const account = DEMO_ACCOUNTS[0]!;
  const present = db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get();
  if (!present) return undefined;
  return `open ${url} en log in als ${account.email} met wachtwoord ${DEMO_PASSWORD} (alle demo-accounts staan in README.md)`;
}

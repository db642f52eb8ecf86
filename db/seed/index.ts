import path from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { hashPassword } from "../../app/utils/password.server";
import type { DB } from "../client";
import {
  institutes,
  memberships,
  partnershipInstitutes,
  partnerships,
  partnershipSchools,
  regions,
  schools,
  users,
} from "../schema";
import { INSTITUTES, PARTNERSHIPS, REGION_NAME, SCHOOLS } from "./organisations";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, generatePeople } from "./people";

export type SeedSummary = { seeded: boolean; users: number; schools: number; institutes: number };

/**
 * Loads the demo region into an empty database. Idempotent: when any user or
 * region exists it does nothing, so it is safe to call at every start.
 * Everything is written in one transaction: a failure leaves the database empty.
 */
export async function seedDemo(db: DB): Promise<SeedSummary> {
  if (!isEmpty(db)) return { seeded: false, users: 0, schools: 0, institutes: 0 };

  // Hash once: every demo account shares the documented demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [...DEMO_ACCOUNTS, ...generatePeople(SCHOOLS.map((s) => s.key), INSTITUTES.map((i) => i.key))];

  return db.transaction((tx) => {
    // Re-check inside the transaction: another process may have seeded meanwhile.
    if (tx.select({ n: count() }).from(users).get()!.n > 0) {
      return { seeded: false, users: 0, schools: 0, institutes: 0 };
    }
    const region = tx.insert(regions).values({ name: REGION_NAME }).returning().get();
    const partnershipIds = {
      A: tx.insert(partnerships).values({ regionId: region.id, name: PARTNERSHIPS.A }).returning().get().id,
      B: tx.insert(partnerships).values({ regionId: region.id, name: PARTNERSHIPS.B }).returning().get().id,
    };

    const orgIds = new Map<string, { schoolId?: string; instituteId?: string; partnershipId?: string }>();
    orgIds.set("partnership:A", { partnershipId: partnershipIds.A });
    orgIds.set("partnership:B", { partnershipId: partnershipIds.B });

    for (const school of SCHOOLS) {
      const row = tx
        .insert(schools)
        .values({ regionId: region.id, name: school.name, sector: school.sector, board: school.board, city: school.city })
        .returning()
        .get();
      tx.insert(partnershipSchools).values({ partnershipId: partnershipIds[school.partnership], schoolId: row.id }).run();
      orgIds.set(school.key, { schoolId: row.id });
    }
    for (const institute of INSTITUTES) {
      const row = tx
        .insert(institutes)
        .values({ regionId: region.id, name: institute.name, kind: institute.kind, city: institute.city })
        .returning()
        .get();
      for (const p of institute.partnerships) {
        tx.insert(partnershipInstitutes).values({ partnershipId: partnershipIds[p], instituteId: row.id }).run();
      }
      orgIds.set(institute.key, { instituteId: row.id });
    }

    for (const person of people) {
      const user = tx.insert(users).values({ email: person.email, name: person.name, passwordHash }).returning().get();
      for (const m of person.memberships) {
        const org = m.org ? orgIds.get(m.org) : {};
        if (!org) throw new Error(`Seed: onbekende organisatie ${m.org}`);
        tx.insert(memberships).values({ userId: user.id, role: m.role, ...org }).run();
      }
    }
    return { seeded: true, users: people.length, schools: SCHOOLS.length, institutes: INSTITUTES.length };
  });
}

function isEmpty(db: DB): boolean {
  const userCount = db.select({ n: count() }).from(users).get()!.n;
  const regionCount = db.select({ n: count() }).from(regions).get()!.n;
  return userCount === 0 && regionCount === 0;
}

// `npm run db:seed` seeds a database by hand (migrating it first).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { getDb, closeDb } = await import("../client");
  const { runMigrations } = await import("../migrate");
  const db = getDb();
  runMigrations(db);
  const summary = await seedDemo(db);
  closeDb();
  console.log(summary.seeded ? `Demodata geladen: ${summary.users} mensen.` : "Database is niet leeg; niets gedaan.");
}

import type { DbOrTx } from "../../db/client";
import { getDb } from "../../db/client";
import { institutes, memberships, partnershipInstitutes, partnerships, partnershipSchools, regions, schools, users } from "../../db/schema";
import type { OrganisationKind, Role } from "../domain/roles";
import { normaliseEmail } from "../utils/email";

/**
 * Creating the organisation tree and the people in it. Every writer takes the
 * database or an open transaction (`db`), so the demo seed, the import, the
 * administration pages and the API all create through the same functions.
 * Permission checks are the caller's (they hold the request); these only write.
 */

export function createRegion(input: { name: string }, db: DbOrTx = getDb()): string {
  return db.insert(regions).values({ name: input.name }).returning({ id: regions.id }).get().id;
}

export function createPartnership(input: { regionId: string; name: string }, db: DbOrTx = getDb()): string {
  return db.insert(partnerships).values({ regionId: input.regionId, name: input.name }).returning({ id: partnerships.id }).get().id;
}

export type NewSchool = {
  regionId: string;
  name: string;
  sector: (typeof schools.$inferInsert)["sector"];
  board: string;
  city: string;
  partnershipIds: readonly string[];
};

/** A school location, linked to its partnerships in the same write. */
export function createSchool(input: NewSchool, db: DbOrTx = getDb()): string {
  const { id } = db
    .insert(schools)
    .values({ regionId: input.regionId, name: input.name, sector: input.sector, board: input.board, city: input.city })
    .returning({ id: schools.id })
    .get();
  for (const partnershipId of input.partnershipIds) linkSchoolToPartnership(partnershipId, id, db);
  return id;
}

export function linkSchoolToPartnership(partnershipId: string, schoolId: string, db: DbOrTx = getDb()): void {
  db.insert(partnershipSchools).values({ partnershipId, schoolId }).onConflictDoNothing().run();
}

export type NewInstitute = {
  regionId: string;
  name: string;
  kind: (typeof institutes.$inferInsert)["kind"];
  city: string;
  partnershipIds: readonly string[];
};

/** A teacher-education institute, linked to its partnerships in the same write. */
export function createInstitute(input: NewInstitute, db: DbOrTx = getDb()): string {
  const { id } = db
    .insert(institutes)
    .values({ regionId: input.regionId, name: input.name, kind: input.kind, city: input.city })
    .returning({ id: institutes.id })
    .get();
  for (const partnershipId of input.partnershipIds) {
    db.insert(partnershipInstitutes).values({ partnershipId, instituteId: id }).onConflictDoNothing().run();
  }
  return id;
}

/** Exactly one organisation column is set, matching the role's kind (admin: none). */
export type OrganisationColumns = { partnershipId: string | null; schoolId: string | null; instituteId: string | null };

export function organisationColumns(kind: OrganisationKind, id: string | null): OrganisationColumns {
  return {
    partnershipId: kind === "partnership" ? id : null,
    schoolId: kind === "school" ? id : null,
    instituteId: kind === "institute" ? id : null,
  };
}

/** A person's account; the email is normalised. `passwordHash` null until they set one. */
export function createUser(
  input: { email: string; name: string; passwordHash: string | null; locale?: "nl" | "en" },
  db: DbOrTx = getDb(),
): string {
  return db
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name, passwordHash: input.passwordHash, locale: input.locale ?? "nl" })
    .returning({ id: users.id })
    .get().id;
}

/** One role in one organisation. The unique index refuses a second identical role. */
export function addMembership(input: { userId: string; role: Role; org: OrganisationColumns }, db: DbOrTx = getDb()): void {
  db.insert(memberships).values({ userId: input.userId, role: input.role, ...input.org }).run();
}

import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { getDb } from "../../db/client";
import { institutes, memberships, partnershipInstitutes, partnerships, partnershipSchools, regions, schools, users } from "../../db/schema";
import type { OrganisationKind, Role } from "../domain/roles";
import { normaliseEmail } from "../utils/email";
import { recordAudit } from "./audit.server";

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

// ───────────── Checked writes for the administration pages (issue 19) ─────────────

/** A refusal of bad input: field → locale key (organisations.errors.*), and the HTTP status. */
export type OrgWriteError = { errors: Record<string, string>; status: 400 | 404 | 409 };
export type OrgWriteResult = { id: string; name: string } | OrgWriteError;

export function isOrgWriteError(result: OrgWriteResult | OrgWriteError | null): result is OrgWriteError {
  return !!result && "errors" in result;
}

const fail = (field: string, key: string, status: 400 | 404 | 409 = 400): OrgWriteError => ({
  errors: { [field]: `organisations.errors.${key}` },
  status,
});

/** Case- and space-insensitive comparison of names, so "De Linde" and "de  linde" are one school. */
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

function audited(actorUserId: string, kind: string, id: string, name: string, db: DbOrTx) {
  recordAudit({ event: "organisation.created", actorUserId, detail: { kind, id, name } }, db);
}

/** A new region; names are unique in the installation. */
export function addRegion(input: { name: string }, actorUserId: string): OrgWriteResult {
  return getDb().transaction((tx) => {
    if (tx.select().from(regions).all().some((r) => sameName(r.name, input.name))) return fail("name", "duplicateRegion", 409);
    const id = createRegion(input, tx);
    audited(actorUserId, "region", id, input.name, tx);
    return { id, name: input.name };
  });
}

/** A new partnership in an existing region; partnership names are unique in the installation. */
export function addPartnership(input: { name: string; regionId: string }, actorUserId: string): OrgWriteResult {
  return getDb().transaction((tx) => {
    const region = tx.select().from(regions).where(eq(regions.id, input.regionId)).get();
    if (!region) return fail("regionId", "unknownRegion");
    if (region.archivedAt) return fail("regionId", "archivedRegion");
    if (tx.select().from(partnerships).all().some((p) => sameName(p.name, input.name))) return fail("name", "duplicatePartnership", 409);
    const id = createPartnership(input, tx);
    audited(actorUserId, "partnership", id, input.name, tx);
    return { id, name: input.name };
  });
}

/** The region shared by these partnerships, or an error when one is unknown or they differ. */
function regionOfPartnerships(tx: DbOrTx, partnershipIds: readonly string[]): string | OrgWriteError {
  if (partnershipIds.length === 0) return fail("partnershipId", "partnershipRequired");
  const rows = tx.select().from(partnerships).where(inArray(partnerships.id, [...partnershipIds])).all();
  if (rows.length !== new Set(partnershipIds).size) return fail("partnershipId", "unknownPartnership");
  if (rows.some((r) => r.archivedAt)) return fail("partnershipId", "archivedPartnership");
  const regionIds = new Set(rows.map((r) => r.regionId));
  if (regionIds.size !== 1) return fail("partnershipId", "regionMismatch");
  return rows[0]!.regionId;
}

/** A school location in the region of its partnerships; name + city are unique (the database says so too). */
export function addSchool(input: Omit<NewSchool, "regionId">, actorUserId: string): OrgWriteResult {
  return getDb().transaction((tx) => {
    const regionId = regionOfPartnerships(tx, input.partnershipIds);
    if (typeof regionId !== "string") return regionId;
    const clash = tx
      .select()
      .from(schools)
      .all()
      .some((s) => sameName(s.name, input.name) && sameName(s.city, input.city));
    if (clash) return fail("name", "duplicateSchool", 409);
    const id = createSchool({ ...input, regionId }, tx);
    audited(actorUserId, "school", id, input.name, tx);
    return { id, name: input.name };
  });
}

/** A teacher-education institute in the region of its partnerships; names are unique. */
export function addInstitute(input: Omit<NewInstitute, "regionId">, actorUserId: string): OrgWriteResult {
  return getDb().transaction((tx) => {
    const regionId = regionOfPartnerships(tx, input.partnershipIds);
    if (typeof regionId !== "string") return regionId;
    if (tx.select().from(institutes).all().some((i) => sameName(i.name, input.name))) return fail("name", "duplicateInstitute", 409);
    const id = createInstitute({ ...input, regionId }, tx);
    audited(actorUserId, "institute", id, input.name, tx);
    return { id, name: input.name };
  });
}

/** Links an existing school or institute to a partnership of the same region. */
export function linkToPartnership(
  input: { kind: "school" | "institute"; id: string; partnershipId: string },
  actorUserId: string,
): OrgWriteResult {
  return getDb().transaction((tx) => {
    const partnership = tx.select().from(partnerships).where(eq(partnerships.id, input.partnershipId)).get();
    if (!partnership) return fail("partnershipId", "unknownPartnership");
    const org =
      input.kind === "school"
        ? tx.select().from(schools).where(eq(schools.id, input.id)).get()
        : tx.select().from(institutes).where(eq(institutes.id, input.id)).get();
    if (!org) return fail("organisation", "unknownOrganisation");
    if (partnership.archivedAt) return fail("partnershipId", "archivedPartnership");
    if (org.archivedAt) return fail("organisation", "archivedOrganisation");
    if (org.regionId !== partnership.regionId) return fail("partnershipId", "regionMismatch");
    const linked =
      input.kind === "school"
        ? tx.select().from(partnershipSchools).where(and(eq(partnershipSchools.schoolId, input.id), eq(partnershipSchools.partnershipId, input.partnershipId))).get()
        : tx
            .select()
            .from(partnershipInstitutes)
            .where(and(eq(partnershipInstitutes.instituteId, input.id), eq(partnershipInstitutes.partnershipId, input.partnershipId)))
            .get();
    if (linked) return fail("partnershipId", "alreadyLinked", 409);
    if (input.kind === "school") linkSchoolToPartnership(input.partnershipId, input.id, tx);
    else tx.insert(partnershipInstitutes).values({ partnershipId: input.partnershipId, instituteId: input.id }).run();
    recordAudit({ event: "organisation.linked", actorUserId, detail: { kind: input.kind, id: input.id, partnershipId: input.partnershipId } }, tx);
    return { id: input.id, name: `${org.name} — ${partnership.name}` };
  });
}

/** Renames a region, partnership, school or institute, keeping names unique where they must be. */
export function renameOrganisation(
  input: { kind: "region" | "partnership" | "school" | "institute"; id: string; name: string },
  actorUserId: string,
): OrgWriteResult {
  return getDb().transaction((tx) => {
    const others = (rows: { id: string; name: string }[]) => rows.filter((r) => r.id !== input.id).some((r) => sameName(r.name, input.name));
    let before: string | undefined;
    if (input.kind === "region") {
      before = tx.select().from(regions).where(eq(regions.id, input.id)).get()?.name;
      if (before !== undefined && others(tx.select().from(regions).all())) return fail("name", "duplicateRegion", 409);
      if (before !== undefined) tx.update(regions).set({ name: input.name }).where(eq(regions.id, input.id)).run();
    } else if (input.kind === "partnership") {
      before = tx.select().from(partnerships).where(eq(partnerships.id, input.id)).get()?.name;
      if (before !== undefined && others(tx.select().from(partnerships).all())) return fail("name", "duplicatePartnership", 409);
      if (before !== undefined) tx.update(partnerships).set({ name: input.name }).where(eq(partnerships.id, input.id)).run();
    } else if (input.kind === "school") {
      const row = tx.select().from(schools).where(eq(schools.id, input.id)).get();
      before = row?.name;
      if (row && others(tx.select().from(schools).all().filter((s) => sameName(s.city, row.city)))) return fail("name", "duplicateSchool", 409);
      if (row) tx.update(schools).set({ name: input.name }).where(eq(schools.id, input.id)).run();
    } else {
      before = tx.select().from(institutes).where(eq(institutes.id, input.id)).get()?.name;
      if (before !== undefined && others(tx.select().from(institutes).all())) return fail("name", "duplicateInstitute", 409);
      if (before !== undefined) tx.update(institutes).set({ name: input.name }).where(eq(institutes.id, input.id)).run();
    }
    if (before === undefined) return fail("organisation", "unknownOrganisation", 404);
    recordAudit({ event: "organisation.renamed", actorUserId, detail: { kind: input.kind, id: input.id, from: before, to: input.name } }, tx);
    return { id: input.id, name: input.name };
  });
}

/**
 * Archives (or restores) a region, partnership, school or institute. Nothing is
 * deleted: its history, people and work stay; it is no longer offered for new
 * partnerships, schools, links or invitations.
 */
export function setArchived(
  input: { kind: "region" | "partnership" | "school" | "institute"; id: string; archived: boolean },
  actorUserId: string,
): OrgWriteResult {
  const table = { region: regions, partnership: partnerships, school: schools, institute: institutes }[input.kind];
  return getDb().transaction((tx) => {
    const row = tx.select({ name: table.name, archivedAt: table.archivedAt }).from(table).where(eq(table.id, input.id)).get();
    if (!row) return fail("organisation", "unknownOrganisation", 404);
    if (!!row.archivedAt === input.archived) return { id: input.id, name: row.name };
    tx.update(table)
      .set({ archivedAt: input.archived ? new Date().toISOString() : null })
      .where(eq(table.id, input.id))
      .run();
    recordAudit(
      { event: input.archived ? "organisation.archived" : "organisation.restored", actorUserId, detail: { kind: input.kind, id: input.id, name: row.name } },
      tx,
    );
    return { id: input.id, name: row.name };
  });
}

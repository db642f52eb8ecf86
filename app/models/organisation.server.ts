import { asc, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  institutes,
  memberships,
  partnershipInstitutes,
  partnerships,
  partnershipSchools,
  regions,
  schools,
  users,
} from "../../db/schema";
import { can, type Actor, type OrganisationScope } from "../domain/permissions";
import { recordAudit } from "./audit.server";
import type { OrganisationKind, Role } from "../domain/roles";

export type Person = { userId: string; name: string; email: string; role: Role; activated: boolean };

export type OrgNode = {
  id: string;
  name: string;
  detail: { sector?: string; city: string; board?: string; kind?: string };
  /** Null when the actor may not see the people here. */
  people: Person[] | null;
  /** Whether the actor may invite someone into this organisation. */
  canInvite: boolean;
  archived: boolean;
};

export type PartnershipNode = {
  id: string;
  name: string;
  archived: boolean;
  /** Parents consent for pupils below this age (plan ethics checklist). */
  parentalConsentUnderAge: number;
  /** Whether the actor may change the partnership's settings. */
  canEditSettings: boolean;
  people: Person[] | null;
  schools: OrgNode[];
  institutes: OrgNode[];
};

export type RegionNode = { id: string; name: string; archived: boolean; partnerships: PartnershipNode[] };

/**
 * The organisation tree with the people the actor may see. Organisation names
 * are not secret; people are shown per organisation only where the permission
 * module allows `people:view` for that organisation's partnerships.
 */
export function loadOrganisationTree(actor: Actor): RegionNode[] {
  const db = getDb();
  const allRegions = db.select().from(regions).orderBy(asc(regions.name)).all();
  const allPartnerships = db.select().from(partnerships).orderBy(asc(partnerships.name)).all();
  const allSchools = db.select().from(schools).orderBy(asc(schools.name)).all();
  const allInstitutes = db.select().from(institutes).orderBy(asc(institutes.name)).all();
  const schoolLinks = db.select().from(partnershipSchools).all();
  const instituteLinks = db.select().from(partnershipInstitutes).all();
  const memberRows = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      role: memberships.role,
      schoolId: memberships.schoolId,
      instituteId: memberships.instituteId,
      partnershipId: memberships.partnershipId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.name))
    .all();

  const toPerson = (row: (typeof memberRows)[number]): Person => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    activated: row.passwordHash !== null,
  });
  const peopleOf = (key: "schoolId" | "instituteId" | "partnershipId", id: string) =>
    memberRows.filter((row) => row[key] === id).map(toPerson);
  const partnershipsOfSchool = (id: string) => schoolLinks.filter((l) => l.schoolId === id).map((l) => l.partnershipId);
  const partnershipsOfInstitute = (id: string) =>
    instituteLinks.filter((l) => l.instituteId === id).map((l) => l.partnershipId);

  return allRegions.map((region) => ({
    id: region.id,
    name: region.name,
    archived: !!region.archivedAt,
    partnerships: allPartnerships
      .filter((p) => p.regionId === region.id)
      .map((p) => ({
        id: p.id,
        name: p.name,
        archived: !!p.archivedAt,
        parentalConsentUnderAge: p.parentalConsentUnderAge,
        canEditSettings: can(actor, "partnership:settings", { partnershipIds: [p.id] }),
        people: can(actor, "people:view", { partnershipIds: [p.id] }) ? peopleOf("partnershipId", p.id) : null,
        schools: allSchools
          .filter((s) => schoolLinks.some((l) => l.schoolId === s.id && l.partnershipId === p.id))
          .map((s) => ({
            id: s.id,
            name: s.name,
            detail: { sector: s.sector, city: s.city, board: s.board },
            archived: !!s.archivedAt,
            people: can(actor, "people:view", { partnershipIds: partnershipsOfSchool(s.id), schoolId: s.id })
              ? peopleOf("schoolId", s.id)
              : null,
            canInvite: can(actor, "invitation:create", { partnershipIds: partnershipsOfSchool(s.id), schoolId: s.id }),
          })),
        institutes: allInstitutes
          .filter((i) => instituteLinks.some((l) => l.instituteId === i.id && l.partnershipId === p.id))
          .map((i) => ({
            id: i.id,
            name: i.name,
            detail: { kind: i.kind, city: i.city },
            archived: !!i.archivedAt,
            people: can(actor, "people:view", { partnershipIds: partnershipsOfInstitute(i.id), instituteId: i.id })
              ? peopleOf("instituteId", i.id)
              : null,
            canInvite: can(actor, "invitation:create", { partnershipIds: partnershipsOfInstitute(i.id), instituteId: i.id }),
          })),
      })),
  }));
}

/** `name` is for pickers (a school with its city); `plainName` is the organisation's own name. */
export type OrganisationRef = { kind: OrganisationKind; id: string | null; name: string; plainName: string; partnershipIds: string[] };

/** The regions that are not archived, by name. */
export function listActiveRegions(): { id: string; name: string }[] {
  return getDb()
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(isNull(regions.archivedAt))
    .orderBy(asc(regions.name))
    .all();
}

/** Every organisation someone can be invited to, for the invitation form (archived ones are not). */
export function listInvitableOrganisations(): OrganisationRef[] {
  const db = getDb();
  const schoolLinks = db.select().from(partnershipSchools).all();
  const instituteLinks = db.select().from(partnershipInstitutes).all();
  return [
    { kind: "platform" as const, id: null, name: "Samen Onderzoeken", plainName: "Samen Onderzoeken", partnershipIds: [] },
    ...db
      .select()
      .from(partnerships)
      .where(isNull(partnerships.archivedAt))
      .orderBy(asc(partnerships.name))
      .all()
      .map((p) => ({ kind: "partnership" as const, id: p.id, name: p.name, plainName: p.name, partnershipIds: [p.id] })),
    ...db
      .select()
      .from(schools)
      .where(isNull(schools.archivedAt))
      .orderBy(asc(schools.name))
      .all()
      .map((s) => ({
        kind: "school" as const,
        id: s.id,
        name: `${s.name} (${s.city})`,
        plainName: s.name,
        partnershipIds: schoolLinks.filter((l) => l.schoolId === s.id).map((l) => l.partnershipId),
      })),
    ...db
      .select()
      .from(institutes)
      .where(isNull(institutes.archivedAt))
      .orderBy(asc(institutes.name))
      .all()
      .map((i) => ({
        kind: "institute" as const,
        id: i.id,
        name: i.name,
        plainName: i.name,
        partnershipIds: instituteLinks.filter((l) => l.instituteId === i.id).map((l) => l.partnershipId),
      })),
  ];
}

/** The scope the permission module decides on for one organisation (platform: none of its own). */
export function organisationScopeOf(org: OrganisationRef): OrganisationScope {
  return {
    partnershipIds: org.partnershipIds,
    schoolId: org.kind === "school" ? org.id : null,
    instituteId: org.kind === "institute" ? org.id : null,
  };
}

/** Schools and institutes not (yet) in any partnership: the tree cannot show them under one. */
export function listUnlinkedOrganisations(): { kind: "school" | "institute"; id: string; name: string }[] {
  return listInvitableOrganisations()
    .filter((o): o is OrganisationRef & { kind: "school" | "institute"; id: string } => (o.kind === "school" || o.kind === "institute") && !!o.id && o.partnershipIds.length === 0)
    .map((o) => ({ kind: o.kind, id: o.id, name: o.name }));
}

export function findOrganisation(kind: OrganisationKind, id: string | null): OrganisationRef | undefined {
  return listInvitableOrganisations().find((o) => o.kind === kind && (o.id ?? "") === (id ?? ""));
}

/**
 * Changes a partnership's parental-consent age and records who did it. The
 * caller has asked the permission module (`partnership:settings`). Returns the
 * partnership's name, or null when it does not exist.
 */
export function setParentalConsentAge(partnershipId: string, age: number, actorUserId: string): string | null {
  const db = getDb();
  return db.transaction((tx) => {
    const before = tx.select().from(partnerships).where(eq(partnerships.id, partnershipId)).get();
    if (!before) return null;
    if (before.parentalConsentUnderAge === age) return before.name;
    tx.update(partnerships).set({ parentalConsentUnderAge: age }).where(eq(partnerships.id, partnershipId)).run();
    recordAudit(
      {
        event: "partnership.settings_changed",
        actorUserId,
        detail: { partnershipId, setting: "parentalConsentUnderAge", from: before.parentalConsentUnderAge, to: age },
      },
      tx,
    );
    return before.name;
  });
}

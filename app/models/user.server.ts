import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  institutes,
  memberships,
  partnershipInstitutes,
  partnerships,
  schools,
  users,
} from "../../db/schema";
import { knowActor, type KnownActor, type Membership } from "../domain/permissions";
import { normaliseEmail } from "../utils/email";
import { preparedPerDb } from "./prepared.server";
import { partnershipsOfSchools } from "./scopes.server";

export type UserRow = typeof users.$inferSelect;

export type MembershipView = Membership & {
  id: string;
  /** Display name of the organisation; null for the platform-wide admin role. */
  organisationName: string | null;
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  locale: "nl" | "en";
  memberships: MembershipView[];
};

export function findUserByEmail(email: string): UserRow | undefined {
  return getDb().select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export function findUserById(id: string): UserRow | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

/**
 * The signed-in user with every membership and the partnerships each school or
 * institute takes part in, which is what the permission module needs.
 */
// Every request loads its user: prepared once per connection (record 0029).
const userById = preparedPerDb((db) => db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare());
const membershipsOfUser = preparedPerDb((db) =>
  db
    .select({
      id: memberships.id,
      role: memberships.role,
      partnershipId: memberships.partnershipId,
      schoolId: memberships.schoolId,
      instituteId: memberships.instituteId,
      partnershipName: partnerships.name,
      schoolName: schools.name,
      instituteName: institutes.name,
      regionId: sql<string | null>`coalesce(${schools.regionId}, ${institutes.regionId}, ${partnerships.regionId})`,
    })
    .from(memberships)
    .leftJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .leftJoin(institutes, eq(institutes.id, memberships.instituteId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .prepare(),
);

export function loadCurrentUser(userId: string): CurrentUser | null {
  const db = getDb();
  const user = userById().get({ id: userId });
  if (!user || user.disabledAt) return null;

  const rows = membershipsOfUser().all({ userId });

  const schoolIds = rows.flatMap((r) => (r.schoolId ? [r.schoolId] : []));
  const instituteIds = rows.flatMap((r) => (r.instituteId ? [r.instituteId] : []));
  const schoolPartnerships = partnershipsOfSchools(schoolIds);
  const institutePartnerships = instituteIds.length
    ? db.select().from(partnershipInstitutes).where(inArray(partnershipInstitutes.instituteId, instituteIds)).all()
    : [];

  const views: MembershipView[] = rows.map((r) => {
    let partnershipIds: string[] = [];
    if (r.partnershipId) partnershipIds = [r.partnershipId];
    else if (r.schoolId) partnershipIds = schoolPartnerships.get(r.schoolId) ?? [];
    else if (r.instituteId)
      partnershipIds = institutePartnerships.filter((p) => p.instituteId === r.instituteId).map((p) => p.partnershipId);
    return {
      id: r.id,
      role: r.role,
      partnershipId: r.partnershipId,
      schoolId: r.schoolId,
      instituteId: r.instituteId,
      partnershipIds,
      regionId: r.regionId,
      organisationName: r.partnershipName ?? r.schoolName ?? r.instituteName ?? null,
    };
  });

  return { id: user.id, email: user.email, name: user.name, locale: user.locale, memberships: views };
}

// One actor per loaded user: every loader of a request shares the same user object.
const actors = new WeakMap<CurrentUser, KnownActor>();

/** The actor of a signed-in user, with its facts computed once (see policies/actor.ts). */
export function toActor(user: CurrentUser): KnownActor {
  let actor = actors.get(user);
  if (!actor) {
    actor = knowActor({ userId: user.id, memberships: user.memberships });
    actors.set(user, actor);
  }
  return actor;
}

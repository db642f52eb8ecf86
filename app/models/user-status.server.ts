import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { institutes, memberships, partnerships, schools, sessions, users } from "../../db/schema";
import { organisationKindForRole, type Role } from "../domain/roles";
import { recordAudit } from "./audit.server";
import { organisationColumns } from "./organisation-admin.server";

/**
 * A person's status and roles (issue 19): deactivated people cannot sign in
 * and lose every session at once; their work stays. The users and sessions
 * triggers move the access epoch (migration 0009), so their live plan sockets
 * close within one access-watch tick. Permission checks are the caller's.
 */

export type StatusOutcome = "ok" | "unknown" | "unchanged" | "self";

export function deactivateUser(userId: string, actorUserId: string | null, ip: string | null = null, db: DbOrTx = getDb()): StatusOutcome {
  if (userId === actorUserId) return "self"; // an admin cannot lock themselves out
  const run = (tx: DbOrTx): StatusOutcome => {
    const user = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
    if (!user) return "unknown";
    if (user.disabledAt) return "unchanged";
    tx.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit({ event: "user.deactivated", actorUserId, subjectUserId: userId, ip }, tx);
    return "ok";
  };
  return db === getDb() ? getDb().transaction(run) : run(db);
}

export function reactivateUser(userId: string, actorUserId: string | null, ip: string | null = null): StatusOutcome {
  return getDb().transaction((tx) => {
    const user = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
    if (!user) return "unknown";
    if (!user.disabledAt) return "unchanged";
    tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId)).run();
    recordAudit({ event: "user.reactivated", actorUserId, subjectUserId: userId, ip }, tx);
    return "ok";
  });
}

/** A person as the admin's person page shows them, with every role. */
export function loadPerson(userId: string) {
  if (!userId || userId.length > 100) return null;
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const roles = db
    .select({
      id: memberships.id,
      role: memberships.role,
      partnershipName: partnerships.name,
      schoolName: schools.name,
      instituteName: institutes.name,
    })
    .from(memberships)
    .leftJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .leftJoin(institutes, eq(institutes.id, memberships.instituteId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .all()
    .map((m) => ({ id: m.id, role: m.role, organisation: m.partnershipName ?? m.schoolName ?? m.instituteName ?? "Samen Onderzoeken" }));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    disabled: !!user.disabledAt,
    disabledAt: user.disabledAt,
    activated: user.passwordHash !== null,
    roles,
  };
}

export type RoleOutcome = "ok" | "unknownUser" | "unknownOrganisation" | "wrongKind" | "duplicate" | "lastRole";

/** Gives a person one more role in one organisation (the organisation must fit the role and not be archived). */
export function addRole(input: { userId: string; role: Role; organisationId: string | null }, actorUserId: string, ip: string | null = null): RoleOutcome {
  const kind = organisationKindForRole(input.role);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) return "unknownUser";
    if (kind !== "platform") {
      const table = { partnership: partnerships, school: schools, institute: institutes }[kind];
      const id = input.organisationId ?? "";
      if (!tx.select({ id: table.id }).from(table).where(and(eq(table.id, id), isNull(table.archivedAt))).get()) return "unknownOrganisation";
    }
    const org = organisationColumns(kind, kind === "platform" ? null : input.organisationId);
    const same = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.role, input.role)))
      .all()
      .some((m) => m.partnershipId === org.partnershipId && m.schoolId === org.schoolId && m.instituteId === org.instituteId);
    if (same) return "duplicate";
    tx.insert(memberships).values({ userId: input.userId, role: input.role, ...org }).run();
    recordAudit({ event: "membership.added", actorUserId, subjectUserId: input.userId, ip, detail: { role: input.role, ...org, via: "person-page" } }, tx);
    return "ok";
  });
}

/** Takes one role away; the last role stays (deactivate the person instead), so nobody is left without a place. */
export function removeRole(input: { userId: string; membershipId: string }, actorUserId: string, ip: string | null = null): RoleOutcome {
  return getDb().transaction((tx) => {
    const all = tx.select().from(memberships).where(eq(memberships.userId, input.userId)).all();
    const target = all.find((m) => m.id === input.membershipId);
    if (!target) return "unknownOrganisation";
    if (all.length === 1) return "lastRole";
    tx.delete(memberships).where(eq(memberships.id, target.id)).run();
    recordAudit(
      { event: "membership.removed", actorUserId, subjectUserId: input.userId, ip, detail: { role: target.role, partnershipId: target.partnershipId, schoolId: target.schoolId, instituteId: target.instituteId } },
      tx,
    );
    return "ok";
  });
}

import { and, asc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { institutes, invitations, memberships, partnerships, schools, users } from "../../db/schema";
import type { Role } from "../domain/roles";
import type { OrganisationColumns } from "./organisation-admin.server";
import { normaliseEmail } from "../utils/email";
import { hashToken, newToken } from "../utils/tokens.server";
import { recordAudit } from "./audit.server";
import { queueInvitationMail } from "./mail.server";

export const INVITATION_VALID_DAYS = 7;

export { organisationColumns, type OrganisationColumns } from "./organisation-admin.server";

export function membershipExists(email: string, role: Role, org: OrganisationColumns): boolean {
  const db = getDb();
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).get();
  if (!user) return false;
  return db
    .select({ role: memberships.role, p: memberships.partnershipId, s: memberships.schoolId, i: memberships.instituteId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.role, role)))
    .all()
    .some((m) => m.p === org.partnershipId && m.s === org.schoolId && m.i === org.instituteId);
}

export type NewInvitation = {
  email: string;
  name: string;
  role: Role;
  org: OrganisationColumns;
  /** Null for the first admin, invited from the command line (scripts/invite-admin.ts). */
  invitedById: string | null;
  ip: string;
  /** Extra facts for the audit log entry (e.g. that it came from an import). */
  auditDetail?: Record<string, unknown>;
  /** The request's origin, for the link in the mail when APP_ORIGIN is not set. */
  origin?: string | null;
};

function organisationName(tx: DbOrTx, org: OrganisationColumns): string {
  if (org.partnershipId) return tx.select({ name: partnerships.name }).from(partnerships).where(eq(partnerships.id, org.partnershipId)).get()?.name ?? "";
  if (org.schoolId) return tx.select({ name: schools.name }).from(schools).where(eq(schools.id, org.schoolId)).get()?.name ?? "";
  if (org.instituteId) return tx.select({ name: institutes.name }).from(institutes).where(eq(institutes.id, org.instituteId)).get()?.name ?? "";
  return "Samen Onderzoeken";
}

/**
 * Inserts one invitation, its audit entry and its mail (the only way the link
 * travels: it is never shown to the inviter) inside the caller's transaction.
 */
export function insertInvitation(tx: DbOrTx, input: NewInvitation): { token: string; id: string; expiresAt: string } {
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000).toISOString();
  const row = tx
    .insert(invitations)
    .values({
      tokenHash: hashToken(token),
      email: normaliseEmail(input.email),
      name: input.name,
      role: input.role,
      ...input.org,
      invitedById: input.invitedById,
      expiresAt,
    })
    .returning({ id: invitations.id })
    .get();
  recordAudit(
    {
      event: "invitation.created",
      actorUserId: input.invitedById,
      email: normaliseEmail(input.email),
      ip: input.ip,
      detail: { invitationId: row.id, role: input.role, ...input.org, ...input.auditDetail },
    },
    tx,
  );
  const inviter = input.invitedById ? tx.select({ name: users.name }).from(users).where(eq(users.id, input.invitedById)).get()?.name ?? null : null;
  queueInvitationMail(tx, {
    email: normaliseEmail(input.email),
    name: input.name,
    role: input.role,
    organisation: organisationName(tx, input.org),
    inviter,
    token,
    expiresAt,
    origin: input.origin,
  });
  return { token, id: row.id, expiresAt };
}

export function createInvitation(input: NewInvitation): { token: string; id: string; expiresAt: string } {
  return getDb().transaction((tx) => insertInvitation(tx, input));
}

export type InviteRefusal = { field: "email"; message: "invitations.errors.alreadyMember"; params: { email: string } };

/**
 * One person into one organisation with one role: the page (/beheer/uitnodigingen)
 * and the Administration API (6.14) both come here after asking the permission
 * module (`invitation:create`). A role the person already holds in that
 * organisation is refused and nothing is stored; otherwise the invitation, its
 * audit entry and its mail land in one transaction. A second open invitation
 * for the same role is allowed on purpose: it is how a lost mail is sent again.
 */
export function inviteIntoOrganisation(input: NewInvitation): { id: string } | InviteRefusal {
  return getDb().transaction((tx) => {
    if (membershipExists(input.email, input.role, input.org)) {
      return { field: "email" as const, message: "invitations.errors.alreadyMember" as const, params: { email: input.email } };
    }
    return { id: insertInvitation(tx, input).id };
  });
}

export function listOpenInvitations() {
  return getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      partnershipId: invitations.partnershipId,
      schoolId: invitations.schoolId,
      instituteId: invitations.instituteId,
      partnershipName: partnerships.name,
      schoolName: schools.name,
      instituteName: institutes.name,
    })
    .from(invitations)
    .leftJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .leftJoin(institutes, eq(institutes.id, invitations.instituteId))
    .where(
      and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date().toISOString())),
    )
    .orderBy(asc(invitations.expiresAt))
    .all();
}

export function revokeInvitation(id: string, actorUserId: string, ip: string): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const changed = tx
      .update(invitations)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .run().changes;
    if (changed === 1) recordAudit({ event: "invitation.revoked", actorUserId, ip, detail: { invitationId: id } }, tx);
    return changed === 1;
  });
}

/** Every open invitation of an address (single sign-on proves the address, so it may accept them). */
export function openInvitationsFor(email: string): InvitationDetails[] {
  const now = new Date().toISOString();
  const rows = getDb()
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, normaliseEmail(email)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt))
    .all();
  return rows.flatMap((r) => {
    const found = lookupInvitationById(r.id);
    return found ? [found] : [];
  });
}

export type InvitationLookup =
  | { status: "valid"; invitation: InvitationDetails }
  | { status: "notFound" | "expired" | "used" | "revoked" };

export type InvitationDetails = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationName: string;
  inviterName: string | null;
  existingUserId: string | null;
  org: OrganisationColumns;
};

export function lookupInvitation(token: string): InvitationLookup {
  if (!token || token.length > 200) return { status: "notFound" };
  return lookupWhere(eq(invitations.tokenHash, hashToken(token)));
}

function lookupInvitationById(id: string): InvitationDetails | null {
  const found = lookupWhere(eq(invitations.id, id));
  return found.status === "valid" ? found.invitation : null;
}

function lookupWhere(condition: SQL): InvitationLookup {
  const db = getDb();
  const row = db
    .select({
      invitation: invitations,
      partnershipName: partnerships.name,
      schoolName: schools.name,
      instituteName: institutes.name,
      inviterName: users.name,
    })
    .from(invitations)
    .leftJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .leftJoin(institutes, eq(institutes.id, invitations.instituteId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(condition)
    .get();
  if (!row) return { status: "notFound" };
  const inv = row.invitation;
  if (inv.acceptedAt) return { status: "used" };
  if (inv.revokedAt) return { status: "revoked" };
  if (inv.expiresAt <= new Date().toISOString()) return { status: "expired" };
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, inv.email)).get();
  return {
    status: "valid",
    invitation: {
      id: inv.id,
      email: inv.email,
      name: inv.name,
      role: inv.role,
      organisationName: row.partnershipName ?? row.schoolName ?? row.instituteName ?? "Samen Onderzoeken",
      inviterName: row.inviterName,
      existingUserId: existing?.id ?? null,
      org: { partnershipId: inv.partnershipId, schoolId: inv.schoolId, instituteId: inv.instituteId },
    },
  };
}

/**
 * Accepts an invitation in one transaction: marks it used (only if it still is
 * open, so a link clicked twice works once), creates the account or reuses the
 * existing one, and adds the membership. Returns the user id, or null when the
 * invitation was used, revoked or expired in the meantime.
 */
export function acceptInvitation(
  invitation: InvitationDetails,
  /** A new account; passwordHash null when it comes in through single sign-on. */
  account: { name: string; passwordHash: string | null } | { existingUserId: string },
  ip: string,
): string | null {
  const db = getDb();
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const claimed = tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .run().changes;
    if (claimed !== 1) return null;

    let userId: string;
    if ("existingUserId" in account) {
      userId = account.existingUserId;
    } else {
      userId = tx
        .insert(users)
        .values({ email: invitation.email, name: account.name, passwordHash: account.passwordHash })
        .returning({ id: users.id })
        .get().id;
    }
    const added = tx
      .insert(memberships)
      .values({ userId, role: invitation.role, ...invitation.org })
      .onConflictDoNothing()
      .run().changes;
    recordAudit({ event: "invitation.accepted", actorUserId: userId, subjectUserId: userId, email: invitation.email, ip, detail: { invitationId: invitation.id } }, tx);
    if (added === 1) {
      recordAudit({ event: "membership.added", actorUserId: userId, subjectUserId: userId, ip, detail: { role: invitation.role, ...invitation.org, via: "invitation" } }, tx);
    }
    return userId;
  });
}

import type { Role } from "./roles";

/**
 * The one permission module (ARCHITECTURE §5). Every loader, action, API route and
 * WebSocket upgrade asks `can(actor, action, resource)` before touching data.
 *
 * It is pure: the caller loads the actor's memberships and the facts about the
 * resource (which school, which partnerships) and passes them in. That keeps the
 * rules testable as a table and independent of the database.
 */

export type Membership = {
  role: Role;
  /** Set for partnership roles. */
  partnershipId?: string | null;
  /** Set for school roles. */
  schoolId?: string | null;
  /** Set for institute roles. */
  instituteId?: string | null;
  /**
   * Partnerships the membership's school or institute takes part in; lets rules
   * such as "same partnership" be decided without I/O.
   */
  partnershipIds?: readonly string[];
};

export type Actor = {
  userId: string;
  memberships: readonly Membership[];
};

/** Where a resource sits in the organisation tree; only what the rule needs. */
export type OrganisationScope = {
  partnershipIds?: readonly string[];
  schoolId?: string | null;
  instituteId?: string | null;
};

export type Action =
  /** See the own dashboard, profile and `/api/v1/me`. */
  | "dashboard:view"
  /** See the organisation tree (region → partnerships → schools/institutes). */
  | "organisations:view"
  /** See the people of an organisation (scope: the organisation). */
  | "people:view"
  /** Invite someone to an organisation with a role (scope: the organisation). */
  | "invitation:create"
  /** See and revoke open invitations. */
  | "invitation:manage"
  /** Read the security audit log. */
  | "audit:view";

export const ACTIONS: readonly Action[] = [
  "dashboard:view",
  "organisations:view",
  "people:view",
  "invitation:create",
  "invitation:manage",
  "audit:view",
];

function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

/** The partnerships the actor leads as programmaleider. */
function ledPartnerships(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.role === "programmaleider" && m.partnershipId)
    .map((m) => m.partnershipId as string);
}

function scopeInPartnerships(scope: OrganisationScope | undefined, partnershipIds: string[]): boolean {
  if (!scope?.partnershipIds || partnershipIds.length === 0) return false;
  return scope.partnershipIds.some((id) => partnershipIds.includes(id));
}

export function can(actor: Actor | null | undefined, action: Action, scope?: OrganisationScope): boolean {
  if (!actor || actor.memberships.length === 0) return false;
  const isAdmin = hasRole(actor, "admin");

  switch (action) {
    case "dashboard:view":
      return true;
    case "organisations:view":
      return isAdmin || hasRole(actor, "programmaleider");
    case "people:view":
      // Admins see everyone; a programmaleider sees the people of the schools and
      // institutes in the partnerships they lead (and the partnership itself).
      return isAdmin || scopeInPartnerships(scope, ledPartnerships(actor));
    case "invitation:create":
    case "invitation:manage":
    case "audit:view":
      return isAdmin;
    default: {
      // Exhaustiveness: a new action without a rule fails the type check.
      const unknownAction: never = action;
      throw new Error(`Onbekende actie: ${String(unknownAction)}`);
    }
  }
}

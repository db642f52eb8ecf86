import { hasRole, leadsOneOf, type KnownActor } from "./actor";
import type { Rules } from "./rule";
import { orgOf, type Scope } from "./scopes";

/**
 * Invite into an organisation (scope: the organisation). Admins anywhere; a programmaleider into
 * the schools and institutes of a partnership they lead, and into that partnership itself (a
 * second programmaleider, issue 19) — never into another partnership or the platform.
 */
function mayInviteInto(actor: KnownActor, scope: Scope | undefined): boolean {
  if (actor.isAdmin) return true;
  const org = orgOf(scope);
  if (org?.schoolId || org?.instituteId) return leadsOneOf(actor, org.partnershipIds);
  const ids = org?.partnershipIds ?? [];
  return ids.length === 1 && actor.ledPartnershipIds.includes(ids[0]!);
}

/** The platform and the organisation tree: who sees and administers what. */
export const organisationRules = {
  /** See the own dashboard, profile and `/api/v1/me`. */
  "dashboard:view": () => true,
  /** See the organisation tree (region → partnerships → schools/institutes). */
  "organisations:view": (actor) => actor.isAdmin || hasRole(actor, "programmaleider"),
  /**
   * See the people of an organisation (scope: the organisation). Admins see
   * everyone; a programmaleider the people of the partnerships they lead.
   */
  "people:view": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /**
   * Create a region, partnership, school or institute, or rename one. Admin
   * only: the tree is the installation's backbone (issue 19).
   */
  "organisation:create": (actor) => actor.isAdmin,
  /**
   * Create a school or institute inside partnerships (scope: those
   * partnerships). Admins anywhere; a programmaleider when they lead every one
   * of them (contract 6.14: "a programmaleider within their own partnership").
   */
  "organisation:add-member": (actor, scope) => {
    if (actor.isAdmin) return true;
    const ids = orgOf(scope)?.partnershipIds ?? [];
    return ids.length > 0 && ids.every((id) => actor.ledPartnershipIds.includes(id));
  },
  /**
   * Link a school or institute to a partnership (scope: that partnership).
   * Admins anywhere; a programmaleider to a partnership they lead, because
   * keeping the partnership's member list current is their daily work.
   */
  "organisation:link": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /**
   * Invite someone to an organisation with a role (scope: the organisation).
   * Admins anywhere; a programmaleider into the schools and institutes of a
   * partnership they lead, and into that partnership itself (a second
   * programmaleider, issue 19) — never into another partnership or the platform.
   */
  "invitation:create": (actor, scope) => mayInviteInto(actor, scope),

  /**
   * See and withdraw open invitations (scope: the invitation's organisation): whoever may invite
   * into an organisation may withdraw an open invitation into it. Without a scope: open the
   * invitations page and its menu item at all — admins, and programmaleiders, who invite into
   * their partnership (the year walk found them unable to see what they had sent).
   */
  "invitation:manage": (actor, scope) => (scope ? mayInviteInto(actor, scope) : actor.isAdmin || actor.ledPartnershipIds.length > 0),
  /** Read the security audit log. */
  "audit:view": (actor) => actor.isAdmin,
  /** See the collaboration metrics. */
  "metrics:view": (actor) => actor.isAdmin,
} satisfies Rules;

import { hasRole, leadsOneOf } from "./actor";
import type { Rules } from "./rule";
import { orgOf } from "./scopes";

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
  /** Invite someone to an organisation with a role (scope: the organisation). */
  "invitation:create": (actor) => actor.isAdmin,
  /** See and revoke open invitations. */
  "invitation:manage": (actor) => actor.isAdmin,
  /** Read the security audit log. */
  "audit:view": (actor) => actor.isAdmin,
  /** See the collaboration metrics. */
  "metrics:view": (actor) => actor.isAdmin,
} satisfies Rules;

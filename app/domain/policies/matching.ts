import { hasRole, isSchoolStaffOf, leadsOneOf, overlaps, SCHOOL_QUESTION_OWNERS } from "./actor";
import type { Rules } from "./rule";
import { orgOf } from "./scopes";

/** Learning labs, matching rounds and the student profile they use. */
export const matchingRules = {
  /** See learning labs and the matching page (what it shows depends on the role). */
  "labs:view": () => true,
  /** Run a partnership's matching round: settings, run, adjust, publish (scope: the partnership). */
  "round:manage": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Change a partnership's settings, such as the parental-consent age (scope: the partnership). */
  "partnership:settings": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Rank questions in a partnership's round as a student (scope: the partnership). */
  "round:rank": (actor, scope) =>
    actor.memberships.some((m) => m.role === "student" && overlaps(orgOf(scope)?.partnershipIds, m.partnershipIds ?? [])),
  /** Accept or decline a proposal on behalf of the question's school (scope: the school). */
  "proposal:respond-school": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
  /** Keep a student profile (themes, sectors, availability) for matching: students only. */
  "profile:edit": (actor) => hasRole(actor, "student"),
} satisfies Rules;

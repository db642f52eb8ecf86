import { isSchoolStaffOf, knowActor, leadsOneOf, type Actor } from "./actor";
import type { Role } from "../roles";
import type { Rules } from "./rule";
import { isPlanScope, type PlanAccess, type PlanScope, type Scope } from "./scopes";

/**
 * School roles that take part in every plan at their school with `comment`
 * (contract 6.5, amended by issue 20): the school's leadership and the
 * schoolopleider, the "spin in het web" who follows every project there.
 */
export const SCHOOL_PLAN_COMMENTERS: readonly Role[] = ["schoolleider", "onderzoekscoordinator", "schoolopleider"];

/**
 * The one answer to "what may this person do with this plan" (contract 6.5):
 * the project's authors (students, or the school's teachers in teacher
 * research) write; its begeleiders and the school's leadership and
 * schoolopleider comment; the partnership's programmaleider and admins read.
 * Null: no access at all.
 */
export function planAccess(actor: Actor | null | undefined, scope: PlanScope): PlanAccess | null {
  if (!actor) return null;
  const known = knowActor(actor);
  if (scope.studentIds.includes(known.userId)) return "edit";
  if (scope.teacherIds?.includes(known.userId)) return "edit";
  if (scope.begeleiderIds.includes(known.userId)) return "comment";
  if (isSchoolStaffOf(known, scope.schoolId, SCHOOL_PLAN_COMMENTERS)) return "comment";
  if (known.isAdmin) return "read";
  if (leadsOneOf(known, scope.partnershipIds)) return "read";
  return null;
}

const RANK: Record<PlanAccess, number> = { read: 1, comment: 2, edit: 3 };

function allows(actor: Actor, scope: Scope | undefined, needed: PlanAccess): boolean {
  if (!isPlanScope(scope)) return false;
  const access = planAccess(actor, scope);
  return access !== null && RANK[access] >= RANK[needed];
}

export const planRules = {
  /** Open a plan read-only (scope: PlanScope). */
  "plan:read": (actor, scope) => allows(actor, scope, "read"),
  /** Comment on a plan (scope: PlanScope). */
  "plan:comment": (actor, scope) => allows(actor, scope, "comment"),
  /** Change a plan's text, freeze and restore versions (scope: PlanScope). */
  "plan:edit": (actor, scope) => allows(actor, scope, "edit"),
  /** Sign the Ethiek & AVG checklist off: only a begeleider of the project (scope: PlanScope). */
  "plan:sign-off-ethics": (actor, scope) => isPlanScope(scope) && scope.begeleiderIds.includes(actor.userId),
} satisfies Rules;

import { isInOneOf, isSchoolStaffOf, knowActor, SCHOOL_QUESTION_OWNERS, SCHOOL_ROLES, type Actor } from "./actor";
import type { Rules } from "./rule";
import { isProjectScope, isResultScope, orgOf, type ResultScope } from "./scopes";

/**
 * Who may read a result: `public` everyone (also without an account);
 * `region` everyone with a role in the region; `partnership` everyone in the
 * school's partnerships; `school` only the school's own staff. The project's
 * students and begeleiders always see their own work.
 */
export function canViewResult(actor: Actor | null | undefined, scope: ResultScope): boolean {
  if (scope.visibility === "public") return true;
  if (!actor || actor.memberships.length === 0) return false;
  const known = knowActor(actor);
  if (scope.projectMemberIds.includes(known.userId)) return true;
  if (isSchoolStaffOf(known, scope.schoolId, SCHOOL_ROLES)) return true;
  if (scope.visibility === "school") return false;
  if (scope.visibility === "partnership") return known.isAdmin || isInOneOf(known, scope.partnershipIds);
  return known.isAdmin || known.regionIds.includes(scope.regionId);
}

/** Results (opbrengsten) and their implementation actions. */
export const resultRules = {
  /** Read a result and download its files (scope: ResultScope; anonymous callers for public ones). */
  "result:view": (actor, scope) => isResultScope(scope) && canViewResult(actor, scope),
  /** Add, update and let go of a result's implementation actions (scope: ResultScope). */
  "result:manage-actions": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
  /** Publish a result of a project (scope: ProjectScope): its students, or the school's owners. */
  "result:publish": (actor, scope) =>
    isProjectScope(scope) &&
    (scope.projectStudentIds.includes(actor.userId) || isSchoolStaffOf(actor, scope.schoolId, SCHOOL_QUESTION_OWNERS)),
  /**
   * Change a published result's visibility (scope: ResultScope): the project's
   * members and the school's owners. Lowering takes effect at once; raising
   * asks the consents again (result-visibility.server.ts).
   */
  "result:set-visibility": (actor, scope) =>
    isResultScope(scope) &&
    (scope.projectMemberIds.includes(actor.userId) || isSchoolStaffOf(actor, scope.schoolId, SCHOOL_QUESTION_OWNERS)),
} satisfies Rules;

/** The only decisions open to visitors without an account. */
export const ANONYMOUS_ACTIONS = new Set<string>(["result:view"]);

import { isSchoolStaffOf, SCHOOL_QUESTION_OWNERS } from "./actor";
import type { Rules } from "./rule";
import { isActionScope } from "./scopes";

/**
 * Implementation actions spread ownership (issue 20): the school's owners
 * (schoolleider, onderzoekscoördinator) assign them to anyone of the school's
 * staff, and the owner then keeps their own action up to date. Being the owner
 * counts only while one still works at that school.
 */
export const actionRules = {
  /** Change an action's status and its reason (scope: ActionScope): the school's owners, or the action's owner. */
  "action:update-status": (actor, scope) =>
    isActionScope(scope) &&
    (isSchoolStaffOf(actor, scope.schoolId, SCHOOL_QUESTION_OWNERS) ||
      (!!scope.actionOwnerId && scope.actionOwnerId === actor.userId && isSchoolStaffOf(actor, scope.schoolId))),
} satisfies Rules;

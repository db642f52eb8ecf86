import { isSchoolStaffOf, SCHOOL_QUESTION_OWNERS } from "./actor";
import type { Rules } from "./rule";
import { orgOf } from "./scopes";

/** Teachers who may bring a question to their school's leadership (issue 20). */
const PROPOSERS = ["leraar", "schoolopleider"] as const;

export const schoolRules = {
  /** Propose a question to the school's leadership: a leraar or schoolopleider of that school (scope: the school). */
  "proposal:create": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, PROPOSERS),
  /** Adopt, adapt or decline a teacher's proposal: the school's question owners (scope: the school). */
  "proposal:decide": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
} satisfies Rules;

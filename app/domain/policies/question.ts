import type { TransitionActor } from "../question-lifecycle";
import { isEditable } from "../question-lifecycle";
import { hasRole, isInOneOf, isSchoolStaffOf, knowActor, leadsOneOf, SCHOOL_QUESTION_OWNERS, SCHOOL_ROLES, type Actor } from "./actor";
import type { Rules } from "./rule";
import { isQuestionScope, orgOf, type QuestionScope } from "./scopes";

const statusOf = (scope: Parameters<Rules[string]>[1]) => (isQuestionScope(scope) ? scope.status : null);

/** Schoolontwikkelvragen and the school's onderzoeksagenda. */
export const questionRules = {
  /** Browse and search the partnership's questions (results are filtered per question). */
  "questions:browse": () => true,
  /** See one question (scope: QuestionScope). Concepts only for the school's own staff. */
  "question:view": (actor, scope) => {
    const status = statusOf(scope);
    if (!status) return false;
    const org = orgOf(scope);
    const ownStaff = isSchoolStaffOf(actor, org?.schoolId, SCHOOL_ROLES);
    // A concept is the school's own draft; from ingediend on the partnership sees it.
    if (status === "concept") return ownStaff;
    return ownStaff || actor.isAdmin || isInOneOf(actor, org?.partnershipIds);
  },
  /** Write a new question for a school (scope: the school). */
  "question:create": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
  /** Change a question's content (scope: QuestionScope; only while concept or sent back). */
  "question:edit": (actor, scope) => {
    const status = statusOf(scope);
    return !!status && isEditable(status) && isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS);
  },
  /** Move a question as its school: submit, withdraw, archive (scope: QuestionScope). */
  "question:act-as-school": (actor, scope) =>
    statusOf(scope) !== null && isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
  /** Move a question as programmaleider: open, send back, link duplicates (scope: QuestionScope). */
  "question:act-as-programme": (actor, scope) => {
    const status = statusOf(scope);
    // Programme leaders never act on a school's private concept.
    return !!status && status !== "concept" && (actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds));
  },
  /**
   * Give an open question to the school's own teachers or a lab instead of
   * students (teacher research, issue 20): the school's leadership or the
   * partnership's programmaleider (scope: QuestionScope; only while open).
   */
  "question:start-teacher-research": (actor, scope) =>
    statusOf(scope) === "open" &&
    (isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS) || actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds)),
  /** See the triage queue of submitted questions. */
  "question:triage": (actor) => actor.isAdmin || hasRole(actor, "programmaleider"),
  /** See a school's onderzoeksagenda (scope: the school). */
  "agenda:view": (actor, scope) =>
    isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_ROLES) || actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Reorder a school's onderzoeksagenda (scope: the school). */
  "agenda:edit": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
} satisfies Rules;

/** As whom the actor may move this question (for the lifecycle function). */
export function transitionActorsFor(actor: Actor | null | undefined, scope: QuestionScope): TransitionActor[] {
  if (!actor || actor.memberships.length === 0) return [];
  const known = knowActor(actor);
  const actors: TransitionActor[] = [];
  if (questionRules["question:act-as-school"](known, scope)) actors.push("school");
  if (questionRules["question:act-as-programme"](known, scope)) actors.push("programme");
  return actors;
}

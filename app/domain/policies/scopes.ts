import type { QuestionStatus } from "../question-lifecycle";

/**
 * What a policy needs to know about a resource: where it sits in the
 * organisation tree and who works on it. Built in one place per kind
 * (`app/models/scopes.server.ts`) and passed in, so the policies stay pure.
 */
export type OrganisationScope = {
  partnershipIds?: readonly string[];
  schoolId?: string | null;
  instituteId?: string | null;
};

/** A plan's place in the tree plus who works on its project. */
export type PlanScope = OrganisationScope & {
  studentIds: readonly string[];
  begeleiderIds: readonly string[];
  /** The school's teachers who write the plan themselves (teacher research, issue 20). */
  teacherIds?: readonly string[];
};

export type PlanAccess = "edit" | "comment" | "read";

export type ResultVisibility = "school" | "partnership" | "region" | "public";

/** A result's school, its partnerships and region, its visibility and who wrote it. */
export type ResultScope = OrganisationScope & {
  visibility: ResultVisibility;
  regionId: string;
  /** Students and begeleiders of the result's project: they always see their own work. */
  projectMemberIds: readonly string[];
};

/** A question's school, that school's partnerships and its status. */
export type QuestionScope = OrganisationScope & { status: QuestionStatus };

/** A project (for publishing its results): its school and its students. */
export type ProjectScope = OrganisationScope & { projectStudentIds: readonly string[] };

/** An expert group: its region and the asking person's place in it. */
export type ExpertGroupScope = {
  regionId: string;
  /** The actor's own membership of the group, if any. */
  membership: { role: "member" | "moderator"; status: "active" | "requested" } | null;
};

/** An implementation action: its school and the person who owns it (issue 20). */
export type ActionScope = OrganisationScope & { actionOwnerId: string | null };

export type Scope = OrganisationScope | PlanScope | QuestionScope | ResultScope | ProjectScope | ExpertGroupScope | ActionScope;

export function isPlanScope(scope: Scope | undefined): scope is PlanScope {
  return !!scope && "studentIds" in scope;
}
export function isResultScope(scope: Scope | undefined): scope is ResultScope {
  return !!scope && "visibility" in scope;
}
export function isQuestionScope(scope: Scope | undefined): scope is QuestionScope {
  return !!scope && "status" in scope;
}
export function isActionScope(scope: Scope | undefined): scope is ActionScope {
  return !!scope && "actionOwnerId" in scope;
}
export function isProjectScope(scope: Scope | undefined): scope is ProjectScope {
  return !!scope && "projectStudentIds" in scope;
}
export function isExpertGroupScope(scope: Scope | undefined): scope is ExpertGroupScope {
  return !!scope && "membership" in scope && "regionId" in scope;
}

/** Organisation fields of any scope (expert groups sit in a region only). */
export function orgOf(scope: Scope | undefined): OrganisationScope | undefined {
  return scope && !isExpertGroupScope(scope) ? scope : undefined;
}

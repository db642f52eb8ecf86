import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { expertGroupMembers, partnershipSchools, projectMembers, projects, schools, type plans, type results } from "../../db/schema";
import type {
  ExpertGroupScope,
  OrganisationScope,
  PlanScope,
  ProjectScope,
  QuestionScope,
  ResultScope,
} from "../domain/permissions";
import type { QuestionStatus } from "../domain/question-lifecycle";
import { preparedPerDb } from "./prepared.server";

/**
 * The one place that turns rows into the scopes the policies decide on
 * (app/domain/policies/scopes.ts). Models and routes ask here instead of
 * querying "the partnerships of a school" or "the students of a project"
 * themselves, so a rule never sees two different versions of the same fact.
 */

type PlanRow = typeof plans.$inferSelect;
type ResultRow = typeof results.$inferSelect;

// Every request of a school member asks (via loadCurrentUser): one statement, prepared once (record 0029).
const partnershipsOfSchoolsQuery = preparedPerDb((db) =>
  db.$client.prepare<[string], { school_id: string; partnership_id: string }>(
    "select school_id, partnership_id from partnership_schools where school_id in (select value from json_each(?))",
  ),
);

/** The partnerships each school belongs to. */
export function partnershipsOfSchools(schoolIds: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (schoolIds.length === 0) return map;
  for (const row of partnershipsOfSchoolsQuery().all(JSON.stringify([...new Set(schoolIds)]))) {
    map.set(row.school_id, [...(map.get(row.school_id) ?? []), row.partnership_id]);
  }
  return map;
}

export function partnershipsOfSchool(schoolId: string): string[] {
  return partnershipsOfSchools([schoolId]).get(schoolId) ?? [];
}

/** The schools of these partnerships, as a subquery. */
export function schoolsOfPartnershipsQuery(partnershipIds: readonly string[]) {
  return getDb()
    .select({ id: partnershipSchools.schoolId })
    .from(partnershipSchools)
    .where(inArray(partnershipSchools.partnershipId, [...partnershipIds]));
}

/** The ids of the schools of these partnerships. */
export function schoolIdsOfPartnerships(partnershipIds: readonly string[]): string[] {
  if (partnershipIds.length === 0) return [];
  return [...new Set(schoolsOfPartnershipsQuery(partnershipIds).all().map((r) => r.id))];
}

/** A school with its partnerships. */
export function schoolScope(schoolId: string): OrganisationScope {
  return { schoolId, partnershipIds: partnershipsOfSchool(schoolId) };
}

/** A partnership (or several) as a scope. */
export function partnershipScope(...partnershipIds: string[]): OrganisationScope {
  return { partnershipIds };
}

export function questionScope(question: { schoolId: string; status: QuestionStatus }, partnershipIds: string[]): QuestionScope {
  return { schoolId: question.schoolId, partnershipIds, status: question.status };
}

export function scopeForQuestion(question: { schoolId: string; status: QuestionStatus }): QuestionScope {
  return questionScope(question, partnershipsOfSchool(question.schoolId));
}

/** The scopes of many plans at once (three queries, whatever the number of plans). */
export function planScopes(planRows: readonly PlanRow[]): Map<string, PlanScope> {
  const out = new Map<string, PlanScope>();
  if (planRows.length === 0) return out;
  const db = getDb();
  const projectIds = [...new Set(planRows.map((p) => p.projectId))];
  const projectRows = db.select().from(projects).where(inArray(projects.id, projectIds)).all();
  const members = db.select().from(projectMembers).where(inArray(projectMembers.projectId, projectIds)).all();
  const links = partnershipsOfSchools(projectRows.map((p) => p.schoolId));
  for (const plan of planRows) {
    const project = projectRows.find((p) => p.id === plan.projectId);
    if (!project) {
      out.set(plan.id, { studentIds: [], begeleiderIds: [], partnershipIds: [], schoolId: null });
      continue;
    }
    const own = members.filter((m) => m.projectId === project.id);
    out.set(plan.id, {
      schoolId: project.schoolId,
      partnershipIds: links.get(project.schoolId) ?? [],
      studentIds: own.filter((m) => m.role === "student").map((m) => m.userId),
      begeleiderIds: own.filter((m) => m.role === "begeleider").map((m) => m.userId),
      teacherIds: own.filter((m) => m.role === "leraar").map((m) => m.userId),
    });
  }
  return out;
}

/** Everything the permission module needs to decide about one plan. */
export function loadPlanScope(plan: PlanRow): PlanScope {
  return planScopes([plan]).get(plan.id)!;
}

/** A project, for publishing its results: its school, partnerships and students. */
export function projectScopes(projectIds: readonly string[]): Map<string, ProjectScope> {
  const out = new Map<string, ProjectScope>();
  if (projectIds.length === 0) return out;
  const db = getDb();
  const projectRows = db.select().from(projects).where(inArray(projects.id, [...projectIds])).all();
  const members = db.select().from(projectMembers).where(inArray(projectMembers.projectId, [...projectIds])).all();
  const links = partnershipsOfSchools(projectRows.map((p) => p.schoolId));
  for (const project of projectRows) {
    out.set(project.id, {
      schoolId: project.schoolId,
      partnershipIds: links.get(project.schoolId) ?? [],
      projectStudentIds: members.filter((m) => m.projectId === project.id && m.role === "student").map((m) => m.userId),
    });
  }
  return out;
}

/** Visibility facts for many results at once (school partnerships, region, project members). */
export function resultScopes(rows: readonly Pick<ResultRow, "id" | "schoolId" | "projectId" | "visibility">[]): Map<string, ResultScope> {
  const db = getDb();
  const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const links = partnershipsOfSchools(schoolIds);
  const regionOf = new Map(
    (schoolIds.length ? db.select({ id: schools.id, regionId: schools.regionId }).from(schools).where(inArray(schools.id, schoolIds)).all() : []).map(
      (s) => [s.id, s.regionId],
    ),
  );
  const members = projectIds.length ? db.select().from(projectMembers).where(inArray(projectMembers.projectId, projectIds)).all() : [];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        visibility: r.visibility,
        schoolId: r.schoolId,
        partnershipIds: links.get(r.schoolId) ?? [],
        regionId: regionOf.get(r.schoolId) ?? "",
        projectMemberIds: members.filter((m) => m.projectId === r.projectId).map((m) => m.userId),
      },
    ]),
  );
}

export function scopeForResult(row: Pick<ResultRow, "id" | "schoolId" | "projectId" | "visibility">): ResultScope {
  return resultScopes([row]).get(row.id)!;
}

/** An expert group with the asking person's place in it. */
export function expertGroupScope(group: { id: string; regionId: string }, userId: string): ExpertGroupScope {
  const own = getDb()
    .select({ role: expertGroupMembers.role, status: expertGroupMembers.status })
    .from(expertGroupMembers)
    .where(and(eq(expertGroupMembers.groupId, group.id), eq(expertGroupMembers.userId, userId)))
    .get();
  return { regionId: group.regionId, membership: own ?? null };
}

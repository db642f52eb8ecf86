import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { memberships, partnershipInstitutes, projectMembers, projects, questions, schools, users } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { notify } from "./notify.server";
import { addProjectMember } from "./project.server";
import { partnershipsOfSchool } from "./scopes.server";

/**
 * Begeleiders on a project, at any time (issue 19): an instituutsopleider of an
 * institute in the school's partnerships, or a werkplekbegeleider of the
 * question's school. Removal deletes the project_members row, whose trigger
 * moves the access epoch, so their plan sockets close within a second.
 * Permission (`project:manage-members`) is the caller's.
 */

export type BegeleiderOption = { id: string; name: string; role: "instituutsopleider" | "werkplekbegeleider" };

/** Everyone who may become a begeleider of this project (active accounts only). */
export function begeleiderOptions(projectId: string): BegeleiderOption[] {
  const db = getDb();
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) return [];
  const partnershipIds = partnershipsOfSchool(project.schoolId);
  const instituteIds = partnershipIds.length
    ? db.select({ id: partnershipInstitutes.instituteId }).from(partnershipInstitutes).where(inArray(partnershipInstitutes.partnershipId, partnershipIds)).all().map((r) => r.id)
    : [];
  const rows = db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        isNull(users.disabledAt),
        or(
          and(eq(memberships.role, "werkplekbegeleider"), eq(memberships.schoolId, project.schoolId)),
          instituteIds.length ? and(eq(memberships.role, "instituutsopleider"), inArray(memberships.instituteId, instituteIds)) : undefined,
        ),
      ),
    )
    .orderBy(asc(users.name))
    .all();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)) as BegeleiderOption[];
}

export type MemberOutcome = "ok" | "unknownProject" | "notEligible" | "already" | "notMember";

export function addBegeleider(projectId: string, userId: string, actorUserId: string, ip: string | null = null): MemberOutcome {
  const db = getDb();
  return db.transaction((tx) => {
    const project = tx.select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return "unknownProject";
    if (!begeleiderOptions(projectId).some((o) => o.id === userId)) return "notEligible";
    const current = tx.select().from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).get();
    if (current) return "already";
    addProjectMember(projectId, userId, "begeleider", tx);
    recordAudit({ event: "project.member_added", actorUserId, subjectUserId: userId, ip, detail: { projectId, role: "begeleider" } }, tx);
    // The year walk saw a begeleider added in silence: they learn it from the bell (and mail).
    if (userId !== actorUserId) notify(tx, { userId, kind: "project.begeleiderAdded", params: { title: project.title }, link: `/projecten/${projectId}` });
    return "ok";
  });
}

export function removeBegeleider(projectId: string, userId: string, actorUserId: string, ip: string | null = null): MemberOutcome {
  const db = getDb();
  return db.transaction((tx) => {
    if (!tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get()) return "unknownProject";
    const removed = tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), eq(projectMembers.role, "begeleider")))
      .run().changes;
    if (removed !== 1) return "notMember";
    recordAudit({ event: "project.member_removed", actorUserId, subjectUserId: userId, ip, detail: { projectId, role: "begeleider" } }, tx);
    return "ok";
  });
}

/** The begeleiders of a project, with ids (for the management list). */
export function begeleidersOf(projectId: string) {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "begeleider")))
    .orderBy(asc(users.name))
    .all();
}

/** Running projects of these partnerships' schools without any begeleider: flagged on the programmaleider's dashboard. */
export function projectsWithoutBegeleider(partnershipIds: readonly string[] | "all") {
  const db = getDb();
  if (partnershipIds !== "all" && partnershipIds.length === 0) return [];
  const rows = db
    .select({ id: projects.id, title: projects.title, schoolId: projects.schoolId, schoolName: schools.name, status: questions.status })
    .from(projects)
    .innerJoin(schools, eq(schools.id, projects.schoolId))
    .innerJoin(questions, eq(questions.id, projects.questionId))
    .where(isNull(projects.archivedAt))
    .orderBy(asc(projects.title))
    .all();
  const withBegeleider = new Set(db.select({ id: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.role, "begeleider")).all().map((r) => r.id));
  return rows
    .filter((p) => !withBegeleider.has(p.id) && p.status !== "afgerond" && p.status !== "geimplementeerd" && p.status !== "gearchiveerd")
    .filter((p) => partnershipIds === "all" || partnershipsOfSchool(p.schoolId).some((id) => partnershipIds.includes(id)))
    .map(({ id, title, schoolName }) => ({ id, title, schoolName }));
}

export function isArchivedProject(projectId: string): boolean {
  return !!getDb().select({ archivedAt: projects.archivedAt }).from(projects).where(eq(projects.id, projectId)).get()?.archivedAt;
}

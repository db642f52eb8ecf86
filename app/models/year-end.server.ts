import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { matchingRounds, memberships, partnershipInstitutes, partnerships, projectMembers, projects, questions, schools, users } from "../../db/schema";
import { recordAudit } from "./audit.server";
import { closeRound } from "./matching.server";
import { partnershipsOfSchools } from "./scopes.server";
import { deactivateUser } from "./user-status.server";

/**
 * The end of a schooljaar for one partnership (issue 19): close its matching
 * rounds, archive its finished projects, and end the access of students who
 * have left — after the programmaleider checked the list. Nothing is deleted:
 * last year's plans, results and scans stay readable. Permission
 * (`year:close` on the partnership) is the caller's.
 */

const FINISHED = ["afgerond", "geimplementeerd"] as const;

function projectsOfPartnership(partnershipId: string) {
  const db = getDb();
  const rows = db
    .select({ id: projects.id, title: projects.title, schoolId: projects.schoolId, schoolName: schools.name, status: questions.status, archivedAt: projects.archivedAt })
    .from(projects)
    .innerJoin(questions, eq(questions.id, projects.questionId))
    .innerJoin(schools, eq(schools.id, projects.schoolId))
    .orderBy(asc(projects.title))
    .all();
  const links = partnershipsOfSchools(rows.map((r) => r.schoolId));
  return rows.filter((r) => (links.get(r.schoolId) ?? []).includes(partnershipId));
}

/** What closing the year would do, for the programmaleider to check first. */
export function yearEndOverview(partnershipId: string) {
  const db = getDb();
  const partnership = db.select().from(partnerships).where(eq(partnerships.id, partnershipId)).get();
  if (!partnership) return null;
  const rounds = db
    .select()
    .from(matchingRounds)
    .where(and(eq(matchingRounds.partnershipId, partnershipId), ne(matchingRounds.status, "gesloten")))
    .orderBy(asc(matchingRounds.createdAt))
    .all();
  const all = projectsOfPartnership(partnershipId).filter((p) => !p.archivedAt);
  const finished = all.filter((p) => (FINISHED as readonly string[]).includes(p.status));
  const runningIds = new Set(all.filter((p) => !(FINISHED as readonly string[]).includes(p.status)).map((p) => p.id));
  const instituteIds = db.select({ id: partnershipInstitutes.instituteId }).from(partnershipInstitutes).where(eq(partnershipInstitutes.partnershipId, partnershipId)).all().map((r) => r.id);
  const students = instituteIds.length
    ? db
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.role, "student"), inArray(memberships.instituteId, instituteIds), isNull(users.disabledAt)))
        .orderBy(asc(users.name))
        .all()
    : [];
  const running = students.length
    ? new Set(
        db
          .select({ userId: projectMembers.userId, projectId: projectMembers.projectId })
          .from(projectMembers)
          .where(inArray(projectMembers.userId, students.map((s) => s.id)))
          .all()
          .filter((m) => runningIds.has(m.projectId))
          .map((m) => m.userId),
      )
    : new Set<string>();
  return {
    partnership: { id: partnership.id, name: partnership.name },
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status })),
    finishedProjects: finished.map(({ id, title, schoolName, status }) => ({ id, title, schoolName, status })),
    // A student still in a running project has not left yet: shown, but not suggested.
    students: students.map((s) => ({ ...s, inRunningProject: running.has(s.id) })),
  };
}

export type YearEndOutcome = { roundsClosed: number; projectsArchived: number; studentsEnded: number } | { error: "notStudent"; userId: string };

/**
 * Closes the year in one go: every open round, every finished project, and
 * the access of the chosen students (each must be a student of this
 * partnership and hold no other role, or nothing happens).
 */
export function closeYear(partnershipId: string, input: { closeRounds: boolean; archiveProjects: boolean; studentIds: readonly string[] }, actorUserId: string, ip: string | null = null): YearEndOutcome {
  const overview = yearEndOverview(partnershipId);
  if (!overview) return { error: "notStudent", userId: "" };
  const db = getDb();
  return db.transaction((tx) => {
    const allowed = new Set(overview.students.map((s) => s.id));
    for (const userId of input.studentIds) {
      const roles = tx.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)).all();
      if (!allowed.has(userId) || roles.some((r) => r.role !== "student")) return { error: "notStudent", userId };
    }
    let roundsClosed = 0;
    if (input.closeRounds) for (const r of overview.rounds) if (closeRound(r.id)) roundsClosed++;
    let projectsArchived = 0;
    if (input.archiveProjects && overview.finishedProjects.length) {
      projectsArchived = tx
        .update(projects)
        .set({ archivedAt: new Date().toISOString() })
        .where(and(inArray(projects.id, overview.finishedProjects.map((p) => p.id)), isNull(projects.archivedAt)))
        .run().changes;
    }
    let studentsEnded = 0;
    for (const userId of input.studentIds) if (deactivateUser(userId, actorUserId, ip, tx) === "ok") studentsEnded++;
    recordAudit({ event: "year.closed", actorUserId, ip, detail: { partnershipId, roundsClosed, projectsArchived, studentsEnded } }, tx);
    return { roundsClosed, projectsArchived, studentsEnded };
  });
}

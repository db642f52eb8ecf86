import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  labMembers,
  labs,
  labSupervisors,
  matchingRounds,
  memberships,
  projects,
  questionEvents,
  questions,
  roundAssignments,
  schools,
  users,
} from "../../db/schema";
import { checkTransition } from "../domain/question-lifecycle";
import { recordAudit } from "./audit.server";
import { notify } from "./notify.server";
import { addProjectMember, createProject } from "./project.server";
import { partnershipsOfSchool } from "./scopes.server";

/**
 * Teacher research (issue 20): an open question taken up without students, by
 * the school's own teachers (leraar-onderzoekers) and/or a learning lab's
 * teachers. It makes the same project + plan as matching does
 * (`createProject`), the teachers become project members with role `leraar`
 * (so contract 6.5 gives them `edit`), and the question leaves the matching
 * pool by moving to `gematcht`. Permission (`question:start-teacher-research`)
 * is the caller's.
 */

/** School roles whose people can write a plan as leraar-onderzoeker. */
export const TEACHER_RESEARCH_ROLES = ["leraar", "schoolopleider"] as const;
/** More than this in one form is not a team but a mistake (and bounds the work a request can cause). */
export const MAX_TEACHERS = 40;

export type TeacherOption = { id: string; name: string; role: (typeof TEACHER_RESEARCH_ROLES)[number] };
export type LabOption = { id: string; name: string; members: { id: string; name: string }[] };

export function schoolNameOf(schoolId: string): string {
  return getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId)).get()?.name ?? "";
}

/** The school's active leraren and schoolopleiders: who may be picked. */
export function teacherOptions(schoolId: string): TeacherOption[] {
  const rows = getDb()
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), inArray(memberships.role, [...TEACHER_RESEARCH_ROLES]), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)) as TeacherOption[];
}

/** The labs of the school's partnerships that are not archived, each with its teacher members. */
export function labOptions(schoolId: string): LabOption[] {
  const db = getDb();
  const partnershipIds = partnershipsOfSchool(schoolId);
  if (partnershipIds.length === 0) return [];
  const labRows = db
    .select({ id: labs.id, name: labs.name })
    .from(labs)
    .where(and(inArray(labs.partnershipId, partnershipIds), isNull(labs.archivedAt)))
    .orderBy(asc(labs.name))
    .all();
  if (labRows.length === 0) return [];
  const members = db
    .select({ labId: labMembers.labId, id: users.id, name: users.name })
    .from(labMembers)
    .innerJoin(users, eq(users.id, labMembers.userId))
    .where(and(inArray(labMembers.labId, labRows.map((l) => l.id)), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
  return labRows.map((l) => ({ ...l, members: members.filter((m) => m.labId === l.id).map(({ id, name }) => ({ id, name })) }));
}

export type TeacherResearchInput = { questionId: string; teacherIds: readonly string[]; labId: string | null };

/** A refusal: the form field it belongs to, the locale key under `teacherResearch.errors`, and the HTTP status. */
export type TeacherResearchError = { field: "teacherIds" | "labId" | "form"; key: string; status: 400 | 404 | 409 };
export type TeacherResearchResult = { ok: true; projectId: string; planId: string } | { ok: false; error: TeacherResearchError };

const fail = (field: TeacherResearchError["field"], key: string, status: TeacherResearchError["status"] = 400): TeacherResearchResult => ({
  ok: false,
  error: { field, key, status },
});

/**
 * Starts teacher research on an open question, all or nothing. Refuses a
 * teacher who is not a leraar/schoolopleider of the question's school, an
 * unknown or empty lab, nobody at all, and a question that is no longer open
 * or is already placed with a student in a round that is not closed.
 */
export function startTeacherResearch(input: TeacherResearchInput, actorUserId: string, ip: string | null = null): TeacherResearchResult {
  const teacherIds = [...new Set(input.teacherIds.filter(Boolean))];
  if (teacherIds.length > MAX_TEACHERS) return fail("teacherIds", "tooMany");
  if (teacherIds.some((id) => id.length > 100) || (input.labId && input.labId.length > 100)) return fail("teacherIds", "teacherOutside");
  const db = getDb();
  const question = db.select().from(questions).where(eq(questions.id, input.questionId)).get();
  if (!question) return fail("form", "unknownQuestion", 404);
  const allowed = new Set(teacherOptions(question.schoolId).map((t) => t.id));
  if (teacherIds.some((id) => !allowed.has(id))) return fail("teacherIds", "teacherOutside");
  let labTeachers: string[] = [];
  if (input.labId) {
    const lab = labOptions(question.schoolId).find((l) => l.id === input.labId);
    if (!lab) return fail("labId", "unknownLab");
    if (lab.members.length === 0) return fail("labId", "labEmpty");
    labTeachers = lab.members.map((m) => m.id);
  }
  if (teacherIds.length === 0 && !input.labId) return fail("teacherIds", "nobody");

  return db.transaction((tx): TeacherResearchResult => {
    // Read again inside the transaction: the status decides, not what the form saw.
    const current = tx.select().from(questions).where(eq(questions.id, question.id)).get()!;
    if (current.status !== "open") return fail("form", "notOpen", 409);
    if (tx.select({ id: projects.id }).from(projects).where(eq(projects.questionId, question.id)).get()) return fail("form", "notOpen", 409);
    // A student's placement that is computed or published and not declined would join this project later.
    const placed = tx
      .select({ studentId: roundAssignments.studentId })
      .from(roundAssignments)
      .innerJoin(matchingRounds, eq(matchingRounds.id, roundAssignments.roundId))
      .where(
        and(
          eq(roundAssignments.questionId, question.id),
          inArray(matchingRounds.status, ["berekend", "gepubliceerd"]),
          ne(roundAssignments.studentResponse, "afgewezen"),
          ne(roundAssignments.schoolResponse, "afgewezen"),
        ),
      )
      .get();
    if (placed) return fail("form", "inRound", 409);
    const move = checkTransition(current.status, "gematcht", "system");
    if (!move.ok) return fail("form", "notOpen", 409);

    const { projectId, planId } = createProject({ questionId: current.id, schoolId: current.schoolId, title: current.title }, tx);
    // Authors first, so a teacher who also supervises keeps the pen.
    const authors = [...new Set([...teacherIds, ...labTeachers])];
    for (const userId of authors) addProjectMember(projectId, userId, "leraar", tx);
    // Begeleiders as in matching: the lab's supervisors and the question's werkplekbegeleider.
    const begeleiders = input.labId ? tx.select({ id: labSupervisors.userId }).from(labSupervisors).where(eq(labSupervisors.labId, input.labId)).all().map((r) => r.id) : [];
    if (current.supervisorId) begeleiders.push(current.supervisorId);
    for (const userId of begeleiders) addProjectMember(projectId, userId, "begeleider", tx);

    const changed = tx
      .update(questions)
      .set({ status: "gematcht", teacherResearch: true, updatedAt: new Date().toISOString() })
      .where(and(eq(questions.id, current.id), eq(questions.status, "open")))
      .run().changes;
    if (changed !== 1) throw new Error("question changed during teacher research");
    tx.insert(questionEvents).values({ questionId: current.id, actorId: actorUserId, fromStatus: "open", toStatus: "gematcht", reason: "Onderzoek door leraren" }).run();
    recordAudit({ event: "project.created", actorUserId, ip, detail: { projectId, questionId: current.id, kind: "teacher-research", labId: input.labId } }, tx);
    for (const userId of authors) {
      recordAudit({ event: "project.member_added", actorUserId, subjectUserId: userId, ip, detail: { projectId, role: "leraar" } }, tx);
      notify(tx, { userId, kind: "teacherResearch.started", params: { title: current.title }, link: `/plannen/${planId}` });
    }
    return { ok: true, projectId, planId };
  });
}

import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import {
  institutes,
  labMembers,
  labs,
  labSupervisors,
  memberships,
  partnershipInstitutes,
  partnerships,
  partnershipSchools,
  questionLabs,
  questions,
  schools,
  themes,
  users,
} from "../../db/schema";
import { parseList } from "../domain/json-list";
import { LAB_MEMBER_ROLES, LAB_SUPERVISOR_ROLES, type LabInput } from "../domain/lab-input";
import { recordAudit } from "./audit.server";
import { knowActor, type Actor } from "../domain/permissions";
import { partnershipsOfSchool } from "./scopes.server";

/** Learning labs (werkplaatsen): what they are, who supervises them, which questions they take up. */

export function listLabs(actor: Actor) {
  const db = getDb();
  const { isAdmin, partnershipIds: ids } = knowActor(actor);
  if (!isAdmin && ids.length === 0) return [];
  const rows = db
    .select({ lab: labs, partnershipName: partnerships.name, hostSchool: schools.name, hostInstitute: institutes.name })
    .from(labs)
    .innerJoin(partnerships, eq(partnerships.id, labs.partnershipId))
    .leftJoin(schools, eq(schools.id, labs.hostSchoolId))
    .leftJoin(institutes, eq(institutes.id, labs.hostInstituteId))
    .where(isAdmin ? undefined : inArray(labs.partnershipId, ids))
    .orderBy(asc(labs.name))
    .all();
  const labIds = rows.map((r) => r.lab.id);
  const supervisors = labIds.length
    ? db.select({ labId: labSupervisors.labId, name: users.name }).from(labSupervisors).innerJoin(users, eq(users.id, labSupervisors.userId)).where(inArray(labSupervisors.labId, labIds)).all()
    : [];
  const attached = labIds.length
    ? db
        .select({ labId: questionLabs.labId, id: questions.id, title: questions.title, status: questions.status })
        .from(questionLabs)
        .innerJoin(questions, eq(questions.id, questionLabs.questionId))
        .where(and(inArray(questionLabs.labId, labIds), sql`${questions.status} != 'concept'`))
        .all()
    : [];
  const themeNames = new Map(db.select({ id: themes.id, name: themes.nameNl }).from(themes).all().map((t) => [t.id, t.name]));
  return rows.map(({ lab, partnershipName, hostSchool, hostInstitute }) => ({
    ...lab,
    partnershipName,
    host: hostSchool ?? hostInstitute ?? "",
    themeNames: parseList(lab.themeIds).map((id) => themeNames.get(id) ?? id),
    supervisors: supervisors.filter((s) => s.labId === lab.id).map((s) => s.name),
    questions: attached.filter((q) => q.labId === lab.id),
  }));
}

export type NewLab = {
  partnershipId: string;
  name: string;
  description?: string;
  hostSchoolId?: string | null;
  hostInstituteId?: string | null;
  themeIds?: readonly string[];
  seats: number;
  /** ISO dates (YYYY-MM-DD). */
  periodStart: string;
  periodEnd: string;
};

/** A lab with its supervisors, in one write. Validation and permission are the caller's. */
export function createLab(input: NewLab, supervisorIds: readonly string[], db: DbOrTx = getDb()): string {
  const { id } = db
    .insert(labs)
    .values({
      partnershipId: input.partnershipId,
      name: input.name,
      description: input.description ?? "",
      hostSchoolId: input.hostSchoolId ?? null,
      hostInstituteId: input.hostInstituteId ?? null,
      themeIds: JSON.stringify(input.themeIds ?? []),
      seats: input.seats,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    })
    .returning({ id: labs.id })
    .get();
  for (const userId of supervisorIds) addLabSupervisor(id, userId, db);
  return id;
}

export function addLabSupervisor(labId: string, userId: string, db: DbOrTx = getDb()): void {
  db.insert(labSupervisors).values({ labId, userId }).onConflictDoNothing().run();
}

/** The supervisors of a question's lab (they become a project's begeleiders). */
export function labSupervisorsOfQuestion(questionId: string, db: DbOrTx = getDb()): string[] {
  // An archived lab starts no new supervision (issue 19): its supervisors are not added to new projects.
  const lab = db
    .select({ labId: questionLabs.labId })
    .from(questionLabs)
    .innerJoin(labs, and(eq(labs.id, questionLabs.labId), isNull(labs.archivedAt)))
    .where(eq(questionLabs.questionId, questionId))
    .get();
  return lab ? db.select().from(labSupervisors).where(eq(labSupervisors.labId, lab.labId)).all().map((s) => s.userId) : [];
}

/** Labs a question can be attached to (its school's partnerships), and the current one. */
export function labOptionsFor(questionId: string, schoolId: string) {
  const db = getDb();
  const partnershipIds = partnershipsOfSchool(schoolId);
  const options = partnershipIds.length
    ? db.select({ id: labs.id, name: labs.name }).from(labs).where(and(inArray(labs.partnershipId, partnershipIds), isNull(labs.archivedAt))).orderBy(asc(labs.name)).all()
    : [];
  const current = db.select({ labId: questionLabs.labId }).from(questionLabs).where(eq(questionLabs.questionId, questionId)).get()?.labId ?? null;
  return { options, current };
}

/** Attaches a question to a lab (or detaches it with null). The caller checked the lab is an option. */
export function setQuestionLab(questionId: string, labId: string | null, db: DbOrTx = getDb()) {
  db.transaction((tx) => {
    tx.delete(questionLabs).where(eq(questionLabs.questionId, questionId)).run();
    if (labId) tx.insert(questionLabs).values({ questionId, labId }).run();
  });
}

// ───────────── Checked writes for /labs and POST /api/v1/labs (issue 19) ─────────────

/** A refusal: field → locale key, and the HTTP status. */
export type LabWriteError = { errors: Record<string, string>; status: 400 | 404 | 409 };
export type LabWriteResult = { id: string; name: string } | LabWriteError;

export function isLabWriteError(result: LabWriteResult): result is LabWriteError {
  return "errors" in result;
}

const labFail = (field: string, k: string, status: 400 | 404 | 409 = 400): LabWriteError => ({ errors: { [field]: `install.labs.errors.${k}` }, status });
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/** The schools and institutes of a partnership that are not archived. */
function partnershipOrganisations(db: DbOrTx, partnershipId: string) {
  const schoolRows = db
    .select({ id: schools.id, name: schools.name })
    .from(partnershipSchools)
    .innerJoin(schools, eq(schools.id, partnershipSchools.schoolId))
    .where(and(eq(partnershipSchools.partnershipId, partnershipId), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name))
    .all();
  const instituteRows = db
    .select({ id: institutes.id, name: institutes.name })
    .from(partnershipInstitutes)
    .innerJoin(institutes, eq(institutes.id, partnershipInstitutes.instituteId))
    .where(and(eq(partnershipInstitutes.partnershipId, partnershipId), isNull(institutes.archivedAt)))
    .orderBy(asc(institutes.name))
    .all();
  return { schools: schoolRows, institutes: instituteRows };
}

/**
 * Who may supervise or join a lab of this partnership: its instituutsopleiders,
 * schoolopleiders, werkplekbegeleiders and leraren (active accounts only).
 */
export function labPeopleOf(partnershipId: string, db: DbOrTx = getDb()) {
  const orgs = partnershipOrganisations(db, partnershipId);
  const schoolIds = orgs.schools.map((s) => s.id);
  const instituteIds = orgs.institutes.map((i) => i.id);
  const orgName = new Map([...orgs.schools, ...orgs.institutes].map((o) => [o.id, o.name]));
  const rows =
    schoolIds.length || instituteIds.length
      ? db
          .select({ id: users.id, name: users.name, role: memberships.role, schoolId: memberships.schoolId, instituteId: memberships.instituteId })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              isNull(users.disabledAt),
              inArray(memberships.role, [...LAB_SUPERVISOR_ROLES]),
              or(schoolIds.length ? inArray(memberships.schoolId, schoolIds) : undefined, instituteIds.length ? inArray(memberships.instituteId, instituteIds) : undefined),
            ),
          )
          .orderBy(asc(users.name))
          .all()
      : [];
  const people = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, organisation: orgName.get(r.schoolId ?? r.instituteId ?? "") ?? "" }));
  return {
    ...orgs,
    supervisors: people,
    teachers: people.filter((p) => (LAB_MEMBER_ROLES as readonly string[]).includes(p.role)),
  };
}

/**
 * Creates a lab, or changes one (`labId`), with its supervisors and teachers,
 * in one transaction: either all of it is stored or nothing. The caller asked
 * the permission module (`lab:manage` on the partnership).
 */
export function saveLab(input: LabInput, actorUserId: string, labId?: string): LabWriteResult {
  return getDb().transaction((tx) => {
    const partnership = tx.select().from(partnerships).where(eq(partnerships.id, input.partnershipId)).get();
    if (!partnership) return labFail("partnershipId", "unknownPartnership");
    if (partnership.archivedAt) return labFail("partnershipId", "archivedPartnership");
    const existing = labId ? tx.select().from(labs).where(eq(labs.id, labId)).get() : undefined;
    if (labId && (!existing || existing.partnershipId !== input.partnershipId)) return labFail("form", "unknownLab", 404);
    const others = tx.select({ id: labs.id, name: labs.name }).from(labs).where(eq(labs.partnershipId, input.partnershipId)).all();
    if (others.some((l) => l.id !== labId && sameName(l.name, input.name))) return labFail("name", "duplicateName", 409);
    const people = labPeopleOf(input.partnershipId, tx);
    if (input.hostSchoolId && !people.schools.some((s) => s.id === input.hostSchoolId)) return labFail("host", "hostOutside");
    if (input.hostInstituteId && !people.institutes.some((i) => i.id === input.hostInstituteId)) return labFail("host", "hostOutside");
    const supervisorIds = new Set(people.supervisors.map((p) => p.id));
    if (input.supervisorIds.some((id) => !supervisorIds.has(id))) return labFail("supervisorIds", "supervisorOutside");
    const teacherIds = new Set(people.teachers.map((p) => p.id));
    if (input.memberIds.some((id) => !teacherIds.has(id))) return labFail("memberIds", "memberOutside");
    const known = new Set(tx.select({ id: themes.id }).from(themes).all().map((t) => t.id));
    if (input.themeIds.some((id) => !known.has(id))) return labFail("themeIds", "unknownTheme");

    const fields = {
      name: input.name,
      description: input.description,
      hostSchoolId: input.hostSchoolId ?? null,
      hostInstituteId: input.hostInstituteId ?? null,
      themeIds: JSON.stringify(input.themeIds),
      seats: input.seats,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      tx.update(labs).set(fields).where(eq(labs.id, id)).run();
      tx.delete(labSupervisors).where(eq(labSupervisors.labId, id)).run();
      tx.delete(labMembers).where(eq(labMembers.labId, id)).run();
      for (const userId of input.supervisorIds) addLabSupervisor(id, userId, tx);
    } else {
      id = createLab({ ...fields, partnershipId: input.partnershipId, themeIds: input.themeIds }, input.supervisorIds, tx);
    }
    for (const userId of input.memberIds) addLabMember(id, userId, tx);
    recordAudit({ event: existing ? "lab.updated" : "lab.created", actorUserId, detail: { labId: id, name: input.name, partnershipId: input.partnershipId } }, tx);
    return { id, name: input.name };
  });
}

export function addLabMember(labId: string, userId: string, db: DbOrTx = getDb()): void {
  db.insert(labMembers).values({ labId, userId }).onConflictDoNothing().run();
}

/** Archives (or restores) a lab: it keeps its questions and history but is no longer offered. */
export function setLabArchived(labId: string, archived: boolean, actorUserId: string): LabWriteResult {
  return getDb().transaction((tx) => {
    const lab = tx.select().from(labs).where(eq(labs.id, labId)).get();
    if (!lab) return labFail("form", "unknownLab", 404);
    tx.update(labs).set({ archivedAt: archived ? new Date().toISOString() : null }).where(eq(labs.id, labId)).run();
    recordAudit({ event: "lab.archived", actorUserId, detail: { labId, archived } }, tx);
    return { id: labId, name: lab.name };
  });
}

/** One lab's row (for the permission check on its partnership). */
export function findLab(labId: string) {
  if (!labId || labId.length > 100) return undefined;
  return getDb().select().from(labs).where(eq(labs.id, labId)).get();
}

/** Supervisors and teachers of these labs, with ids (the list on /labs shows names only). */
export function labPeopleIds(labIds: readonly string[]) {
  if (labIds.length === 0) return { supervisors: [], members: [] };
  const db = getDb();
  return {
    supervisors: db
      .select({ labId: labSupervisors.labId, id: users.id, name: users.name })
      .from(labSupervisors)
      .innerJoin(users, eq(users.id, labSupervisors.userId))
      .where(inArray(labSupervisors.labId, [...labIds]))
      .orderBy(asc(users.name))
      .all(),
    members: db
      .select({ labId: labMembers.labId, id: users.id, name: users.name })
      .from(labMembers)
      .innerJoin(users, eq(users.id, labMembers.userId))
      .where(inArray(labMembers.labId, [...labIds]))
      .orderBy(asc(users.name))
      .all(),
  };
}

/** The partnerships (not archived) whose labs the actor may manage, with who can supervise or join there. */
export function labManagementFor(actor: Actor) {
  const known = knowActor(actor);
  const rows = getDb()
    .select({ id: partnerships.id, name: partnerships.name })
    .from(partnerships)
    .where(and(isNull(partnerships.archivedAt), known.isAdmin ? undefined : inArray(partnerships.id, known.ledPartnershipIds.length ? [...known.ledPartnershipIds] : [""])))
    .orderBy(asc(partnerships.name))
    .all();
  return rows.map((p) => ({ ...p, ...labPeopleOf(p.id) }));
}

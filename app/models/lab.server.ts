import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { institutes, labs, labSupervisors, partnerships, questionLabs, questions, schools, themes, users } from "../../db/schema";
import { parseList } from "../domain/json-list";
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
  const lab = db.select().from(questionLabs).where(eq(questionLabs.questionId, questionId)).get();
  return lab ? db.select().from(labSupervisors).where(eq(labSupervisors.labId, lab.labId)).all().map((s) => s.userId) : [];
}

/** Labs a question can be attached to (its school's partnerships), and the current one. */
export function labOptionsFor(questionId: string, schoolId: string) {
  const db = getDb();
  const partnershipIds = partnershipsOfSchool(schoolId);
  const options = partnershipIds.length
    ? db.select({ id: labs.id, name: labs.name }).from(labs).where(inArray(labs.partnershipId, partnershipIds)).orderBy(asc(labs.name)).all()
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

import { and, asc, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { questions, schools, themes } from "../../db/schema";

/** A school's onderzoeksagenda: its questions per schooljaar in priority order. */
export function agendaFor(schoolId: string, schoolYear: string) {
  return getDb()
    .select({
      id: questions.id,
      title: questions.title,
      status: questions.status,
      priority: questions.priority,
      themeName: themes.nameNl,
      studentCapacity: questions.studentCapacity,
      supervisorName: questions.supervisorName,
      desiredOutcome: questions.desiredOutcome,
    })
    .from(questions)
    .leftJoin(themes, eq(themes.id, questions.themeId))
    .where(and(eq(questions.schoolId, schoolId), eq(questions.schoolYear, schoolYear), ne(questions.status, "gearchiveerd")))
    .orderBy(asc(questions.priority), asc(questions.createdAt))
    .all();
}

/**
 * School years offered in filters: the current one, the next, and four back.
 * Computed, not queried: a DISTINCT over all questions costs a full scan.
 */
export function recentSchoolYears(current: string): string[] {
  const start = Number(current.slice(0, 4));
  return [1, 0, -1, -2, -3, -4].map((offset) => `${start + offset}-${start + offset + 1}`);
}

export function schoolYearsOf(schoolId: string): string[] {
  return getDb()
    .selectDistinct({ year: questions.schoolYear })
    .from(questions)
    .where(eq(questions.schoolId, schoolId))
    .orderBy(desc(questions.schoolYear))
    .all()
    .map((r) => r.year);
}

/**
 * Moves one question up or down on its school's agenda by swapping it with its
 * neighbour; priorities are renumbered 1..n in the same transaction so gaps
 * and duplicates from older data disappear.
 */
export function moveOnAgenda(questionId: string, direction: "up" | "down"): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const question = tx.select().from(questions).where(eq(questions.id, questionId)).get();
    if (!question) return false;
    const list = tx
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.schoolId, question.schoolId), eq(questions.schoolYear, question.schoolYear), ne(questions.status, "gearchiveerd")))
      .orderBy(asc(questions.priority), asc(questions.createdAt))
      .all()
      .map((r) => r.id);
    const index = list.indexOf(questionId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= list.length) return false;
    [list[index], list[target]] = [list[target]!, list[index]!];
    list.forEach((id, i) => tx.update(questions).set({ priority: i + 1 }).where(eq(questions.id, id)).run());
    return true;
  });
}

/** Which of these schools are archived: their agenda stays readable but is offered nowhere and cannot be reordered (issue 19). */
export function archivedSchoolIds(schoolIds: string[]): Set<string> {
  if (schoolIds.length === 0) return new Set();
  return new Set(
    getDb()
      .select({ id: schools.id })
      .from(schools)
      .where(and(inArray(schools.id, schoolIds), isNotNull(schools.archivedAt)))
      .all()
      .map((r) => r.id),
  );
}

/** A school's name, to show an archived school's agenda reached by a link. */
export function schoolName(schoolId: string): string | null {
  return getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId)).get()?.name ?? null;
}

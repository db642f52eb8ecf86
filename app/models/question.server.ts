import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import { questionEvents, questionLinks, questions, schools, themes, users } from "../../db/schema";
import { can, SCHOOL_QUESTION_OWNERS, type Actor, type QuestionScope } from "../domain/permissions";
import { type QuestionStatus } from "../domain/question-lifecycle";
import { partnershipsOfSchools, questionScope, scopeForQuestion } from "./scopes.server";

/** Questions themselves: one question with its history and links, themes, the schools one may write for. Search lives in question-search.server.ts, status changes in question-lifecycle.server.ts, the agenda in agenda.server.ts. */
export type QuestionRow = typeof questions.$inferSelect;
export type QuestionDetail = QuestionRow & {
  schoolName: string;
  schoolCity: string;
  themeName: string | null;
  authorName: string | null;
  subQuestionList: string[];
  scope: QuestionScope;
  events: { id: number; at: string; fromStatus: QuestionStatus | null; toStatus: QuestionStatus; reason: string; actorName: string | null }[];
  links: { id: string; title: string; schoolName: string; status: QuestionStatus }[];
};

export function findQuestion(id: string): QuestionRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb().select().from(questions).where(eq(questions.id, id)).get();
}

/** One question with its history and links, or null when the actor may not see it. */
export function getQuestionForActor(actor: Actor, id: string): QuestionDetail | null {
  const db = getDb();
  const question = findQuestion(id);
  if (!question) return null;
  const scope = scopeForQuestion(question);
  if (!can(actor, "question:view", scope)) return null;
  const school = db.select().from(schools).where(eq(schools.id, question.schoolId)).get()!;
  const theme = question.themeId ? db.select().from(themes).where(eq(themes.id, question.themeId)).get() : undefined;
  const author = question.authorId ? db.select().from(users).where(eq(users.id, question.authorId)).get() : undefined;
  const events = db
    .select({
      id: questionEvents.id,
      at: questionEvents.at,
      fromStatus: questionEvents.fromStatus,
      toStatus: questionEvents.toStatus,
      reason: questionEvents.reason,
      actorName: users.name,
    })
    .from(questionEvents)
    .leftJoin(users, eq(users.id, questionEvents.actorId))
    .where(eq(questionEvents.questionId, id))
    .orderBy(asc(questionEvents.id))
    .all();
  const linkRows = db
    .select()
    .from(questionLinks)
    .where(or(eq(questionLinks.questionA, id), eq(questionLinks.questionB, id)))
    .all();
  const linkedIds = linkRows.map((l) => (l.questionA === id ? l.questionB : l.questionA));
  const linked = linkedIds.length
    ? db
        .select({ id: questions.id, title: questions.title, status: questions.status, schoolId: questions.schoolId, schoolName: schools.name })
        .from(questions)
        .innerJoin(schools, eq(schools.id, questions.schoolId))
        .where(inArray(questions.id, linkedIds))
        .all()
    : [];
  const linkedPartnerships = partnershipsOfSchools(linked.map((l) => l.schoolId));
  return {
    ...question,
    schoolName: school.name,
    schoolCity: school.city,
    themeName: theme?.nameNl ?? null,
    authorName: author?.name ?? null,
    subQuestionList: parseSubQuestions(question.subQuestions),
    scope,
    events,
    links: linked
      .filter((l) => can(actor, "question:view", questionScope(l, linkedPartnerships.get(l.schoolId) ?? [])))
      .map(({ id: linkId, title, schoolName, status }) => ({ id: linkId, title, schoolName, status })),
  };
}

export function parseSubQuestions(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function themeExists(themeId: string): boolean {
  return !!getDb().select({ id: themes.id }).from(themes).where(eq(themes.id, themeId)).get();
}

export function listThemes() {
  return getDb().select().from(themes).orderBy(asc(themes.sortOrder)).all();
}

/** The schools the actor may write questions for. */
export function schoolsActorCanWriteFor(actor: Actor) {
  const ids = [
    ...new Set(actor.memberships.filter((m) => m.schoolId && SCHOOL_QUESTION_OWNERS.includes(m.role)).map((m) => m.schoolId!)),
  ];
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: schools.id, name: schools.name, sector: schools.sector })
    .from(schools)
    // An archived school keeps its history but gets no new questions (issue 19).
    .where(and(inArray(schools.id, ids), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name))
    .all();
}

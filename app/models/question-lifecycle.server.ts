import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { memberships, questionEvents, questionLinks, questions } from "../../db/schema";
import { SCHOOL_QUESTION_OWNERS } from "../domain/permissions";
import { checkTransition, isQuestionStatus, type QuestionStatus, type TransitionActor } from "../domain/question-lifecycle";
import { missingForSubmission } from "../domain/question-completeness";
import type { QuestionInput } from "../domain/question-schema";
import { partnershipsOfSchool } from "./scopes.server";
import { type QuestionRow } from "./question.server";
import { notify } from "./notify.server";

/** Writing and moving questions: create, edit, status transitions with history and notifications, links between questions. */
type Content = Omit<QuestionInput, "intent" | "schoolId">;

function contentColumns(input: Content) {
  return {
    title: input.title,
    background: input.background,
    desiredOutcome: input.desiredOutcome,
    visionFit: input.visionFit,
    themeId: input.themeId || null, // a concept may leave it open
    subQuestions: JSON.stringify(input.subQuestions),
    sector: input.sector,
    schoolYear: input.schoolYear,
    studentCapacity: input.studentCapacity,
    supervisorName: input.supervisorName,
    supervisionCapacity: input.supervisionCapacity,
    // Issue 20: a person of the school's staff (checked by the form parser), or supervision from the lab or institute.
    supervisorId: input.supervisorId && input.supervisorId !== "extern" ? input.supervisorId : null,
    supervisionExternal: input.supervisorId === "extern",
  };
}

/** Creates a concept (and submits it straight away when asked) in one transaction. */
export function createQuestion(actorUserId: string, schoolId: string, input: Content, submit: boolean): string {
  const db = getDb();
  return db.transaction((tx) => {
    const last = tx
      .select({ max: sql<number>`coalesce(max(${questions.priority}), 0)` })
      .from(questions)
      .where(and(eq(questions.schoolId, schoolId), eq(questions.schoolYear, input.schoolYear)))
      .get()!.max;
    const row = tx
      .insert(questions)
      .values({ ...contentColumns(input), schoolId, authorId: actorUserId, priority: last + 1, status: "concept" })
      .returning({ id: questions.id })
      .get();
    tx.insert(questionEvents).values({ questionId: row.id, actorId: actorUserId, fromStatus: null, toStatus: "concept" }).run();
    if (submit) {
      // The form's strict schema guarantees this; any other caller must not submit a draft.
      if (missingForSubmission({ ...input, themeId: input.themeId || null }).length > 0) throw new Error("createQuestion: an incomplete question cannot be submitted");
      applyTransition(tx, row.id, "concept", "ingediend", actorUserId, "");
    }
    return row.id;
  });
}

/** Updates content; only while the status is still the one the caller checked. */
export function updateQuestion(id: string, expectedStatus: QuestionStatus, input: Content): boolean {
  return (
    getDb()
      .update(questions)
      .set({ ...contentColumns(input), updatedAt: new Date().toISOString() })
      .where(and(eq(questions.id, id), eq(questions.status, expectedStatus)))
      .run().changes === 1
  );
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Status change + history row + notifications; the caller has checked the rules. */
function applyTransition(tx: Tx, id: string, from: QuestionStatus, to: QuestionStatus, actorUserId: string, reason: string): boolean {
  const now = new Date().toISOString();
  const changed = tx
    .update(questions)
    .set({ status: to, updatedAt: now, ...(to === "teruggestuurd" ? { feedback: reason } : {}) })
    .where(and(eq(questions.id, id), eq(questions.status, from)))
    .run().changes;
  if (changed !== 1) return false; // someone else moved it first
  tx.insert(questionEvents).values({ questionId: id, actorId: actorUserId, fromStatus: from, toStatus: to, reason, at: now }).run();
  notifyAboutTransition(tx, id, from, to, actorUserId);
  return true;
}

/**
 * Who hears about a move: the school's question owners when someone else moved
 * it (opened, sent back, matched); the partnership's programmaleiders when the
 * school submitted or withdrew it. Never the person who made the move.
 */
function notifyAboutTransition(tx: Tx, id: string, from: QuestionStatus, to: QuestionStatus, actorUserId: string) {
  const question = tx.select({ title: questions.title, schoolId: questions.schoolId }).from(questions).where(eq(questions.id, id)).get()!;
  const schoolOwners = tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.schoolId, question.schoolId), inArray(memberships.role, [...SCHOOL_QUESTION_OWNERS])))
    .all()
    .map((r) => r.userId);
  let recipients: string[] = schoolOwners;
  if (to === "ingediend" || (from === "ingediend" && to === "concept")) {
    const partnershipIds = partnershipsOfSchool(question.schoolId);
    recipients = partnershipIds.length
      ? tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.role, "programmaleider"), inArray(memberships.partnershipId, partnershipIds)))
          .all()
          .map((r) => r.userId)
      : [];
  }
  const kind = to === "teruggestuurd" ? "question.sentBack" : "question.status";
  for (const userId of new Set(recipients)) {
    if (userId === actorUserId) continue;
    notify(tx, { userId, kind, params: { title: question.title, from, to }, link: `/vragen/${id}` });
  }
}

/** `incomplete`: a concept that still lacks what submitting needs (missingForSubmission). */
export type TransitionOutcome = "ok" | "same" | "notAllowed" | "notYours" | "reasonRequired" | "conflict" | "incomplete";

/** Moves a question if the lifecycle allows it for one of the actor's capacities. */
export function transitionQuestion(
  question: QuestionRow,
  to: string,
  actors: TransitionActor[],
  actorUserId: string,
  reason: string,
): TransitionOutcome {
  if (!isQuestionStatus(to)) return "notAllowed";
  let outcome: TransitionOutcome = actors.length === 0 ? "notYours" : "notAllowed";
  for (const as of actors) {
    const check = checkTransition(question.status, to, as, reason);
    if (check.ok) {
      return getDb().transaction((tx): TransitionOutcome => {
        if (to === "ingediend") {
          // The row as it is now, in this transaction: someone may have saved a half-written draft since the caller read it.
          const fresh = tx
            .select({
              title: questions.title,
              background: questions.background,
              desiredOutcome: questions.desiredOutcome,
              themeId: questions.themeId,
              supervisorName: questions.supervisorName,
            })
            .from(questions)
            .where(eq(questions.id, question.id))
            .get();
          if (!fresh) return "conflict";
          if (missingForSubmission(fresh).length > 0) return "incomplete";
        }
        return applyTransition(tx, question.id, question.status, to, actorUserId, reason.trim()) ? "ok" : "conflict";
      });
    }
    // Prefer the most specific refusal for the message.
    if (check.error === "reasonRequired" || check.error === "same" || outcome === "notAllowed") outcome = check.error;
  }
  return outcome;
}

/** Links two questions (idempotent). */
export function linkQuestions(a: string, b: string, actorUserId: string): void {
  const [first, second] = a < b ? [a, b] : [b, a];
  getDb().insert(questionLinks).values({ questionA: first, questionB: second, createdById: actorUserId }).onConflictDoNothing().run();
}

export function unlinkQuestions(a: string, b: string): void {
  const [first, second] = a < b ? [a, b] : [b, a];
  getDb()
    .delete(questionLinks)
    .where(and(eq(questionLinks.questionA, first), eq(questionLinks.questionB, second)))
    .run();
}

/**
 * "Opslaan en opnieuw indienen" (issue 20): a sent-back question's changes and
 * its resubmission in one transaction, so the programmaleider never sees the
 * old text resubmitted nor a saved text that silently stayed sent back.
 */
export function updateAndResubmit(id: string, input: Content, actorUserId: string): "ok" | "incomplete" | "conflict" {
  if (missingForSubmission({ ...input, themeId: input.themeId || null }).length > 0) return "incomplete";
  return getDb().transaction((tx) => {
    const changed = tx
      .update(questions)
      .set({ ...contentColumns(input), updatedAt: new Date().toISOString() })
      .where(and(eq(questions.id, id), eq(questions.status, "teruggestuurd")))
      .run().changes;
    if (changed !== 1) return "conflict";
    return applyTransition(tx, id, "teruggestuurd", "ingediend", actorUserId, "") ? "ok" : "conflict";
  });
}

import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  labs,
  matchingRounds,
  memberships,
  partnershipSchools,
  questions,
  roundAssignments,
  roundRankings,
  roundSchoolSettings,
  schoolShortages,
  users,
} from "../../db/schema";
import { MAX_RANKS } from "../domain/round-rules";
import { isRoundLocked, summariseRound, type RoundSummary } from "../domain/round-summary";
import { openQuestionsOf, schoolSettingsOf, type RoundRow } from "./matching.server";
import { notify } from "./notify.server";

/**
 * The locked matching round (issue 20): a summary before publishing, an
 * explicit confirmation, no change after it, and a follow-up round for those
 * left without a place. Kept apart from matching.server.ts (rankings, the run,
 * answers to proposals) so both can change without stepping on each other.
 */

export { isRoundLocked };

/** Each school's settings in the round with its teacher shortage from the dashboard data. */
export function schoolSettingsWithShortage(roundId: string, partnershipId: string) {
  const settings = schoolSettingsOf(roundId, partnershipId);
  const ids = settings.map((s) => s.schoolId);
  const shortages = ids.length ? getDb().select().from(schoolShortages).where(inArray(schoolShortages.schoolId, ids)).all() : [];
  return settings.map((s) => ({ ...s, shortageTenths: shortages.find((x) => x.schoolId === s.schoolId)?.vacancyTenths ?? null }));
}

/** The summary the programmaleider confirms before publishing. */
export function roundSummaryOf(round: RoundRow): RoundSummary {
  const db = getDb();
  const settings = schoolSettingsWithShortage(round.id, round.partnershipId);
  const open = openQuestionsOf(round.partnershipId);
  // Placed questions may have moved on from `open`; they still count for their school.
  const assignments = db.select().from(roundAssignments).where(eq(roundAssignments.roundId, round.id)).all();
  const placedIds = assignments.flatMap((a) => (a.questionId ? [a.questionId] : []));
  const placedQuestions = placedIds.length
    ? db.select({ id: questions.id, schoolId: questions.schoolId, capacity: questions.studentCapacity }).from(questions).where(inArray(questions.id, placedIds)).all()
    : [];
  const questionRows = new Map<string, { id: string; schoolId: string; capacity: number; labId: string | null }>();
  for (const q of placedQuestions) questionRows.set(q.id, { ...q, labId: null });
  for (const q of open) questionRows.set(q.id, { id: q.id, schoolId: q.schoolId, capacity: q.capacity, labId: q.labId ?? null });
  const rankings = db.select().from(roundRankings).where(eq(roundRankings.roundId, round.id)).orderBy(asc(roundRankings.rank)).all();
  const labRows = db.select().from(labs).where(and(eq(labs.partnershipId, round.partnershipId), isNull(labs.archivedAt))).orderBy(asc(labs.name)).all();
  return summariseRound({
    schools: settings.map((s) => ({ id: s.schoolId, name: s.name, capacity: s.capacity, minimum: s.minimum, shortageTenths: s.shortageTenths })),
    labs: labRows.map((l) => ({ id: l.id, name: l.name, seats: l.seats })),
    questions: [...questionRows.values()],
    students: assignments.map((a) => ({
      id: a.studentId,
      ranking: rankings.filter((r) => r.studentId === a.studentId).map((r) => r.questionId),
      questionId: a.questionId,
      rank: a.rank,
    })),
    maxRank: MAX_RANKS,
  });
}

export type PublishError = "notConfirmed" | "alreadyPublished" | "notComputed";

/**
 * Publishes a computed round once the programmaleider confirmed the summary.
 * Every student hears whether they were placed; nothing is published twice.
 */
export function publishConfirmedRound(round: RoundRow, publisherId: string, confirmed: boolean, now = new Date()): PublishError | null {
  if (isRoundLocked(round.status)) return "alreadyPublished";
  if (round.status !== "berekend") return "notComputed";
  if (!confirmed) return "notConfirmed";
  const db = getDb();
  return db.transaction((tx) => {
    // The status condition makes a second, simultaneous publish change nothing.
    const changed = tx
      .update(matchingRounds)
      .set({ status: "gepubliceerd", publishedAt: now.toISOString(), publishedById: publisherId })
      .where(and(eq(matchingRounds.id, round.id), eq(matchingRounds.status, "berekend")))
      .run().changes;
    if (changed !== 1) return "alreadyPublished" as const;
    const rows = tx
      .select({ studentId: roundAssignments.studentId, questionId: roundAssignments.questionId, title: questions.title })
      .from(roundAssignments)
      .leftJoin(questions, eq(questions.id, roundAssignments.questionId))
      .where(eq(roundAssignments.roundId, round.id))
      .all();
    for (const a of rows) {
      notify(tx, {
        userId: a.studentId,
        kind: a.questionId ? "matching.placed" : "matching.notPlaced",
        params: { round: round.name, title: a.title ?? "" },
        link: "/matching",
      });
    }
    return null;
  });
}

export type FollowUpError = "notPublished" | "roundOpen";

/**
 * A follow-up round after a published one: the questions still open, for the
 * students left without a place. Schools keep the supervision places they
 * did not fill.
 */
export function createFollowUpRound(round: RoundRow, name: string, deadline: string, createdById: string): FollowUpError | null {
  if (round.status !== "gepubliceerd") return "notPublished";
  const db = getDb();
  return db.transaction((tx) => {
    const active = tx
      .select({ id: matchingRounds.id })
      .from(matchingRounds)
      .where(and(eq(matchingRounds.partnershipId, round.partnershipId), inArray(matchingRounds.status, ["open", "berekend"])))
      .get();
    if (active) return "roundOpen" as const;
    const next = tx
      .insert(matchingRounds)
      .values({ partnershipId: round.partnershipId, name, deadline, createdById, followUpOfId: round.id })
      .returning({ id: matchingRounds.id })
      .get();
    const settings = tx.select().from(roundSchoolSettings).where(eq(roundSchoolSettings.roundId, round.id)).all();
    const placed = tx
      .select({ schoolId: questions.schoolId })
      .from(roundAssignments)
      .innerJoin(questions, eq(questions.id, roundAssignments.questionId))
      .where(and(eq(roundAssignments.roundId, round.id)))
      .all();
    const schoolRows = tx.select({ id: partnershipSchools.schoolId }).from(partnershipSchools).where(eq(partnershipSchools.partnershipId, round.partnershipId)).all();
    for (const s of schoolRows) {
      const before = settings.find((x) => x.schoolId === s.id);
      const used = placed.filter((p) => p.schoolId === s.id).length;
      const capacity = Math.max(0, (before?.capacity ?? 2) - used);
      tx.insert(roundSchoolSettings).values({ roundId: next.id, schoolId: s.id, capacity, minimum: Math.min(before?.minimum ?? 0, capacity) }).run();
    }
    return null;
  });
}

/** What an unplaced student can do next: a follow-up round, the open questions, whom to contact. */
export function nextStepForUnplaced(round: RoundRow) {
  const db = getDb();
  const followUp =
    db
      .select()
      .from(matchingRounds)
      .where(and(eq(matchingRounds.partnershipId, round.partnershipId), eq(matchingRounds.followUpOfId, round.id)))
      .orderBy(desc(matchingRounds.createdAt))
      .get() ?? null;
  const contacts = db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.partnershipId, round.partnershipId), eq(memberships.role, "programmaleider")))
    .orderBy(asc(users.name))
    .all();
  return {
    followUp: followUp ? { id: followUp.id, name: followUp.name, status: followUp.status, deadline: followUp.deadline } : null,
    openQuestions: openQuestionsOf(round.partnershipId).length,
    contacts,
  };
}

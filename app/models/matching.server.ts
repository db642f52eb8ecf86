import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  labs,
  matchingRounds,
  memberships,
  partnershipInstitutes,
  partnerships,
  partnershipSchools,
  projects,
  questionEvents,
  questionLabs,
  questions,
  roundAssignments,
  roundRankings,
  roundSchoolSettings,
  schools,
  themes,
  users,
} from "../../db/schema";
import { allocate } from "../domain/matching/allocate";
import { breakTiesByPriority } from "../domain/matching/priority-tiebreak";
import { explainAllocation } from "../domain/matching/explain";
import { compareObjectives, feasibilityProblems, objectiveOf, objectiveVector } from "../domain/matching/objective";
import { labSupervisorsOfQuestion } from "./lab.server";
import { addProjectMember, createProject } from "./project.server";
import { knowActor, type Actor } from "../domain/permissions";
import { checkTransition } from "../domain/question-lifecycle";

export type RoundRow = typeof matchingRounds.$inferSelect;
import { MAX_RANKS } from "../domain/round-rules";
import { questionCapacity } from "../domain/round-summary";
import { notify } from "./notify.server";
export { MAX_RANKS };

/** The partnerships the actor belongs to (through any membership). */
export function partnershipsOf(actor: Actor): string[] {
  return [...knowActor(actor).partnershipIds];
}

/** The most recent round of each of the given partnerships. */
export function currentRounds(partnershipIds: string[]): RoundRow[] {
  if (partnershipIds.length === 0) return [];
  const rows = getDb()
    .select()
    .from(matchingRounds)
    .where(inArray(matchingRounds.partnershipId, partnershipIds))
    .orderBy(desc(matchingRounds.createdAt))
    .all();
  return partnershipIds.flatMap((id) => rows.filter((r) => r.partnershipId === id).slice(0, 1));
}

export function findRound(id: string): RoundRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb().select().from(matchingRounds).where(eq(matchingRounds.id, id)).get();
}

/** Open questions of the round's partnership: what students can rank. */
export function openQuestionsOf(partnershipId: string) {
  return getDb()
    .select({
      id: questions.id,
      title: questions.title,
      schoolId: questions.schoolId,
      schoolName: schools.name,
      city: schools.city,
      sector: questions.sector,
      themeId: questions.themeId,
      themeName: themes.nameNl,
      capacity: questions.studentCapacity,
      /** Begeleidingscapaciteit: how many students the school's supervision can take on this question. */
      supervisionCapacity: questions.supervisionCapacity,
      supervisionExternal: questions.supervisionExternal,
      /** Position on the school's agenda (1 = most important; 0 = not ranked). */
      priority: questions.priority,
      // Only an active lab: an archived one offers no places and no seats any more (issue 19).
      labId: labs.id,
      labStart: labs.periodStart,
      labEnd: labs.periodEnd,
    })
    .from(questions)
    .innerJoin(schools, eq(schools.id, questions.schoolId))
    .innerJoin(partnershipSchools, and(eq(partnershipSchools.schoolId, questions.schoolId), eq(partnershipSchools.partnershipId, partnershipId)))
    .leftJoin(themes, eq(themes.id, questions.themeId))
    .leftJoin(questionLabs, eq(questionLabs.questionId, questions.id))
    .leftJoin(labs, and(eq(labs.id, questionLabs.labId), isNull(labs.archivedAt)))
    // An archived school's open questions take no part in new rounds: its places are gone with it (issue 19).
    .where(and(eq(questions.status, "open"), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name), asc(questions.title))
    .all();
}

/** The partnership's labs that count in matching: archived labs keep their history but no seats. */
function activeLabsOf(partnershipId: string) {
  return getDb().select().from(labs).where(and(eq(labs.partnershipId, partnershipId), isNull(labs.archivedAt))).all();
}

/** Students of the institutes in the round's partnership. */
export function studentsOf(partnershipId: string) {
  return getDb()
    .selectDistinct({ id: users.id, name: users.name, email: users.email, instituteId: memberships.instituteId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(
      partnershipInstitutes,
      and(eq(partnershipInstitutes.instituteId, memberships.instituteId), eq(partnershipInstitutes.partnershipId, partnershipId)),
    )
    .where(eq(memberships.role, "student"))
    .orderBy(asc(users.name))
    .all();
}

export function rankingOf(roundId: string, studentId: string): string[] {
  return getDb()
    .select({ questionId: roundRankings.questionId })
    .from(roundRankings)
    .where(and(eq(roundRankings.roundId, roundId), eq(roundRankings.studentId, studentId)))
    .orderBy(asc(roundRankings.rank))
    .all()
    .map((r) => r.questionId);
}

export type RankingError = "closed" | "deadline" | "tooMany" | "duplicate" | "unknownQuestion";

/** Replaces a student's ranking in one transaction, after checking every choice. */
export function saveRanking(round: RoundRow, studentId: string, questionIds: string[], now = new Date()): RankingError | null {
  if (round.status !== "open") return "closed";
  if (round.deadline < now.toISOString()) return "deadline";
  if (questionIds.length > MAX_RANKS) return "tooMany";
  if (new Set(questionIds).size !== questionIds.length) return "duplicate";
  const open = new Set(openQuestionsOf(round.partnershipId).map((q) => q.id));
  if (questionIds.some((id) => !open.has(id))) return "unknownQuestion";
  getDb().transaction((tx) => {
    tx.delete(roundRankings).where(and(eq(roundRankings.roundId, round.id), eq(roundRankings.studentId, studentId))).run();
    questionIds.forEach((questionId, i) => tx.insert(roundRankings).values({ roundId: round.id, studentId, questionId, rank: i + 1 }).run());
  });
  return null;
}

export function schoolSettingsOf(roundId: string, partnershipId: string) {
  const db = getDb();
  const schoolRows = db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .innerJoin(partnershipSchools, and(eq(partnershipSchools.schoolId, schools.id), eq(partnershipSchools.partnershipId, partnershipId)))
    .where(isNull(schools.archivedAt)) // archived schools take no part in new rounds (issue 19)
    .orderBy(asc(schools.name))
    .all();
  const settings = db.select().from(roundSchoolSettings).where(eq(roundSchoolSettings.roundId, roundId)).all();
  return schoolRows.map((s) => {
    const setting = settings.find((x) => x.schoolId === s.id);
    return { schoolId: s.id, name: s.name, capacity: setting?.capacity ?? 0, minimum: setting?.minimum ?? 0 };
  });
}

export function saveSchoolSettings(roundId: string, settings: { schoolId: string; capacity: number; minimum: number }[]) {
  getDb().transaction((tx) => {
    for (const s of settings) {
      tx.insert(roundSchoolSettings)
        .values({ roundId, ...s })
        .onConflictDoUpdate({ target: [roundSchoolSettings.roundId, roundSchoolSettings.schoolId], set: { capacity: s.capacity, minimum: s.minimum } })
        .run();
    }
  });
}

export type RunOutcome = { ok: true; placed: number; unplaced: number; profile: number[] } | { ok: false; error: "busy" | "notOpen" };

/**
 * Runs the allocation: takes a lease on the round (so a second run at the
 * same time is refused, also from another process), computes with the pure
 * engine, and stores the result in one transaction — or nothing at all.
 * Accepted placements of an earlier run stay; declined choices are removed
 * from that student's ranking for the follow-up run.
 */
export function runRound(roundId: string, now = new Date()): RunOutcome {
  const db = getDb();
  const staleBefore = new Date(now.getTime() - 5 * 60 * 1000).toISOString();
  const leased = db
    .update(matchingRounds)
    .set({ runningSince: now.toISOString() })
    .where(
      and(
        eq(matchingRounds.id, roundId),
        // A published round is locked (issue 20): a follow-up round instead.
        inArray(matchingRounds.status, ["open", "berekend"]),
        or(isNull(matchingRounds.runningSince), lt(matchingRounds.runningSince, staleBefore)),
      ),
    )
    .run().changes;
  if (leased !== 1) {
    const round = findRound(roundId);
    return { ok: false, error: round && round.runningSince ? "busy" : "notOpen" };
  }
  try {
    const round = findRound(roundId)!;
    const open = openQuestionsOf(round.partnershipId);
    const existing = db.select().from(roundAssignments).where(eq(roundAssignments.roundId, roundId)).all();
    const accepted = existing.filter((a) => a.questionId && a.studentResponse === "geaccepteerd");
    const declined = existing.filter((a) => a.questionId && a.studentResponse === "afgewezen");
    const settings = schoolSettingsOf(roundId, round.partnershipId);
    const labRows = activeLabsOf(round.partnershipId);
    const usedBy = (pred: (a: (typeof accepted)[number]) => boolean) => accepted.filter(pred).length;
    const questionById = new Map(open.map((q) => [q.id, q]));
    const rankings = db.select().from(roundRankings).where(eq(roundRankings.roundId, roundId)).orderBy(asc(roundRankings.rank)).all();
    const studentIds = [...new Set(rankings.map((r) => r.studentId))].filter((id) => !accepted.some((a) => a.studentId === id));
    const input = {
      students: studentIds.map((id) => ({
        id,
        ranking: rankings
          .filter((r) => r.studentId === id && questionById.has(r.questionId))
          .filter((r) => !declined.some((d) => d.studentId === id && d.questionId === r.questionId))
          .map((r) => r.questionId),
      })),
      questions: open.map((q) => ({
        id: q.id,
        schoolId: q.schoolId,
        capacity: Math.max(0, questionCapacity(q) - usedBy((a) => a.questionId === q.id)),
        ...(q.labId ? { labId: q.labId } : {}),
      })),
      schools: settings.map((s) => ({
        id: s.schoolId,
        capacity: Math.max(0, s.capacity - usedBy((a) => questionById.get(a.questionId!)?.schoolId === s.schoolId)),
        minimum: Math.min(s.minimum, s.capacity),
      })),
      labs: labRows.map((l) => ({ id: l.id, capacity: Math.max(0, l.seats - usedBy((a) => questionById.get(a.questionId!)?.labId === l.id)) })),
    };
    const optimum = allocate(input);
    // The school's agenda priority only breaks ties; the 6.10 objective stays exactly the same.
    const priorities = Object.fromEntries(open.map((q) => [q.id, q.priority]));
    const assignments = breakTiesByPriority(input, optimum.assignments, priorities);
    const placedIds = new Set(assignments.map((a) => a.studentId));
    const result = { ...optimum, assignments, unassigned: input.students.map((s) => s.id).filter((id) => !placedIds.has(id)) };
    // The engine explains with ids; students read titles and names.
    const explanations = explainAllocation(input, result.assignments, {
      questions: Object.fromEntries(open.map((q) => [q.id, `‘${q.title}’`])),
      schools: Object.fromEntries(open.map((q) => [q.schoolId, q.schoolName])),
      labs: Object.fromEntries(labRows.map((l) => [l.id, l.name])),
    });
    db.transaction((tx) => {
      // Keep accepted placements; everything else is recomputed.
      for (const a of existing) {
        if (a.questionId && a.studentResponse === "geaccepteerd") continue;
        tx.delete(roundAssignments).where(and(eq(roundAssignments.roundId, roundId), eq(roundAssignments.studentId, a.studentId))).run();
      }
      for (const s of input.students) {
        const placed = result.assignments.find((x) => x.studentId === s.id);
        tx.insert(roundAssignments)
          .values({
            roundId,
            studentId: s.id,
            questionId: placed?.questionId ?? null,
            rank: placed?.rank ?? null,
            explanation: explanations[s.id] ?? result.explanations[s.id] ?? "",
          })
          .run();
      }
      tx.update(matchingRounds)
        .set({ status: round.status === "gepubliceerd" ? "gepubliceerd" : "berekend", computedAt: now.toISOString() })
        .where(eq(matchingRounds.id, roundId))
        .run();
    });
    return { ok: true, placed: result.assignments.length, unplaced: result.unassigned.length, profile: result.profile };
  } finally {
    db.update(matchingRounds).set({ runningSince: null }).where(eq(matchingRounds.id, roundId)).run();
  }
}

export function assignmentsOf(roundId: string) {
  return getDb()
    .select({
      studentId: roundAssignments.studentId,
      studentName: users.name,
      questionId: roundAssignments.questionId,
      questionTitle: questions.title,
      schoolId: questions.schoolId,
      schoolName: schools.name,
      rank: roundAssignments.rank,
      explanation: roundAssignments.explanation,
      studentResponse: roundAssignments.studentResponse,
      schoolResponse: roundAssignments.schoolResponse,
      projectId: roundAssignments.projectId,
    })
    .from(roundAssignments)
    .innerJoin(users, eq(users.id, roundAssignments.studentId))
    .leftJoin(questions, eq(questions.id, roundAssignments.questionId))
    .leftJoin(schools, eq(schools.id, questions.schoolId))
    .where(eq(roundAssignments.roundId, roundId))
    .orderBy(asc(schools.name), asc(users.name))
    .all();
}

/** Publishes a computed round: every placed student and school gets a proposal (notification). */
export function publishRound(round: RoundRow): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const changed = tx
      .update(matchingRounds)
      .set({ status: "gepubliceerd", publishedAt: new Date().toISOString() })
      .where(and(eq(matchingRounds.id, round.id), eq(matchingRounds.status, "berekend")))
      .run().changes;
    if (changed !== 1) return false;
    for (const a of tx.select().from(roundAssignments).where(eq(roundAssignments.roundId, round.id)).all()) {
      notify(tx, { userId: a.studentId, kind: "matching.published", params: { round: round.name }, link: "/matching" });
    }
    return true;
  });
}

export type RespondError = "notPublished" | "notFound" | "alreadyAnswered";

/**
 * A student or the school answers a proposal. When both accepted, the project
 * exists (one per question; later students join it) with an empty plan from
 * the template, and the question moves to gematcht.
 */
export function respondToProposal(
  round: RoundRow,
  studentId: string,
  side: "student" | "school",
  accept: boolean,
  actorUserId: string,
): RespondError | null {
  if (round.status !== "gepubliceerd") return "notPublished";
  const db = getDb();
  return db.transaction((tx) => {
    const assignment = tx
      .select()
      .from(roundAssignments)
      .where(and(eq(roundAssignments.roundId, round.id), eq(roundAssignments.studentId, studentId)))
      .get();
    if (!assignment?.questionId) return "notFound";
    const column = side === "student" ? "studentResponse" : "schoolResponse";
    if (assignment[column] !== "open") return "alreadyAnswered";
    const response = accept ? "geaccepteerd" : "afgewezen";
    tx.update(roundAssignments)
      .set({ [column]: response })
      .where(and(eq(roundAssignments.roundId, round.id), eq(roundAssignments.studentId, studentId)))
      .run();
    if (!accept) {
      // A declined match is not offered again in a follow-up run of this round.
      tx.delete(roundRankings)
        .where(and(eq(roundRankings.roundId, round.id), eq(roundRankings.studentId, studentId), eq(roundRankings.questionId, assignment.questionId)))
        .run();
    }
    const updated = { ...assignment, [column]: response };
    if (updated.studentResponse === "geaccepteerd" && updated.schoolResponse === "geaccepteerd") {
      createOrJoinProject(tx, assignment.questionId, studentId, actorUserId, round.id);
    }
    return null;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function createOrJoinProject(tx: Tx, questionId: string, studentId: string, actorUserId: string, roundId: string) {
  const question = tx.select().from(questions).where(eq(questions.id, questionId)).get()!;
  let project = tx.select().from(projects).where(eq(projects.questionId, questionId)).get();
  if (!project) {
    const { projectId } = createProject({ questionId, schoolId: question.schoolId, title: question.title }, tx);
    project = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
    // Begeleiders: the lab's supervisors, if the question belongs to a lab.
    for (const userId of labSupervisorsOfQuestion(questionId, tx)) addProjectMember(project.id, userId, "begeleider", tx);
    // The school's werkplekbegeleider named on the question becomes a project begeleider (issue 20).
    if (question.supervisorId) addProjectMember(project.id, question.supervisorId, "begeleider", tx);
    const move = checkTransition(question.status, "gematcht", "system");
    if (move.ok) {
      tx.update(questions).set({ status: "gematcht", updatedAt: new Date().toISOString() }).where(eq(questions.id, questionId)).run();
      tx.insert(questionEvents).values({ questionId, actorId: actorUserId, fromStatus: question.status, toStatus: "gematcht", reason: "Matchingronde" }).run();
    }
  }
  addProjectMember(project.id, studentId, "student", tx);
  tx.update(roundAssignments)
    .set({ projectId: project.id })
    .where(and(eq(roundAssignments.roundId, roundId), eq(roundAssignments.studentId, studentId)))
    .run();
}

/**
 * Opens a new round for a partnership unless one is still open or being
 * decided, and tells the partnership's students (bell, and mail by their
 * preference) that they can rank their choices until the deadline.
 */
export function createRound(partnershipId: string, name: string, deadline: string, createdById: string): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const active = tx
      .select({ id: matchingRounds.id })
      .from(matchingRounds)
      .where(and(eq(matchingRounds.partnershipId, partnershipId), inArray(matchingRounds.status, ["open", "berekend"])))
      .get();
    if (active) return false;
    const round = tx.insert(matchingRounds).values({ partnershipId, name, deadline, createdById }).returning({ id: matchingRounds.id }).get();
    // Start from the school's question capacities; the programme leader adjusts.
    const schoolRows = tx.select({ id: partnershipSchools.schoolId }).from(partnershipSchools).where(eq(partnershipSchools.partnershipId, partnershipId)).all();
    for (const s of schoolRows) tx.insert(roundSchoolSettings).values({ roundId: round.id, schoolId: s.id, capacity: 2, minimum: 0 }).run();
    const students = tx
      .selectDistinct({ id: memberships.userId })
      .from(memberships)
      .innerJoin(partnershipInstitutes, and(eq(partnershipInstitutes.instituteId, memberships.instituteId), eq(partnershipInstitutes.partnershipId, partnershipId)))
      .where(eq(memberships.role, "student"))
      .all();
    for (const student of students) notify(tx, { userId: student.id, kind: "matching.opened", params: { round: name, deadline }, link: "/matching" });
    return true;
  });
}

export function rankedStudentIds(roundId: string): string[] {
  return getDb()
    .selectDistinct({ id: roundRankings.studentId })
    .from(roundRankings)
    .where(eq(roundRankings.roundId, roundId))
    .all()
    .map((r) => r.id);
}

/** Names of these partnerships, alphabetical (the picker of someone who runs rounds for more than one). */
export function partnershipNames(ids: string[]): { id: string; name: string }[] {
  if (ids.length === 0) return [];
  return getDb().select({ id: partnerships.id, name: partnerships.name }).from(partnerships).where(inArray(partnerships.id, ids)).orderBy(asc(partnerships.name)).all();
}

export function allPartnershipIds(): string[] {
  return getDb().select({ id: partnerships.id }).from(partnerships).orderBy(asc(partnerships.name)).all().map((r) => r.id);
}

export type AdjustOutcome = { ok: true; worse: boolean } | { ok: false; error: "notComputed" | "notFound" | "infeasible" };

/**
 * A hand adjustment by the programme leader before publishing: move one
 * student to another question they ranked (or to no place). Refused when it
 * breaks a capacity or the student did not rank the question; applied with a
 * warning (`worse`) when it makes the three-level objective worse.
 */
export function adjustAssignment(round: RoundRow, studentId: string, questionId: string | null): AdjustOutcome {
  if (round.status !== "berekend") return { ok: false, error: "notComputed" };
  const db = getDb();
  const current = db.select().from(roundAssignments).where(eq(roundAssignments.roundId, round.id)).all();
  const target = current.find((a) => a.studentId === studentId);
  if (!target) return { ok: false, error: "notFound" };
  const open = openQuestionsOf(round.partnershipId);
  const rankings = db.select().from(roundRankings).where(eq(roundRankings.roundId, round.id)).orderBy(asc(roundRankings.rank)).all();
  const settings = schoolSettingsOf(round.id, round.partnershipId);
  const labRows = activeLabsOf(round.partnershipId);
  const openIds = new Set(open.map((q) => q.id));
  const input = {
    students: [...new Set(current.map((a) => a.studentId))].map((id) => ({
      id,
      ranking: rankings.filter((r) => r.studentId === id && openIds.has(r.questionId)).map((r) => r.questionId),
    })),
    questions: open.map((q) => ({ id: q.id, schoolId: q.schoolId, capacity: questionCapacity(q), ...(q.labId ? { labId: q.labId } : {}) })),
    schools: settings.map((s) => ({ id: s.schoolId, capacity: s.capacity, minimum: Math.min(s.minimum, s.capacity) })),
    labs: labRows.map((l) => ({ id: l.id, capacity: l.seats })),
  };
  const rankOf = (sid: string, qid: string) => (input.students.find((x) => x.id === sid)?.ranking.indexOf(qid) ?? -1) + 1;
  const before = current.filter((a) => a.questionId && openIds.has(a.questionId)).map((a) => ({ studentId: a.studentId, questionId: a.questionId!, rank: a.rank ?? rankOf(a.studentId, a.questionId!) }));
  const after = before.filter((a) => a.studentId !== studentId);
  if (questionId) {
    const rank = rankOf(studentId, questionId);
    if (rank === 0) return { ok: false, error: "infeasible" };
    after.push({ studentId, questionId, rank });
  }
  if (feasibilityProblems(input, after).length > 0) return { ok: false, error: "infeasible" };
  const worse = compareObjectives(objectiveVector(objectiveOf(input, after)), objectiveVector(objectiveOf(input, before))) < 0;
  const placedQuestion = questionId ? open.find((q) => q.id === questionId) : null;
  db.update(roundAssignments)
    .set({
      questionId,
      rank: questionId ? rankOf(studentId, questionId) : null,
      manual: true,
      explanation: placedQuestion
        ? `Je bent met de hand geplaatst bij je ${rankOf(studentId, questionId!)}e keuze (‘${placedQuestion.title}’, ${placedQuestion.schoolName}) door de programmaleider.`
        : "De programmaleider heeft je plaatsing met de hand aangepast: je bent in deze ronde niet geplaatst.",
    })
    .where(and(eq(roundAssignments.roundId, round.id), eq(roundAssignments.studentId, studentId)))
    .run();
  return { ok: true, worse };
}


/**
 * Closes a round at the end of the schooljaar (issue 19): no more rankings,
 * runs or answers; its assignments and projects stay. Any status but
 * `gesloten` may close. Returns false when it was closed already.
 */
export function closeRound(roundId: string): boolean {
  return (
    getDb()
      .update(matchingRounds)
      .set({ status: "gesloten" })
      .where(and(eq(matchingRounds.id, roundId), inArray(matchingRounds.status, ["open", "berekend", "gepubliceerd"])))
      .run().changes === 1
  );
}

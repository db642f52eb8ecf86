import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  memberships,
  questionProposals,
  schools,
  users,
} from "../../db/schema";
import { SCHOOL_QUESTION_OWNERS } from "../domain/permissions";
import { currentSchoolYear } from "../domain/question-schema";
import { createQuestion } from "./question-lifecycle.server";
import { notify } from "./notify.server";

/**
 * Teachers bring questions (issue 20): a leraar or schoolopleider proposes a
 * question; the school's leadership adopts it as a concept (then adapts it in
 * the question form) or declines it with a reason. Permission checks are the
 * caller's; every write notifies in the same transaction.
 */
export type ProposalRow = typeof questionProposals.$inferSelect;

export function findProposal(id: string): ProposalRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb()
    .select()
    .from(questionProposals)
    .where(eq(questionProposals.id, id))
    .get();
}

/** Proposals at the given schools (for the leadership) or by the proposer (for teachers), newest first. */
export function listProposals(filter: {
  schoolIds: readonly string[];
  proposerId: string;
}) {
  const db = getDb();
  const rows = db
    .select({
      id: questionProposals.id,
      schoolId: questionProposals.schoolId,
      schoolName: schools.name,
      proposerId: questionProposals.proposerId,
      proposerName: users.name,
      title: questionProposals.title,
      background: questionProposals.background,
      status: questionProposals.status,
      reason: questionProposals.reason,
      questionId: questionProposals.questionId,
      createdAt: questionProposals.createdAt,
    })
    .from(questionProposals)
    .innerJoin(schools, eq(schools.id, questionProposals.schoolId))
    .leftJoin(users, eq(users.id, questionProposals.proposerId))
    .orderBy(desc(questionProposals.createdAt))
    .all();
  return rows.filter(
    (r) =>
      filter.schoolIds.includes(r.schoolId) ||
      r.proposerId === filter.proposerId
  );
}

export function createProposal(input: {
  schoolId: string;
  proposerId: string;
  title: string;
  background: string;
}): string {
  return getDb().transaction((tx) => {
    const row = tx
      .insert(questionProposals)
      .values(input)
      .returning({ id: questionProposals.id })
      .get();
    const owners = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.schoolId, input.schoolId),
          inArray(memberships.role, [...SCHOOL_QUESTION_OWNERS])
        )
      )
      .all();
    for (const o of new Set(owners.map((x) => x.userId))) {
      if (o !== input.proposerId)
        notify(tx, {
          userId: o,
          kind: "proposal.new",
          params: { title: input.title },
          link: "/voorstellen",
        });
    }
    return row.id;
  });
}

/** Adopts an open proposal as a concept question of the school; returns the question id, or null when it was already decided. */
export function adoptProposal(
  proposal: ProposalRow,
  deciderId: string
): string | null {
  if (proposal.status !== "open") return null;
  const school = getDb()
    .select({ sector: schools.sector })
    .from(schools)
    .where(eq(schools.id, proposal.schoolId))
    .get();
  if (!school) return null;
  try {
    return getDb().transaction((tx) => {
      // createQuestion's own transaction nests (a savepoint): question and decision land together.
      const questionId = createQuestion(
        deciderId,
        proposal.schoolId,
        {
          title: proposal.title,
          background: proposal.background,
          desiredOutcome: "",
          visionFit: "",
          themeId: "",
          subQuestions: [],
          sector: school.sector,
          schoolYear: currentSchoolYear(),
          studentCapacity: 1,
          supervisorName: "",
          supervisorId: "",
          supervisionCapacity: 1,
        },
        false
      );
      const changed = tx
        .update(questionProposals)
        .set({
          status: "overgenomen",
          decidedById: deciderId,
          decidedAt: new Date().toISOString(),
          questionId,
        })
        .where(
          and(
            eq(questionProposals.id, proposal.id),
            eq(questionProposals.status, "open")
          )
        )
        .run().changes;
      if (changed !== 1) throw new AlreadyDecided();
      if (proposal.proposerId)
        notify(tx, {
          userId: proposal.proposerId,
          kind: "proposal.adopted",
          params: { title: proposal.title },
          link: `/vragen/${questionId}`,
        });
      return questionId;
    });
  } catch (error) {
    if (error instanceof AlreadyDecided) return null; // someone else decided first; the concept was undone
    throw error;
  }
}

class AlreadyDecided extends Error {}

/** Declines an open proposal with a reason the proposer sees. */
export function declineProposal(
  proposal: ProposalRow,
  deciderId: string,
  reason: string
): boolean {
  if (proposal.status !== "open") return false;
  return getDb().transaction((tx) => {
    const changed = tx
      .update(questionProposals)
      .set({
        status: "afgewezen",
        reason,
        decidedById: deciderId,
        decidedAt: new Date().toISOString(),
      })
      .where(
        and(
          eq(questionProposals.id, proposal.id),
          eq(questionProposals.status, "open")
        )
      )
      .run().changes;
    if (changed !== 1) return false;
    if (proposal.proposerId)
      notify(tx, {
        userId: proposal.proposerId,
        kind: "proposal.declined",
        params: { title: proposal.title, reason },
        link: "/voorstellen",
      });
    return true;
  });
}

import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { matchingRounds, partnershipSchools, projects, questionProposals, questions, roundAssignments, schools } from "../../db/schema";
import { SCHOOL_QUESTION_OWNERS, SCHOOL_ROLES, type KnownActor } from "../domain/permissions";
import { schoolsWhere } from "../domain/policies/actor";
import { currentRounds, rankingOf } from "./matching.server";
import { listPlansFor } from "./plan.server";
import { openActionsOwnedBy } from "./action-owners.server";
import { consentsWaitingFor } from "./consent-notices.server";

/**
 * "Nobody waits in silence" (issue 20): what each person should do next, for
 * the dashboard. Every item is something the person may see anyway; the
 * lists come from the same scopes the pages use.
 */
export type NextSteps = {
  /** Programmaleider: submitted questions waiting for triage in the partnerships they lead. */
  triage: number | null;
  /** Schoolleider/onderzoekscoördinator: questions sent back to their school. */
  returned: { id: string; title: string; feedback: string | null }[];
  /** Schoolleider/onderzoekscoördinator: teachers' proposals waiting for an answer. */
  proposals: number;
  /** Students and begeleiders: their plans and what they may do in them. */
  plans: { id: string; title: string; access: "edit" | "comment" | "read" }[];
  /** Students: their placement in the latest published round. */
  placement: { roundName: string; questionTitle: string | null; responded: boolean; projectId: string | null } | null;
  /** Staff of a school: the projects running there. */
  schoolProjects: { id: string; title: string }[];
  /** Leraar/schoolopleider: they can bring a question to their school's leadership. */
  canPropose: boolean;
  /** Anyone who owns implementation actions: their open ones (issue 20, actions that spread ownership). */
  myActions: ReturnType<typeof openActionsOwnedBy>;
  /** Schoolleiders and students: results waiting for their consent to be shared beyond the school. */
  consentsWaiting: { id: string; title: string }[];
  /** Students: a round of their partnership open for ranking, and whether they ranked already. */
  rankRound: { name: string; deadline: string; ranked: boolean } | null;
  /** Schoolleider/onderzoekscoördinator of a school without any question yet: write the first one. */
  firstQuestion: boolean;
};

export function nextStepsFor(actor: KnownActor): NextSteps {
  const db = getDb();
  const led = actor.ledPartnershipIds;
  const triage = led.length
    ? db
        .select({ n: sql<number>`count(distinct ${questions.id})` })
        .from(questions)
        .innerJoin(partnershipSchools, eq(partnershipSchools.schoolId, questions.schoolId))
        .where(and(eq(questions.status, "ingediend"), inArray(partnershipSchools.partnershipId, [...led])))
        .get()!.n
    : null;
  const owned = schoolsWhere(actor, SCHOOL_QUESTION_OWNERS);
  const returned = owned.length
    ? db
        .select({ id: questions.id, title: questions.title, feedback: questions.feedback })
        .from(questions)
        .where(and(eq(questions.status, "teruggestuurd"), inArray(questions.schoolId, owned)))
        .orderBy(desc(questions.updatedAt))
        .all()
    : [];
  const proposals = owned.length
    ? db
        .select({ n: sql<number>`count(*)` })
        .from(questionProposals)
        .where(and(eq(questionProposals.status, "open"), inArray(questionProposals.schoolId, owned)))
        .get()!.n
    : 0;
  const writesOrSupervises = actor.memberships.some((m) => m.role === "student" || m.role === "instituutsopleider" || m.role === "werkplekbegeleider" || m.role === "leraar");
  // A schoolopleider comments on every plan at the school (listed under the school's projects); here only the ones they co-write (teacher research).
  const coWrites = actor.memberships.some((m) => m.role === "schoolopleider");
  const plans =
    writesOrSupervises || coWrites
      ? listPlansFor(actor)
          .filter((p) => (writesOrSupervises ? p.access !== "read" : p.access === "edit"))
          .map((p) => ({ id: p.plan.id, title: p.plan.title, access: p.access }))
      : [];
  const isStudent = actor.memberships.some((m) => m.role === "student");
  const latest = isStudent
    ? db
        .select({
          roundName: matchingRounds.name,
          questionTitle: questions.title,
          response: roundAssignments.studentResponse,
          projectId: roundAssignments.projectId,
          questionId: roundAssignments.questionId,
        })
        .from(roundAssignments)
        .innerJoin(matchingRounds, eq(matchingRounds.id, roundAssignments.roundId))
        .leftJoin(questions, eq(questions.id, roundAssignments.questionId))
        .where(and(eq(roundAssignments.studentId, actor.userId), isNotNull(matchingRounds.publishedAt)))
        .orderBy(desc(matchingRounds.publishedAt))
        .get()
    : undefined;
  // On an empty installation these two were the only things to do, and the card said "nothing".
  const openRound = isStudent ? currentRounds([...actor.partnershipIds]).find((r) => r.status === "open") : undefined;
  const firstQuestion = owned.length > 0 && !db.select({ id: questions.id }).from(questions).where(inArray(questions.schoolId, owned)).limit(1).get();
  const staffSchools = schoolsWhere(actor, SCHOOL_ROLES);
  const schoolProjects = staffSchools.length
    ? db
        .select({ id: projects.id, title: projects.title })
        .from(projects)
        .innerJoin(schools, eq(schools.id, projects.schoolId))
        .where(inArray(projects.schoolId, staffSchools))
        .orderBy(projects.title)
        .all()
    : [];
  return {
    triage,
    returned,
    proposals,
    plans,
    placement: latest
      ? { roundName: latest.roundName, questionTitle: latest.questionId ? latest.questionTitle : null, responded: latest.response !== "open", projectId: latest.projectId }
      : null,
    schoolProjects,
    canPropose: schoolsWhere(actor, ["leraar", "schoolopleider"]).length > 0,
    myActions: openActionsOwnedBy(actor.userId),
    consentsWaiting: consentsWaitingFor(actor.userId),
    rankRound: openRound ? { name: openRound.name, deadline: openRound.deadline, ranked: rankingOf(openRound.id, actor.userId).length > 0 } : null,
    firstQuestion,
  };
}

import { and, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { memberships, projectMembers, resultConsents, results } from "../../db/schema";
import { consentState } from "./result-publish.server";
import { notify } from "./notify.server";

/**
 * "A result needs your consent" (issue 20): when someone asks to publish a
 * result beyond the school, everyone whose consent is still missing — the
 * project's students and the school's schoolleiders — is told, in the same
 * transaction as the request. The person who asked has consented already.
 */
export function askConsents(tx: DbOrTx, resultId: string, requesterId: string): void {
  const state = consentState(resultId, tx as Parameters<typeof consentState>[1]);
  if (!state?.requested || state.complete) return;
  const asked = new Set([...state.missingStudents.map((s) => s.userId), ...(state.leaderConsented ? [] : state.leaders)]);
  asked.delete(requesterId);
  for (const userId of asked) {
    notify(tx, {
      userId,
      kind: "result.consentAsked",
      params: { title: state.result.title, level: state.requested },
      link: `/opbrengsten/${resultId}`,
    });
  }
}

/**
 * The results that wait for this person's consent: a request is open, it is
 * not complete, and they are asked (a student of the project, or a
 * schoolleider of the school while no schoolleider has consented yet).
 */
export function consentsWaitingFor(userId: string): { id: string; title: string }[] {
  const db = getDb();
  const leaderSchools = db
    .select({ schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "schoolleider")))
    .all()
    .flatMap((m) => (m.schoolId ? [m.schoolId] : []));
  const ownProjects = db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, userId), eq(projectMembers.role, "student")))
    .all()
    .map((p) => p.projectId);
  if (leaderSchools.length === 0 && ownProjects.length === 0) return [];
  // Candidates: results with an open request at the person's schools or projects; consentState decides.
  const candidates = db
    .selectDistinct({ id: results.id, schoolId: results.schoolId, projectId: results.projectId })
    .from(results)
    .innerJoin(resultConsents, eq(resultConsents.resultId, results.id))
    .where(inArray(results.schoolId, leaderSchools.length ? leaderSchools : [""]))
    .all()
    .concat(
      ownProjects.length
        ? db
            .selectDistinct({ id: results.id, schoolId: results.schoolId, projectId: results.projectId })
            .from(results)
            .innerJoin(resultConsents, eq(resultConsents.resultId, results.id))
            .where(inArray(results.projectId, ownProjects))
            .all()
        : [],
    );
  const waiting: { id: string; title: string }[] = [];
  for (const id of new Set(candidates.map((c) => c.id))) {
    const state = consentState(id);
    if (!state?.requested || state.complete || state.consentedIds.includes(userId)) continue;
    const asStudent = state.missingStudents.some((s) => s.userId === userId);
    const asLeader = !state.leaderConsented && state.leaders.includes(userId);
    if (asStudent || asLeader) waiting.push({ id, title: state.result.title });
  }
  return waiting;
}

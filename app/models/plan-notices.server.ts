import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { plans, projectMembers } from "../../db/schema";
import { notify } from "./notify.server";

/**
 * Tells a plan's authors (students, or teachers in teacher research) that
 * something happened that they should act on (issue 20): a begeleider or the
 * school commented, the ethics checklist was signed off. The actor is never
 * told about their own act, and authors commenting among themselves is not news.
 */
export function notifyPlanAuthors(tx: DbOrTx, planId: string, actorId: string, kind: "plan.commented" | "plan.ethicsSignedOff"): void {
  const plan = tx.select({ projectId: plans.projectId, title: plans.title }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) return;
  const authors = tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, plan.projectId), inArray(projectMembers.role, ["student", "leraar"]), ne(projectMembers.userId, actorId)))
    .all();
  const actorIsAuthor = tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, plan.projectId), eq(projectMembers.userId, actorId), inArray(projectMembers.role, ["student", "leraar"])))
    .get();
  if (actorIsAuthor) return;
  for (const a of authors) notify(tx, { userId: a.userId, kind, params: { title: plan.title }, link: `/plannen/${planId}` });
}

/** After the begeleider signed the ethics checklist off (the sign-off itself lives in the plan document). */
export function announceEthicsSignedOff(planId: string, begeleiderId: string): void {
  notifyPlanAuthors(getDb(), planId, begeleiderId, "plan.ethicsSignedOff");
}

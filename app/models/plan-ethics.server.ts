import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDb } from "../../db/client";
import { partnerships, partnershipSchools, projects, schools } from "../../db/schema";
import { ETHICS_MAP, readEthics, strictestConsentPolicy, type ConsentPolicy, type EthicsAnswers } from "../domain/plan-ethics";
import { persistedPlanState } from "./plan-doc.server";
import { applyPlanChange } from "./plan-live.server";
import type { PlanRow } from "./plan.server";

export function persistedEthics(planId: string): EthicsAnswers {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, persistedPlanState(planId));
    return readEthics(doc.getMap(ETHICS_MAP).toJSON());
  } finally {
    doc.destroy();
  }
}

/** The begeleider's sign-off, written into the plan doc as a new change (live clients see it at once). */
export function signOffEthics(planId: string, user: { id: string; name: string }): void {
  applyPlanChange(planId, user.id, (doc) => {
    doc.getMap(ETHICS_MAP).set("signedOff", { name: user.name, at: new Date().toISOString() });
  });
}

export function schoolNameOf(plan: PlanRow): string {
  return (
    getDb()
      .select({ name: schools.name })
      .from(projects)
      .innerJoin(schools, eq(schools.id, projects.schoolId))
      .where(eq(projects.id, plan.projectId))
      .get()?.name ?? ""
  );
}

/** The consent policy of the plan's school: the strictest of its partnerships' settings. */
export function consentPolicyOf(plan: PlanRow): ConsentPolicy {
  const rows = getDb()
    .select({ age: partnerships.parentalConsentUnderAge })
    .from(projects)
    .innerJoin(partnershipSchools, eq(partnershipSchools.schoolId, projects.schoolId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipSchools.partnershipId))
    .where(eq(projects.id, plan.projectId))
    .all();
  return strictestConsentPolicy(rows.map((r) => r.age));
}

import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDb } from "../../db/client";
import { partnerships, partnershipSchools, projects, schools } from "../../db/schema";
import { planSectionsFromUpdate, type PlanSectionContent } from "../domain/plan-document";
import {
  ETHICS_MAP,
  ethicsChecklistBlocks,
  readEthics,
  strictestConsentPolicy,
  withEthicsChecklist,
  type ConsentPolicy,
  type EthicsAnswers,
} from "../domain/plan-ethics";
import { formatWhen } from "../editor/format";
import { tFor } from "../utils/i18n.server";
import { persistedPlanState } from "./plan-doc.server";
import { applyPlanChange } from "./plan-live.server";
import type { PlanRow } from "./plan.server";

export function persistedEthics(planId: string): EthicsAnswers {
  return ethicsOfState(persistedPlanState(planId));
}

function ethicsOfState(state: Uint8Array): EthicsAnswers {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readEthics(doc.getMap(ETHICS_MAP).toJSON());
  } finally {
    doc.destroy();
  }
}

/**
 * The persisted plan as the exports show it (Markdown, Word, print): every
 * section, and under Ethiek & AVG the checklist with its sign-off. In Dutch,
 * like the section headings (contract 6.6), whatever the reader's language.
 */
export function planSectionsForExport(plan: PlanRow): PlanSectionContent[] {
  const state = persistedPlanState(plan.id);
  const checklist = ethicsChecklistBlocks({
    answers: ethicsOfState(state),
    policy: consentPolicyOf(plan),
    t: tFor("nl"),
    formatDate: (iso) => formatWhen(iso, "nl"),
  });
  return withEthicsChecklist(planSectionsFromUpdate(state), checklist);
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

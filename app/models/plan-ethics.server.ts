import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDb } from "../../db/client";
import { partnerships, partnershipSchools, projects, schools } from "../../db/schema";
import { planSectionsFromUpdate, type PlanSectionContent } from "../domain/plan-document";
import {
  ETHICS_MAP,
  ETHICS_SIGNOFF_MAP,
  SIGNOFF_KEY,
  ethicsChecklistBlocks,
  ethicsComplete,
  ethicsFingerprint,
  readEthics,
  readEthicsFromDoc,
  signOffRecord,
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
    return readEthicsFromDoc(doc);
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

/**
 * The begeleider's sign-off, written by the server into the plan doc's
 * server-only map as a new change (live clients see it at once). It signs the
 * answers as they are in the live document at this moment, and only when they
 * are still the ones the begeleider saw (`seen`, a fingerprint from the page),
 * so a change made while they read is never signed unseen.
 */
export function signOffEthics(
  planId: string,
  user: { id: string; name: string },
  seen?: string,
): "signed" | "incomplete" | "changed" {
  let outcome: "signed" | "incomplete" | "changed" = "incomplete";
  applyPlanChange(planId, user.id, (doc) => {
    const answers = readEthics(doc.getMap(ETHICS_MAP).toJSON());
    if (!ethicsComplete(answers)) return;
    if (seen !== undefined && seen !== ethicsFingerprint(answers)) {
      outcome = "changed";
      return;
    }
    doc.getMap(ETHICS_SIGNOFF_MAP).set(SIGNOFF_KEY, signOffRecord(answers, user, new Date()));
    outcome = "signed";
  });
  return outcome;
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

import { and, eq, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { expertGroupResults, resultConsents, results } from "../../db/schema";
import type { ResultVisibility } from "../domain/permissions";
import { RESULT_VISIBILITIES } from "../domain/result-types";
import { askConsents } from "./consent-notices.server";
import { consentState, giveConsent } from "./result-publish.server";

/** school < partnership < region < public */
export function visibilityRank(level: ResultVisibility): number {
  return RESULT_VISIBILITIES.indexOf(level);
}

/** Expert groups are regional: only region and public results may be shared into one. */
export const GROUP_VISIBILITIES: readonly ResultVisibility[] = ["region", "public"];

export type VisibilityChange = "lowered" | "requested" | "raised" | "unchanged" | "notAConsenter";

/**
 * Changes a published result's visibility; the caller checked
 * result:set-visibility. Lowering takes effect at once: open requests for
 * more are dropped, and a result that no longer reaches the region leaves its
 * expert groups (the OAI trigger makes a formerly public one a deleted
 * record). Raising is asked as at publishing: it is recorded as this person's
 * consent and takes effect with the last missing consent (the project's
 * students and a schoolleider); only those who consent can ask.
 */
export function changeVisibility(resultId: string, userId: string, wanted: ResultVisibility): VisibilityChange {
  const db = getDb();
  const current = db.select({ visibility: results.visibility }).from(results).where(eq(results.id, resultId)).get();
  if (!current) return "unchanged";
  if (wanted === current.visibility) {
    // Asking for the level it has: withdraw any open request for more.
    db.delete(resultConsents).where(eq(resultConsents.resultId, resultId)).run();
    return "unchanged";
  }
  if (visibilityRank(wanted) < visibilityRank(current.visibility)) {
    db.transaction((tx) => {
      tx.update(results).set({ visibility: wanted }).where(eq(results.id, resultId)).run();
      tx.delete(resultConsents).where(eq(resultConsents.resultId, resultId)).run();
      if (!GROUP_VISIBILITIES.includes(wanted)) tx.delete(expertGroupResults).where(eq(expertGroupResults.resultId, resultId)).run();
    });
    return "lowered";
  }
  const state = consentState(resultId);
  if (!state || (!state.studentIds.includes(userId) && !state.leaders.includes(userId))) return "notAConsenter";
  // A new request replaces an older one for another level; then this person consents to it.
  db.delete(resultConsents).where(and(eq(resultConsents.resultId, resultId), ne(resultConsents.visibility, wanted))).run();
  const role = state.studentIds.includes(userId) ? "student" : "schoolleider";
  db.insert(resultConsents)
    .values({ resultId, userId, role, visibility: wanted, at: new Date().toISOString() })
    .onConflictDoUpdate({ target: [resultConsents.resultId, resultConsents.userId], set: { visibility: wanted, at: new Date().toISOString() } })
    .run();
  giveConsent(resultId, userId);
  const after = db.select({ visibility: results.visibility }).from(results).where(eq(results.id, resultId)).get();
  if (after?.visibility === wanted) return "raised";
  // Still missing consents: those asked are told (issue 20).
  db.transaction((tx) => askConsents(tx, resultId, userId));
  return "requested";
}

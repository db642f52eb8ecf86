import { and, desc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDb } from "../../db/client";
import { planVersions, users } from "../../db/schema";
import { PLAN_SECTIONS, PLAN_SIGNALS_MAP, RESTORE_SIGNAL, sectionFragmentName, type RestoreSignal } from "../domain/plan-template";
import { persistedPlanState } from "./plan-doc.server";
import { applyPlanChange } from "./plan-live.server";

export type VersionSummary = { id: string; name: string; authorName: string | null; createdAt: string };

export function listVersions(planId: string): VersionSummary[] {
  return getDb()
    .select({ id: planVersions.id, name: planVersions.name, authorName: users.name, createdAt: planVersions.createdAt })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.authorId))
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.createdAt))
    .all();
}

/** A version of this plan (never of another one: the plan id is part of the lookup). */
export function findVersion(planId: string, versionId: string) {
  if (!versionId || versionId.length > 100) return undefined;
  return getDb()
    .select({
      id: planVersions.id,
      name: planVersions.name,
      state: planVersions.state,
      createdAt: planVersions.createdAt,
      authorName: users.name,
    })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.authorId))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.id, versionId)))
    .get();
}

/** Freezes the persisted text under a name ("Ingediend ter beoordeling"). */
export function freezeVersion(planId: string, name: string, authorId: string): string {
  const state = persistedPlanState(planId);
  const row = getDb()
    .insert(planVersions)
    .values({ planId, name, state: Buffer.from(state), authorId })
    .returning({ id: planVersions.id })
    .get();
  return row.id;
}

/**
 * Restores a version as a new change: every section's content is replaced by
 * a copy of the version's, so history (and other versions) stay intact. The
 * text as it was just before is frozen first (`safetyName`), so a restore can
 * always be undone by restoring that one. Live co-authors get a signal in the
 * same change, so their text does not change without a word.
 */
export function restoreVersion(
  planId: string,
  version: { state: Uint8Array; name: string },
  user: { id: string; name: string },
  safetyName: string,
): string {
  const safetyId = freezeVersion(planId, safetyName, user.id);
  const source = new Y.Doc();
  Y.applyUpdate(source, version.state);
  const signal: RestoreSignal = { at: new Date().toISOString(), byId: user.id, byName: user.name, versionName: version.name };
  try {
    applyPlanChange(planId, user.id, (doc) => {
      doc.getMap(PLAN_SIGNALS_MAP).set(RESTORE_SIGNAL, signal);
      for (const s of PLAN_SECTIONS) {
        const name = sectionFragmentName(s.id);
        const target = doc.getXmlFragment(name);
        const copy = source
          .getXmlFragment(name)
          .toArray()
          .map((node) => (node as Y.XmlElement | Y.XmlText).clone());
        if (target.length > 0) target.delete(0, target.length);
        if (copy.length > 0) target.insert(0, copy);
      }
    });
  } finally {
    source.destroy();
  }
  return safetyId;
}

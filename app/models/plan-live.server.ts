import * as Y from "yjs";
import { EthicsLapseWatch } from "./ethics-lapse.server";
import { appendPlanUpdate, compactPlan, loadPersistedPlan } from "./plan-doc.server";

/**
 * Server-side changes to a plan's text (restoring a version) must go through
 * the live room when one is loaded, or its next compaction would drop them.
 * The collaboration server registers itself here; the Remix build has its own
 * module copies, hence a key on globalThis (like db/client.ts).
 */
export type PlanChange = (doc: Y.Doc) => void;
export type CollabHub = {
  applyChange: (planId: string, userId: string | null, change: PlanChange) => void;
  /** Folds a loaded room's log into its snapshot; false when the plan is not loaded. */
  compact?: (planId: string) => boolean;
};

const hubKey = Symbol.for("samen-onderzoeken.collab-hub");
type GlobalWithHub = typeof globalThis & { [hubKey]?: CollabHub };

export function registerCollabHub(hub: CollabHub | null): void {
  const g = globalThis as GlobalWithHub;
  if (hub) g[hubKey] = hub;
  else delete g[hubKey];
}

/** Applies `change` as one new update: live (persisted, then relayed) or straight to the log. */
export function applyPlanChange(planId: string, userId: string | null, change: PlanChange): void {
  const hub = (globalThis as GlobalWithHub)[hubKey];
  if (hub) {
    hub.applyChange(planId, userId, change);
    return;
  }
  applyChangeToStoredPlan(planId, userId, change);
}

/** For a plan not loaded anywhere: load, change, append the one resulting update. */
export function applyChangeToStoredPlan(planId: string, userId: string | null, change: PlanChange): void {
  const { doc } = loadPersistedPlan(planId);
  try {
    const updates: Uint8Array[] = [];
    // A change here (restoring a version) can make the ethics sign-off lapse, as a live edit can.
    const watch = new EthicsLapseWatch(planId, doc);
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.transact(() => change(doc));
    if (updates.length > 0) {
      appendPlanUpdate(planId, Y.mergeUpdates(updates), userId);
      watch.afterPersist([userId]);
    }
  } finally {
    doc.destroy();
  }
}

/**
 * Folds the plan's update log into its snapshot now (erasure: the old rows may
 * hold a name that the latest state no longer has). Through the live room when
 * loaded, so its own bookkeeping stays right; else from the stored plan.
 */
export function compactPlanNow(planId: string): void {
  const hub = (globalThis as GlobalWithHub)[hubKey];
  if (hub?.compact?.(planId)) return;
  const { doc, throughUpdateId, logRows } = loadPersistedPlan(planId);
  try {
    if (logRows > 0) compactPlan(planId, Y.encodeStateAsUpdate(doc), throughUpdateId);
  } finally {
    doc.destroy();
  }
}

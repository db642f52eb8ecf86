import * as Y from "yjs";
import { getDb } from "../../db/client";

/**
 * The persisted Yjs state of a plan: a snapshot (plan_snapshots) plus the
 * update log after it (plan_updates). Used by the collaboration server and by
 * everything that must show "the plan as persisted" (export.md, versions).
 * Hot paths use prepared statements on the raw better-sqlite3 handle.
 */

export type PersistedPlan = { doc: Y.Doc; throughUpdateId: number; logRows: number };

function statements() {
  const sqlite = getDb().$client;
  return {
    snapshot: sqlite.prepare<[string], { state: Buffer; through_update_id: number }>(
      "select state, through_update_id from plan_snapshots where plan_id = ?",
    ),
    log: sqlite.prepare<[string, number], { id: number; update: Buffer }>(
      "select id, \"update\" from plan_updates where plan_id = ? and id > ? order by id",
    ),
    append: sqlite.prepare<[string, Buffer, string | null, string]>(
      "insert into plan_updates (plan_id, \"update\", user_id, created_at) values (?, ?, ?, ?)",
    ),
    upsertSnapshot: sqlite.prepare<[string, Buffer, number, string]>(
      `insert into plan_snapshots (plan_id, state, through_update_id, updated_at) values (?, ?, ?, ?)
       on conflict(plan_id) do update set state = excluded.state, through_update_id = excluded.through_update_id, updated_at = excluded.updated_at`,
    ),
    deleteFolded: sqlite.prepare<[string, number]>("delete from plan_updates where plan_id = ? and id <= ?"),
  };
}

// One set of prepared statements per database handle (tests reopen databases).
let cache: { db: unknown; s: ReturnType<typeof statements> } | undefined;
function stmts() {
  const db = getDb();
  if (!cache || cache.db !== db) cache = { db, s: statements() };
  return cache.s;
}

/** A load that must not be mistaken for an empty plan. */
export class PlanLoadError extends Error {}

export const LOAD_ORIGIN = Symbol("plan-load");

/**
 * Builds the plan's document from snapshot + log. Throws PlanLoadError when a
 * stored blob cannot be read: the caller must refuse to serve, never start from
 * an empty document that would later be compacted over the stored one.
 */
export function loadPersistedPlan(planId: string): PersistedPlan {
  const s = stmts();
  const doc = new Y.Doc({ gc: true });
  let throughUpdateId = 0;
  let logRows = 0;
  try {
    const snapshot = s.snapshot.get(planId);
    doc.transact(() => {
      if (snapshot) {
        Y.applyUpdate(doc, snapshot.state, LOAD_ORIGIN);
        throughUpdateId = snapshot.through_update_id;
      }
      for (const row of s.log.iterate(planId, throughUpdateId)) {
        Y.applyUpdate(doc, row.update, LOAD_ORIGIN);
        throughUpdateId = row.id;
        logRows++;
      }
    }, LOAD_ORIGIN);
  } catch (error) {
    doc.destroy();
    throw new PlanLoadError(`plan ${planId} kon niet worden geladen: ${(error as Error).message}`);
  }
  // Updates whose dependencies never arrived mean a damaged log.
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    doc.destroy();
    throw new PlanLoadError(`plan ${planId} heeft onvolledige updates in de opslag`);
  }
  return { doc, throughUpdateId, logRows };
}

/** The persisted state as one Yjs update (for export and versions). */
export function persistedPlanState(planId: string): Uint8Array {
  const { doc } = loadPersistedPlan(planId);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Appends one update to the log (synchronous, committed when it returns); returns its id. */
export function appendPlanUpdate(planId: string, update: Uint8Array, userId: string | null): number {
  const result = stmts().append.run(planId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

/** Appends several updates in one transaction (group commit); returns the last id. */
export function appendPlanUpdates(planId: string, rows: { update: Uint8Array; userId: string | null }[]): number {
  const s = stmts();
  let last = 0;
  getDb().$client.transaction(() => {
    const at = new Date().toISOString();
    for (const { update, userId } of rows) {
      last = Number(s.append.run(planId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), userId, at).lastInsertRowid);
    }
  })();
  return last;
}

/**
 * Folds the log up to `throughUpdateId` into the snapshot, in one transaction.
 * `state` must contain every update up to and including that id.
 */
export function compactPlan(planId: string, state: Uint8Array, throughUpdateId: number): void {
  const s = stmts();
  const sqlite = getDb().$client;
  sqlite.transaction(() => {
    s.upsertSnapshot.run(planId, Buffer.from(state), throughUpdateId, new Date().toISOString());
    s.deleteFolded.run(planId, throughUpdateId);
  })();
}

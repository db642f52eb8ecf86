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

type LogRow = { update: Uint8Array; userId: string | null };
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * The group-commit writer, built once per handle: better-sqlite3 builds a new
 * wrapper on every db.transaction() call, and this runs on every keystroke.
 */
function appender(s: ReturnType<typeof statements>) {
  const many = getDb().$client.transaction((planId: string, rows: LogRow[], at: string) => {
    let last = 0;
    for (const { update, userId } of rows) last = Number(s.append.run(planId, asBuffer(update), userId, at).lastInsertRowid);
    return last;
  });
  return (planId: string, rows: LogRow[]): number => {
    const at = new Date().toISOString();
    // One row is atomic on its own: no BEGIN/COMMIT statements around it.
    if (rows.length === 1) return Number(s.append.run(planId, asBuffer(rows[0]!.update), rows[0]!.userId, at).lastInsertRowid);
    return many(planId, rows, at);
  };
}

// One set of prepared statements per database handle (tests reopen databases).
let cache: { db: unknown; s: ReturnType<typeof statements>; append: ReturnType<typeof appender> } | undefined;
function prepared() {
  const db = getDb();
  if (!cache || cache.db !== db) {
    const s = statements();
    cache = { db, s, append: appender(s) };
  }
  return cache;
}
const stmts = () => prepared().s;

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
  const result = stmts().append.run(planId, asBuffer(update), userId, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

/** Appends several updates in one transaction (group commit); returns the last id. */
export function appendPlanUpdates(planId: string, rows: LogRow[]): number {
  return rows.length === 0 ? 0 : prepared().append(planId, rows);
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

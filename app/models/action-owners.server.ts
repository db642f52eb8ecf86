import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { actions, results } from "../../db/schema";
import { isOverdue } from "../domain/action-owners";
import type { ActionScope } from "../domain/permissions";
import type { ActionStatus } from "../domain/result-types";
import { notify } from "./notify.server";
import type { ResultRow } from "./result.server";
import { isStaffOf, staffOfSchools } from "./school-staff.server";

/**
 * Implementation actions with an owner among the school's staff (issue 20).
 * The route checks permissions; this module checks what needs the database
 * (is the owner staff of that school) and writes each change with its
 * notification in one transaction, so nothing is stored half.
 */

export type ActionRow = typeof actions.$inferSelect;

export function findAction(resultId: string, actionId: string): ActionRow | undefined {
  if (!actionId || actionId.length > 100) return undefined;
  return getDb()
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.resultId, resultId)))
    .get();
}

/** What the permission module needs about one action. */
export function actionScope(action: Pick<ActionRow, "schoolId" | "ownerId">): ActionScope {
  return { schoolId: action.schoolId, actionOwnerId: action.ownerId };
}

/** The people an action of this school can be given to: everyone with a school role there, teachers included. */
export function possibleOwners(schoolId: string): { id: string; name: string }[] {
  return staffOfSchools([schoolId]).map(({ id, name }) => ({ id, name }));
}

/**
 * A new action for the result's school, owned by one of its staff; the owner
 * is told (unless they gave it to themselves). "notStaff" stores nothing.
 */
export function createOwnedAction(
  result: Pick<ResultRow, "id" | "schoolId" | "title">,
  input: { title: string; ownerId: string; dueDate: string | null },
  assignedById: string,
): { id: string } | "notStaff" {
  if (!isStaffOf(input.ownerId, result.schoolId)) return "notStaff";
  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const row = tx
      .insert(actions)
      .values({ resultId: result.id, schoolId: result.schoolId, title: input.title, ownerId: input.ownerId, dueDate: input.dueDate, status: "gepland", updatedAt: now })
      .returning({ id: actions.id })
      .get();
    if (input.ownerId !== assignedById) {
      notify(tx, {
        userId: input.ownerId,
        kind: "action.assigned",
        params: { title: input.title, result: result.title, due: input.dueDate ?? "" },
        link: `/opbrengsten/${result.id}#actie-${row.id}`,
      });
    }
    return row;
  });
}

/** Gives an existing action to (another) staff member and/or a new due date; a new owner is told. */
export function reassignAction(
  result: Pick<ResultRow, "id" | "schoolId" | "title">,
  action: ActionRow,
  input: { ownerId: string; dueDate: string | null },
  assignedById: string,
): "ok" | "notStaff" {
  if (!isStaffOf(input.ownerId, result.schoolId)) return "notStaff";
  getDb().transaction((tx) => {
    tx.update(actions)
      .set({ ownerId: input.ownerId, dueDate: input.dueDate, updatedAt: new Date().toISOString() })
      .where(eq(actions.id, action.id))
      .run();
    if (input.ownerId !== action.ownerId && input.ownerId !== assignedById) {
      notify(tx, {
        userId: input.ownerId,
        kind: "action.assigned",
        params: { title: action.title, result: result.title, due: input.dueDate ?? "" },
        link: `/opbrengsten/${result.id}#actie-${action.id}`,
      });
    }
  });
  return "ok";
}

/** Status and its reason; the reason is kept for every status (it is shown next to it). Caller checked action:update-status. */
export function setActionStatus(action: ActionRow, status: ActionStatus, reason: string): void {
  getDb().update(actions).set({ status, reason, updatedAt: new Date().toISOString() }).where(eq(actions.id, action.id)).run();
}

/** The open actions someone owns (gepland or bezig), soonest due first; for their dashboard. */
export function openActionsOwnedBy(userId: string) {
  return getDb()
    .select({ id: actions.id, title: actions.title, status: actions.status, dueDate: actions.dueDate, resultId: actions.resultId, resultTitle: results.title })
    .from(actions)
    .innerJoin(results, eq(results.id, actions.resultId))
    .where(and(eq(actions.ownerId, userId), inArray(actions.status, ["gepland", "bezig"])))
    // Dated ones first, soonest first; undated after them.
    .orderBy(sql`${actions.dueDate} is null`, asc(actions.dueDate), asc(actions.createdAt))
    .all()
    .map((a) => ({ ...a, overdue: isOverdue(a) }));
}

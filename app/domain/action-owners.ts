import { ACTION_STATUSES, type ActionStatus } from "./result-types";
import { amsterdamDate, isDateOnly } from "./dates";

/**
 * Implementation actions that spread ownership (issue 20): pure rules for the
 * form. A due date is a calendar date in Amsterdam and means the END of that
 * day, so "today" is still in time and only an earlier date is in the past.
 * Messages are i18n keys under `actionOwners.errors`.
 */

export type ActionInputError = "titleRequired" | "ownerRequired" | "dateInvalid" | "datePast" | "statusUnknown" | "reasonRequired";

/** Today's date in Amsterdam (YYYY-MM-DD) at `now`. */
export function amsterdamToday(now: Date = new Date()): string {
  return amsterdamDate(now);
}

/** An empty due date is allowed (no deadline); else a real date, today or later in Amsterdam. */
export function checkDueDate(value: string, now: Date = new Date()): { ok: true; dueDate: string | null } | { ok: false; error: ActionInputError } {
  const v = value.trim();
  if (!v) return { ok: true, dueDate: null };
  if (!isDateOnly(v)) return { ok: false, error: "dateInvalid" };
  if (v < amsterdamToday(now)) return { ok: false, error: "datePast" };
  return { ok: true, dueDate: v };
}

export function parseActionStatus(value: string | undefined): ActionStatus | null {
  return ACTION_STATUSES.find((s) => s === value) ?? null;
}

/** A status change: letting go (losgelaten) needs its reason; other statuses keep a reason only as a note. */
export function checkStatusChange(status: string | undefined, reason: string | undefined): { ok: true; status: ActionStatus; reason: string } | { ok: false; error: ActionInputError } {
  const parsed = parseActionStatus(status);
  if (!parsed) return { ok: false, error: "statusUnknown" };
  const why = (reason ?? "").trim().slice(0, 2000);
  if (parsed === "losgelaten" && !why) return { ok: false, error: "reasonRequired" };
  return { ok: true, status: parsed, reason: why };
}

/** Open and past its due date (end of that day in Amsterdam). */
export function isOverdue(action: { dueDate: string | null; status: ActionStatus }, now: Date = new Date()): boolean {
  return !!action.dueDate && action.dueDate < amsterdamToday(now) && (action.status === "gepland" || action.status === "bezig");
}

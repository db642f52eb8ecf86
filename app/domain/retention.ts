/**
 * How long personal data is kept (issue 22, record 0024). The pruning job
 * (app/models/retention.server.ts) and the privacy statement (/privacy) both
 * read these numbers, so what the page promises is what the job does.
 */

/** Failed login attempts are kept this long: the throttle needs minutes, an investigation weeks. */
export const LOGIN_FAILURE_DAYS = 30;

/** An invitation nobody accepted is deleted this many days after it expired (or was revoked). */
export const STALE_INVITATION_DAYS = 30;

/** The security audit log keeps entries this many months. */
export const AUDIT_LOG_MONTHS = 24;

/** A partnership's default bewaartermijn for students who left: months after deactivation. */
export const DEFAULT_LEAVER_RETENTION_MONTHS = 24;

/** Bounds an admin may choose for the bewaartermijn (months). */
export const MIN_LEAVER_RETENTION_MONTHS = 1;
export const MAX_LEAVER_RETENTION_MONTHS = 120;

/** The pruning job runs at start and then every this many minutes. */
/** Sent (or cancelled) mail is kept this long for the admin's queue page, then deleted (issue 21). */
export const SENT_MAIL_DAYS = 30;

/** Mail that could not be sent stays longer, so an admin can find out why. */
export const FAILED_MAIL_DAYS = 90;

/** Used or expired password reset links, and reset requests counted for the throttle, are deleted after this. */
export const PASSWORD_RESET_DAYS = 1;

export const PRUNE_INTERVAL_MINUTES = 60;

/** How far ahead the admin's list of upcoming erasures looks. */
export const UPCOMING_ERASURE_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** `date` plus whole calendar months (UTC), clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The term that applies to a student in several partnerships: the longest, so
 * no partnership loses a person it still keeps (an empty list: the default).
 */
export function leaverTermMonths(partnershipTerms: readonly number[]): number {
  return partnershipTerms.length === 0 ? DEFAULT_LEAVER_RETENTION_MONTHS : Math.max(...partnershipTerms);
}

export type Leaver = { userId: string; disabledAt: string; termMonths: number };
export type ScheduledErasure = Leaver & { eraseAt: string; due: boolean };

/**
 * When each deactivated student is erased, soonest first: due ones (eraseAt
 * passed) and those within `horizonDays`. Pure, so the admin list and the job
 * can never disagree.
 */
export function scheduleErasures(leavers: readonly Leaver[], now: Date, horizonDays = UPCOMING_ERASURE_DAYS): ScheduledErasure[] {
  const horizon = now.getTime() + horizonDays * DAY_MS;
  return leavers
    .map((l) => {
      const eraseAt = addMonths(new Date(l.disabledAt), l.termMonths);
      return { ...l, eraseAt: eraseAt.toISOString(), due: eraseAt.getTime() <= now.getTime() };
    })
    .filter((s) => new Date(s.eraseAt).getTime() <= horizon)
    .sort((a, b) => a.eraseAt.localeCompare(b.eraseAt) || a.userId.localeCompare(b.userId));
}

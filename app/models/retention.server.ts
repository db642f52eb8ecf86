import type Database from "better-sqlite3";
import { getDb } from "../../db/client";
import {
  AUDIT_LOG_MONTHS,
  addMonths,
  daysBefore,
  LOGIN_FAILURE_DAYS,
  leaverTermMonths,
  PRUNE_INTERVAL_MINUTES,
  scheduleErasures,
  STALE_INVITATION_DAYS,
  UPCOMING_ERASURE_DAYS,
  type Leaver,
  type ScheduledErasure, SENT_MAIL_DAYS, FAILED_MAIL_DAYS, PASSWORD_RESET_DAYS } from "../domain/retention";
import { logger } from "../utils/logger.server";
import { recordAudit } from "./audit.server";
import { erasePerson } from "./erasure.server";
import { sweepExpiredImports } from "./import.server";

/**
 * Retention (issue 22, record 0024): the pruning the privacy statement
 * promises, with the numbers from app/domain/retention.ts. Runs at server start
 * and every PRUNE_INTERVAL_MINUTES (server/index.ts); an admin can run it now
 * from /beheer/bewaartermijn.
 */

export type PruneCounts = Record<string, number>;

/** Other areas' tables with a lifetime (issue 21), pruned in the same run. */
export type PruneHook = { name: string; run: (sqlite: Database.Database, now: Date) => number };
export const PRUNE_HOOKS: PruneHook[] = [
  {
    name: "mail",
    run: (sqlite, now) =>
      sqlite
        .prepare(
          `delete from mail_queue where (status in ('sent', 'cancelled') and coalesce(sent_at, created_at) < @sent)
             or (status = 'failed' and created_at < @failed)`,
        )
        .run({ sent: daysBefore(now, SENT_MAIL_DAYS).toISOString(), failed: daysBefore(now, FAILED_MAIL_DAYS).toISOString() }).changes,
  },
  {
    name: "passwordResets",
    run: (sqlite, now) => {
      const before = daysBefore(now, PASSWORD_RESET_DAYS).toISOString();
      return (
        sqlite.prepare("delete from password_resets where expires_at < @now or (used_at is not null and used_at < @before)").run({ now: now.toISOString(), before }).changes +
        sqlite.prepare("delete from password_reset_requests where at < ?").run(before).changes +
        sqlite.prepare("delete from sso_logins where expires_at < ?").run(now.toISOString()).changes
      );
    },
  },
];

/** Deletes what has outlived its purpose; returns counts per kind. */
export function pruneExpired(now = new Date()): PruneCounts {
  const sqlite = getDb().$client;
  const iso = now.toISOString();
  const counts: PruneCounts = {};
  sqlite.transaction(() => {
    counts.sessions = sqlite.prepare("delete from sessions where expires_at <= ?").run(iso).changes;
    counts.loginFailures = sqlite.prepare("delete from login_failures where at < ?").run(daysBefore(now, LOGIN_FAILURE_DAYS).toISOString()).changes;
    // Never accepted and expired (or revoked) long enough ago that nobody still looks for it.
    const staleBefore = daysBefore(now, STALE_INVITATION_DAYS).toISOString();
    counts.invitations = sqlite
      .prepare("delete from invitations where accepted_at is null and (expires_at < @before or (revoked_at is not null and revoked_at < @before))")
      .run({ before: staleBefore }).changes;
    counts.auditLog = sqlite.prepare("delete from audit_log where at < ?").run(addMonths(now, -AUDIT_LOG_MONTHS).toISOString()).changes;
    for (const hook of PRUNE_HOOKS) counts[hook.name] = hook.run(sqlite, now);
  })();
  try {
    sweepExpiredImports(now.getTime());
  } catch (error) {
    logger.warn({ err: error }, "verlopen importvoorbeelden konden niet worden opgeruimd");
  }
  return counts;
}

/**
 * Students who left: deactivated, not erased, and a student (by membership or
 * profile). Their term is the longest bewaartermijn of the partnerships their
 * institutes belong to (record 0024).
 */
export function listLeavers(): (Leaver & { name: string; email: string; institutes: string })[] {
  const rows = getDb()
    .$client.prepare(
      `with students as (
         select user_id, institute_id from memberships where role = 'student'
         union select user_id, institute_id from student_profiles where institute_id is not null
       )
       select u.id as userId, u.name, u.email, u.disabled_at as disabledAt,
              group_concat(distinct i.name) as institutes,
              group_concat(p.leaver_retention_months) as terms
       from users u join students st on st.user_id = u.id
       left join institutes i on i.id = st.institute_id
       left join partnership_institutes pi on pi.institute_id = st.institute_id
       left join partnerships p on p.id = pi.partnership_id
       where u.disabled_at is not null and u.erased_at is null
       group by u.id`,
    )
    .all() as { userId: string; name: string; email: string; disabledAt: string; institutes: string | null; terms: string | null }[];
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    disabledAt: r.disabledAt,
    institutes: r.institutes ?? "",
    termMonths: leaverTermMonths(r.terms ? r.terms.split(",").map(Number) : []),
  }));
}

export type UpcomingErasure = ScheduledErasure & { name: string; email: string; institutes: string };

/** The admin's list: who the job erases, due ones first, then the next UPCOMING_ERASURE_DAYS. */
export function upcomingErasures(now = new Date()): UpcomingErasure[] {
  const leavers = listLeavers();
  const byId = new Map(leavers.map((l) => [l.userId, l]));
  return scheduleErasures(leavers, now, UPCOMING_ERASURE_DAYS).map((s) => {
    const l = byId.get(s.userId)!;
    return { ...s, name: l.name, email: l.email, institutes: l.institutes };
  });
}

/** Erases every leaver whose term has passed; returns how many. */
export function eraseDueLeavers(now = new Date()): number {
  let erased = 0;
  for (const due of scheduleErasures(listLeavers(), now, 0).filter((s) => s.due)) {
    const result = erasePerson(due.userId, { id: null });
    if (result?.status === "erased") erased++;
  }
  return erased;
}

/** One run of the job: pruning plus the erasure of leavers past their term. Audited when it did something. */
export function runRetention(now = new Date(), actorUserId: string | null = null): PruneCounts {
  const counts = pruneExpired(now);
  counts.erasedLeavers = eraseDueLeavers(now);
  if (Object.values(counts).some((n) => n > 0)) {
    recordAudit({ event: "retention.pruned", actorUserId, detail: counts });
  }
  return counts;
}

/** Starts the schedule: once now, then every PRUNE_INTERVAL_MINUTES (override: RETENTION_INTERVAL_MS, for tests). */
export function startRetentionSchedule(intervalMs = Number(process.env.RETENTION_INTERVAL_MS) || PRUNE_INTERVAL_MINUTES * 60_000): { stop: () => void } {
  const run = () => {
    try {
      const counts = runRetention();
      logger.info({ counts }, "bewaartermijnen toegepast");
    } catch (error) {
      logger.error({ err: error }, "bewaartermijnen toepassen mislukt");
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Every partnership with its bewaartermijn, for the admin page and the privacy statement. */
export function listRetentionTerms(): { id: string; name: string; months: number }[] {
  return getDb()
    .$client.prepare("select id, name, leaver_retention_months as months from partnerships where archived_at is null order by name collate nocase")
    .all() as { id: string; name: string; months: number }[];
}

/** Sets a partnership's bewaartermijn (months, already validated); audited. Returns its name, or null when unknown. */
export function setLeaverRetention(partnershipId: string, months: number, actorUserId: string): string | null {
  const sqlite = getDb().$client;
  return sqlite.transaction(() => {
    const before = sqlite.prepare("select name, leaver_retention_months as months from partnerships where id = ?").get(partnershipId) as
      | { name: string; months: number }
      | undefined;
    if (!before) return null;
    if (before.months === months) return before.name;
    sqlite.prepare("update partnerships set leaver_retention_months = ? where id = ?").run(months, partnershipId);
    recordAudit({ event: "partnership.settings_changed", actorUserId, detail: { partnershipId, setting: "leaverRetentionMonths", from: before.months, to: months } });
    return before.name;
  })();
}

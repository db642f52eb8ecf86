import type Database from "better-sqlite3";
import { getDb } from "../../db/client";
import { ERASED_NAME, erasedEmail, scrubPlanDocument, scrubPlanState } from "../domain/erasure";
import { logger } from "../utils/logger.server";
import { recordAudit } from "./audit.server";
import { applyPlanChange, compactPlanNow } from "./plan-live.server";

/**
 * Erasure of a person (AVG art. 17, contract 6.15, record 0024).
 *
 * The users row is anonymised in place rather than deleted: every page joins
 * names through it, so shared work (plan text, comments, results, versions)
 * keeps its links and shows "Verwijderde gebruiker" without each page knowing
 * about erasure. What only this person had is deleted; the few places that
 * copied a name or email (the plan documents' sign-off and signal records,
 * frozen versions, invitations, the audit log's details, free-text supervisor
 * names, other people's notification parameters) are rewritten.
 */

export type ErasureResult = { status: "erased" | "already-erased"; plansScrubbed: number; versionsScrubbed: number };

/**
 * Other areas' tables that hold a person's data (issue 21), run inside the
 * erasure's transaction with the person's old email: every mail to or about
 * them (sent ones hold the address and name too), reset links and requests.
 */
export type ErasureHook = { name: string; run: (sqlite: Database.Database, person: { id: string; oldEmail: string }) => void };
export const ERASURE_HOOKS: ErasureHook[] = [
  {
    name: "mail",
    run: (sqlite, person) => {
      sqlite.prepare("delete from mail_queue where user_id = ? or lower(to_address) = lower(?)").run(person.id, person.oldEmail);
    },
  },
  {
    name: "passwordResets",
    run: (sqlite, person) => {
      sqlite.prepare("delete from password_resets where user_id = ?").run(person.id);
      sqlite.prepare("delete from password_reset_requests where lower(email) = lower(?)").run(person.oldEmail);
    },
  },
];

/** The admin erases `userId`; `null` when there is no such person. */
export function erasePerson(userId: string, actor: { id: string | null; ip?: string | null }): ErasureResult | null {
  const sqlite = getDb().$client;
  const person = sqlite.prepare("select id, name, email, erased_at from users where id = ?").get(userId) as
    | { id: string; name: string; email: string; erased_at: string | null }
    | undefined;
  if (!person) return null;
  if (person.erased_at) return { status: "already-erased", plansScrubbed: 0, versionsScrubbed: 0 };

  const now = new Date().toISOString();
  const newEmail = erasedEmail(person.id);
  sqlite.transaction(() => {
    anonymiseRows(sqlite, person, newEmail, now);
    for (const hook of ERASURE_HOOKS) hook.run(sqlite, { id: person.id, oldEmail: person.email });
    // No name or email in the entry: the subject id is enough and says nothing any more.
    recordAudit({ event: "user.erased", actorUserId: actor.id, subjectUserId: person.id, ip: actor.ip ?? null });
  })();

  // After the commit: sign-in and sockets are already gone (the access epoch moved
  // with the users and sessions rows). Now the copies of the name inside plan documents.
  const { plans, versions } = scrubPlanDocuments(sqlite, person.id);
  logger.info({ userId: person.id, plans, versions }, "persoon gewist");
  return { status: "erased", plansScrubbed: plans, versionsScrubbed: versions };
}

function anonymiseRows(sqlite: Database.Database, person: { id: string; name: string; email: string }, newEmail: string, now: string) {
  const id = person.id;
  sqlite
    .prepare(
      `update users set name = ?, email = ?, password_hash = null, erased_at = ?, disabled_at = coalesce(disabled_at, ?)
       where id = ?`,
    )
    .run(ERASED_NAME, newEmail, now, now, id);

  // Only theirs, no one else's work depends on it.
  for (const statement of [
    "delete from sessions where user_id = ?",
    "delete from notifications where user_id = ?",
    "delete from student_profiles where user_id = ?",
    // Organisation roles, lab supervision and expert-group membership grant access
    // or count capacity; an erased person holds none. Project membership stays: it is
    // the authorship of shared work (shown as "Verwijderde gebruiker").
    "delete from memberships where user_id = ?",
    "delete from lab_supervisors where user_id = ?",
    "delete from expert_group_members where user_id = ?",
    // Preferences for matching rounds; the assignment that followed stays with the project.
    "delete from round_rankings where student_id = ?",
  ]) {
    sqlite.prepare(statement).run(id);
  }

  // Copies of the address or the name.
  sqlite.prepare("delete from login_failures where email = ?").run(person.email);
  sqlite
    .prepare(
      `update invitations set email = ?, name = ?, revoked_at = case when accepted_at is null then coalesce(revoked_at, ?) else revoked_at end
       where email = ?`,
    )
    .run(newEmail, ERASED_NAME, now, person.email);
  sqlite
    .prepare("update audit_log set email = null where email = ? or subject_user_id = ? or actor_user_id = ?")
    .run(person.email, id, id);
  replaceInText(sqlite, "audit_log", "detail", person, newEmail);
  replaceInText(sqlite, "notifications", "params", person, newEmail);
  sqlite.prepare("update questions set supervisor_name = ? where supervisor_name = ?").run(ERASED_NAME, person.name);
}

/**
 * Rewrites JSON text that mentions the person: their email and their exact name
 * (as a JSON string, so "Jan" does not hit "Janssen"). Only rows that contain
 * them are touched (the LIKE is a cheap first filter).
 */
function replaceInText(
  sqlite: Database.Database,
  table: "audit_log" | "notifications",
  column: "detail" | "params",
  person: { name: string; email: string },
  newEmail: string,
) {
  const nameJson = JSON.stringify(person.name);
  sqlite
    .prepare(
      `update ${table} set ${column} = replace(replace(${column}, ?, ?), ?, ?)
       where instr(${column}, ?) > 0 or instr(${column}, ?) > 0`,
    )
    .run(person.email, newEmail, nameJson, JSON.stringify(ERASED_NAME), person.email, nameJson);
}

/**
 * Plan documents and versions that contain the person's id (the sign-off and
 * signal records carry `byId` next to the name): found with a byte search in
 * SQLite, rewritten through the live room when one is loaded, then compacted so
 * the old update rows that held the name are gone.
 */
function scrubPlanDocuments(sqlite: Database.Database, userId: string): { plans: number; versions: number } {
  const needle = Buffer.from(userId, "utf8");
  const planIds = (
    sqlite
      .prepare(
        `select plan_id from plan_snapshots where instr(state, @needle) > 0
         union select distinct plan_id from plan_updates where instr("update", @needle) > 0`,
      )
      .all({ needle }) as { plan_id: string }[]
  ).map((r) => r.plan_id);

  let plans = 0;
  for (const planId of planIds) {
    try {
      let changed = 0;
      applyPlanChange(planId, null, (doc) => {
        changed = scrubPlanDocument(doc, userId);
      });
      compactPlanNow(planId);
      if (changed > 0) plans++;
    } catch (error) {
      // The person is erased either way; a plan that cannot be loaded is logged for the operator.
      logger.error({ err: error, planId }, "naam in plan kon niet worden vervangen");
    }
  }

  let versions = 0;
  const rows = sqlite.prepare("select id, state from plan_versions where instr(state, ?) > 0").all(needle) as { id: string; state: Buffer }[];
  const update = sqlite.prepare("update plan_versions set state = ? where id = ?");
  for (const row of rows) {
    const scrubbed = scrubPlanState(row.state, userId);
    if (scrubbed) {
      update.run(Buffer.from(scrubbed), row.id);
      versions++;
    }
  }
  return { plans, versions };
}

import type Database from "better-sqlite3";
import { getDb } from "../../db/client";
import { ASPECTS } from "../domain/culture-scan";
import { planToMarkdown } from "../domain/plan-document";
import { logger } from "../utils/logger.server";
import { recordAudit } from "./audit.server";
import { planSectionsForExport } from "./plan-ethics.server";
import { findPlanById } from "./plan.server";

/**
 * Everything stored about one person, as one JSON document (AVG art. 15 and
 * 20, contract 6.15, record 0024). Only rows that are about this person: other
 * people appear by organisation or title, never by name or address, with one
 * exception: a plan they co-wrote is included as the shared document it is,
 * which may name whoever signed its ethics checklist. No token hashes, no
 * password hash, no one else's scan answers.
 */

export const EXPORT_FORMAT_VERSION = 1;

export type PersonalExport = {
  format: { name: "samen-onderzoeken-persoonsgegevens"; version: number; createdAt: string };
  profile: Record<string, unknown>;
  [section: string]: unknown;
};

/** null when there is no such person. */
export function exportPersonalData(userId: string): PersonalExport | null {
  const sqlite = getDb().$client;
  const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];

  const profile = sqlite
    .prepare("select id, name, email, locale, created_at as createdAt, disabled_at as disabledAt, erased_at as erasedAt, password_hash is not null as hasPassword from users where id = ?")
    .get(userId) as (Record<string, unknown> & { email: string; hasPassword: number }) | undefined;
  if (!profile) return null;

  return {
    format: { name: "samen-onderzoeken-persoonsgegevens", version: EXPORT_FORMAT_VERSION, createdAt: new Date().toISOString() },
    profile: { ...profile, hasPassword: profile.hasPassword === 1 },
    memberships: all(
      `select m.role, m.created_at as createdAt,
              coalesce(p.name, s.name, i.name) as organisation,
              case when m.partnership_id is not null then 'partnership' when m.school_id is not null then 'school'
                   when m.institute_id is not null then 'institute' else 'platform' end as organisationKind
       from memberships m left join partnerships p on p.id = m.partnership_id
       left join schools s on s.id = m.school_id left join institutes i on i.id = m.institute_id
       where m.user_id = ? order by m.created_at`,
      userId,
    ),
    studentProfile:
      sqlite
        .prepare(
          `select i.name as institute, sp.programme, sp.study_year as studyYear, sp.theme_ids as themeIds, sp.sectors,
                  sp.availability, sp.home_city as homeCity, sp.updated_at as updatedAt
           from student_profiles sp left join institutes i on i.id = sp.institute_id where sp.user_id = ?`,
        )
        .get(userId) ?? null,
    questions: all(
      `select q.id, q.title, s.name as school, q.status, q.school_year as schoolYear, q.background, q.desired_outcome as desiredOutcome,
              q.vision_fit as visionFit, q.sub_questions as subQuestions, q.created_at as createdAt, q.updated_at as updatedAt
       from questions q join schools s on s.id = q.school_id where q.author_id = ? order by q.created_at`,
      userId,
    ).map((q) => ({ ...q, subQuestions: parseJson(q.subQuestions) })),
    questionStatusChanges: all(
      `select q.title as question, e.from_status as "from", e.to_status as "to", e.reason, e.at
       from question_events e join questions q on q.id = e.question_id where e.actor_id = ? order by e.id`,
      userId,
    ),
    rankings: all(
      `select r.name as round, q.title as question, rr.rank
       from round_rankings rr join matching_rounds r on r.id = rr.round_id join questions q on q.id = rr.question_id
       where rr.student_id = ? order by r.created_at, rr.rank`,
      userId,
    ),
    placements: all(
      `select r.name as round, q.title as question, ra.rank, ra.explanation, ra.student_response as studentResponse,
              ra.school_response as schoolResponse
       from round_assignments ra join matching_rounds r on r.id = ra.round_id left join questions q on q.id = ra.question_id
       where ra.student_id = ? order by r.created_at`,
      userId,
    ),
    projects: all(
      `select pr.title, pm.role, pm.created_at as joinedAt from project_members pm join projects pr on pr.id = pm.project_id
       where pm.user_id = ? order by pm.created_at`,
      userId,
    ),
    plans: plansOf(sqlite, userId),
    planComments: all(
      `select p.title as plan, c.section_id as section, c.quote, c.body, c.created_at as createdAt, c.resolved_at as resolvedAt,
              case when c.parent_id is null then 'thread' else 'reply' end as kind
       from plan_comments c join plans p on p.id = c.plan_id where c.author_id = ? order by c.created_at`,
      userId,
    ),
    planVersions: all(
      `select p.title as plan, v.name, v.created_at as createdAt from plan_versions v join plans p on p.id = v.plan_id
       where v.author_id = ? order by v.created_at`,
      userId,
    ),
    results: all(
      `select r.title, r.type, r.visibility, s.name as school, r.summary, r.conclusions, r.published_at as publishedAt
       from results r join schools s on s.id = r.school_id where r.author_id = ? order by r.published_at`,
      userId,
    ),
    resultConsents: all(
      `select r.title as result, c.role, c.visibility, c.at from result_consents c join results r on r.id = c.result_id
       where c.user_id = ? order by c.at`,
      userId,
    ),
    actions: all(
      `select a.title, r.title as result, s.name as school, a.status, a.due_date as dueDate, a.reason, a.created_at as createdAt,
              a.updated_at as updatedAt
       from actions a join results r on r.id = a.result_id join schools s on s.id = a.school_id where a.owner_id = ? order by a.created_at`,
      userId,
    ),
    scanAnswers: all<{ aspectId: string }>(
      `select s.name as school, cs.school_year as schoolYear, sr.aspect_id as aspectId, sr.phase, sr.answered_at as answeredAt
       from scan_responses sr join culture_scans cs on cs.id = sr.scan_id join schools s on s.id = cs.school_id
       where sr.user_id = ? order by cs.school_year, sr.aspect_id`,
      userId,
    ).map((a) => ({ ...a, aspect: ASPECTS.find((x) => x.id === a.aspectId)?.name ?? a.aspectId })),
    expertGroups: all(
      `select g.name as "group", m.role, m.status, m.created_at as joinedAt from expert_group_members m
       join expert_groups g on g.id = m.group_id where m.user_id = ? order by m.created_at`,
      userId,
    ),
    expertGroupPosts: all(
      `select g.name as "group", r.title as result, p.body, p.created_at as createdAt from expert_group_posts p
       join expert_groups g on g.id = p.group_id join results r on r.id = p.result_id where p.author_id = ? order by p.created_at`,
      userId,
    ),
    labsSupervised: all(
      `select l.name as lab, l.period_start as periodStart, l.period_end as periodEnd from lab_supervisors ls
       join labs l on l.id = ls.lab_id where ls.user_id = ?`,
      userId,
    ),
    notifications: all<{ params: string }>(
      `select kind, params, link, created_at as createdAt, read_at as readAt from notifications where user_id = ? order by id`,
      userId,
    ).map((n) => ({ ...n, params: parseJson(n.params) })),
    // Never the token hash: it is the key to the session.
    sessions: all(
      `select created_at as createdAt, expires_at as expiresAt, user_agent as userAgent from sessions where user_id = ? order by created_at`,
      userId,
    ),
    invitations: all(
      `select role, created_at as createdAt, expires_at as expiresAt, accepted_at as acceptedAt, revoked_at as revokedAt
       from invitations where email = ? order by created_at`,
      profile.email,
    ),
    loginFailures: all(`select at, ip from login_failures where email = ? order by at`, profile.email),
    auditLog: auditAbout(sqlite, userId, profile.email),
  };
}

/** The plans of the projects they are a member of, with their text as the Markdown export renders it. */
function plansOf(sqlite: Database.Database, userId: string) {
  const rows = sqlite
    .prepare(
      `select pl.id, pl.title, pm.role from project_members pm join plans pl on pl.project_id = pm.project_id
       where pm.user_id = ? order by pl.created_at`,
    )
    .all(userId) as { id: string; title: string; role: string }[];
  return rows.map((row) => {
    const plan = findPlanById(row.id);
    let markdown: string | null = null;
    try {
      markdown = plan ? planToMarkdown(plan.title, planSectionsForExport(plan)) : null;
    } catch (error) {
      logger.error({ err: error, planId: row.id }, "plan kon niet worden geëxporteerd voor inzage");
    }
    return { title: row.title, role: row.role, markdown };
  });
}

/**
 * Audit entries where they acted or were the subject. The email column is kept
 * only when it is their own address (an invitation they sent names someone
 * else's), and the detail only for entries about them.
 */
function auditAbout(sqlite: Database.Database, userId: string, email: string) {
  const rows = sqlite
    .prepare(
      `select event, at, ip, email, detail, subject_user_id = @userId as aboutThem, actor_user_id = @userId as byThem from audit_log
       where subject_user_id = @userId or actor_user_id = @userId or email = @email order by id`,
    )
    .all({ userId, email }) as { event: string; at: string; ip: string | null; email: string | null; detail: string; aboutThem: number; byThem: number }[];
  return rows
    .filter((r) => r.aboutThem === 1 || r.byThem === 1 || r.email === email)
    .map((r) => ({
      event: r.event,
      at: r.at,
      ip: r.ip,
      role: r.aboutThem === 1 || r.email === email ? "subject" : "actor",
      ...(r.email === email ? { email: r.email } : {}),
      ...(r.aboutThem === 1 ? { detail: parseJson(r.detail) } : {}),
    }));
}

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return text;
  }
}

/** The admin's export of someone else's data is itself an event about that person. */
export function recordAdminExport(actor: { id: string; ip?: string | null }, subjectUserId: string): void {
  recordAudit({ event: "user.exported", actorUserId: actor.id, subjectUserId, ip: actor.ip ?? null });
}

/** The download's file name: the date, never the person's name (it lands in a downloads folder). */
export function exportFileName(now = new Date()): string {
  return `samen-onderzoeken-gegevens-${now.toISOString().slice(0, 10)}.json`;
}

import { sql } from "drizzle-orm";
import { QUESTION_STATUSES } from "../app/domain/question-lifecycle";
import { ROLES } from "../app/domain/roles";
import { ACTION_STATUSES, RESULT_TYPES, RESULT_VISIBILITIES } from "../app/domain/result-types";
import { SECTOR_VALUES } from "../app/domain/sectors";
import { MAIL_PREFERENCES, MAIL_STATUSES } from "../app/domain/mail/kinds";
export { MAIL_PREFERENCES, MAIL_STATUSES, type MailPreference, type MailStatus } from "../app/domain/mail/kinds";
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Database schema (ARCHITECTURE §3). Ids are random UUIDs stored as text so
 * they cannot be guessed or enumerated from URLs. Timestamps are ISO-8601 UTC
 * text, which sorts correctly and reads well in the sqlite3 shell.
 */

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  text("created_at")
    .notNull()
    .$defaultFn(() => new Date().toISOString());

export const SECTORS = SECTOR_VALUES;
export type Sector = (typeof SECTORS)[number];

export const INSTITUTE_KINDS = ["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"] as const;
export type InstituteKind = (typeof INSTITUTE_KINDS)[number];

export const regions = sqliteTable("regions", {
  id: id(),
  name: text("name").notNull().unique(),
  /** Set when an admin archived it: kept with its history, no longer offered for new work (issue 19). */
  archivedAt: text("archived_at"),
  createdAt: createdAt(),
});

export const partnerships = sqliteTable("partnerships", {
  id: id(),
  regionId: text("region_id")
    .notNull()
    .references(() => regions.id, { onDelete: "restrict" }),
  name: text("name").notNull().unique(),
  /**
   * Below this age parents give consent for pupils in research (AVG/UAVG art. 5
   * says 16; a partnership may choose to ask parents of older pupils too).
   */
  parentalConsentUnderAge: integer("parental_consent_under_age").notNull().default(16),
  /**
   * Bewaartermijn: months after a student's account was deactivated (they left)
   * before it is erased (issue 22, record 0024). Default two years.
   */
  leaverRetentionMonths: integer("leaver_retention_months").notNull().default(24),
  /**
   * Single sign-on only (issue 21, record 0022b): people whose every membership
   * lies in such partnerships cannot sign in with a password.
   */
  ssoOnly: integer("sso_only", { mode: "boolean" }).notNull().default(false),
  /** Set when an admin archived it: kept with its history, no longer offered for new work (issue 19). */
  archivedAt: text("archived_at"),
  createdAt: createdAt(),
});

export const schools = sqliteTable(
  "schools",
  {
    id: id(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    sector: text("sector", { enum: SECTORS }).notNull(),
    /** The school board (bestuur) the location belongs to. */
    board: text("board").notNull(),
    city: text("city").notNull(),
    /** Set when an admin archived it: kept with its history, no longer offered for new work (issue 19). */
    archivedAt: text("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("schools_name_city_unique").on(t.name, t.city),
    check("schools_sector_check", sql`${t.sector} in ('po','vo','mbo','so')`),
  ],
);

export const institutes = sqliteTable(
  "institutes",
  {
    id: id(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: INSTITUTE_KINDS }).notNull(),
    city: text("city").notNull(),
    /** Set when an admin archived it: kept with its history, no longer offered for new work (issue 19). */
    archivedAt: text("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "institutes_kind_check",
      sql`${t.kind} in ('pabo','hbo-lerarenopleiding','universitaire-lerarenopleiding')`,
    ),
  ],
);

/** A partnership is n—n with schools and with institutes. */
export const partnershipSchools = sqliteTable(
  "partnership_schools",
  {
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.schoolId] }), index("partnership_schools_school_idx").on(t.schoolId)],
);

export const partnershipInstitutes = sqliteTable(
  "partnership_institutes",
  {
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    instituteId: text("institute_id")
      .notNull()
      .references(() => institutes.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.instituteId] }),
    index("partnership_institutes_institute_idx").on(t.instituteId),
  ],
);

export const users = sqliteTable("users", {
  id: id(),
  /** Always stored lower-cased and trimmed; see normaliseEmail(). */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** argon2id PHC string; null until the person accepted an invitation. */
  passwordHash: text("password_hash"),
  /** Preferred UI language. */
  locale: text("locale", { enum: ["nl", "en"] }).notNull().default("nl"),
  createdAt: createdAt(),
  disabledAt: text("disabled_at"),
  /**
   * Set when the person was erased (AVG art. 17, record 0024): the row stays so
   * shared work keeps its links, but name and email are replaced and sign-in is impossible.
   */
  erasedAt: text("erased_at"),
  /** How notifications reach this person by mail (issue 21): each one at once, one mail a day, or none. */
  mailPreference: text("mail_preference", { enum: MAIL_PREFERENCES }).notNull().default("digest"),
  /** When the last daily digest was queued for this person (the worker sends at most one per day). */
  digestSentAt: text("digest_sent_at"),
});

/** Stored as text; the list lives in the pure domain so UI and DB agree. */
const ROLE_VALUES = ROLES;

/**
 * A user's role in one organisation. Exactly one of the organisation columns is
 * set, matching the role's kind (admin: none). Separate foreign keys instead of
 * a polymorphic (type, id) pair so SQLite enforces referential integrity.
 */
export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLE_VALUES }).notNull(),
    partnershipId: text("partnership_id").references(() => partnerships.id, { onDelete: "cascade" }),
    schoolId: text("school_id").references(() => schools.id, { onDelete: "cascade" }),
    instituteId: text("institute_id").references(() => institutes.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId),
    index("memberships_school_idx").on(t.schoolId),
    index("memberships_institute_idx").on(t.instituteId),
    index("memberships_partnership_idx").on(t.partnershipId),
    // One role per organisation per user: an expression index over the nullable
    // organisation columns, defined in migration 0001 (drizzle-kit cannot express it).
    check("memberships_role_check", sql`${t.role} in (${sql.raw(ROLES.map((r) => `'${r}'`).join(","))})`),
    check(
      "memberships_one_organisation",
      sql`(case when ${t.role} = 'admin' then
            ${t.partnershipId} is null and ${t.schoolId} is null and ${t.instituteId} is null
          when ${t.role} = 'programmaleider' then
            ${t.partnershipId} is not null and ${t.schoolId} is null and ${t.instituteId} is null
          when ${t.role} in ('instituutsopleider','onderzoeker','student') then
            ${t.instituteId} is not null and ${t.schoolId} is null and ${t.partnershipId} is null
          else
            ${t.schoolId} is not null and ${t.partnershipId} is null and ${t.instituteId} is null
          end)`,
    ),
  ],
);

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is
 * stored, so a leaked database does not hand out live sessions.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent"),
    /** Refreshed at most every few minutes by page requests, for the session list on /account. */
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** One-time invitation links; like sessions, only the token's hash is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLE_VALUES }).notNull(),
    partnershipId: text("partnership_id").references(() => partnerships.id, { onDelete: "cascade" }),
    schoolId: text("school_id").references(() => schools.id, { onDelete: "cascade" }),
    instituteId: text("institute_id").references(() => institutes.id, { onDelete: "cascade" }),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("invitations_email_idx").on(t.email)],
);

/** The taxonomy of research themes, in Dutch with an English label. */
export const themes = sqliteTable("themes", {
  id: text("id").primaryKey(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionNl: text("description_nl").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Failed login attempts, kept in the database so throttling holds across processes. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_email_at_idx").on(t.email, t.at), index("login_failures_ip_at_idx").on(t.ip, t.at)],
);

export const AUDIT_EVENTS = [
  "login.success",
  "login.failure",
  "login.throttled",
  "logout",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "membership.added",
  "membership.removed",
  "partnership.settings_changed",
  "import.completed",
  "organisation.created",
  "organisation.linked",
  "organisation.renamed",
  "organisation.archived",
  "organisation.restored",
  "user.erased",
  "user.exported",
  "retention.pruned",
  "user.deactivated",
  "user.reactivated",
  "lab.created",
  "lab.updated",
  "lab.archived",
  "project.member_added",
  "project.member_removed",
  "project.created",
  "expert_group.created",
  "expert_group.updated",
  "round.closed",
  "year.closed",
  "password.reset_requested",
  "password.reset",
  "password.changed",
  "sessions.ended",
  "login.sso",
  "account.updated",
] as const;

/** Security-relevant events: who did what to whom, from where. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
    event: text("event", { enum: AUDIT_EVENTS }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    /** For failed logins of unknown accounts there is no user: keep the address tried. */
    email: text("email"),
    ip: text("ip"),
    /** JSON object with event-specific details. */
    detail: text("detail").notNull().default("{}"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_event_idx").on(t.event)],
);

// ───────────────────────── Questions and the onderzoeksagenda (issue 3) ─────────────────────────

export { QUESTION_STATUSES, type QuestionStatus } from "../app/domain/question-lifecycle";

/** A school's research question (schoolontwikkelvraag). */
export const questions = sqliteTable(
  "questions",
  {
    id: id(),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** Aanleiding: why now, what the school sees. */
    background: text("background").notNull().default(""),
    /** Gewenste opbrengst: what the school will do with the answer. */
    desiredOutcome: text("desired_outcome").notNull().default(""),
    /** How the question fits the school's vision. */
    visionFit: text("vision_fit").notNull().default(""),
    themeId: text("theme_id").references(() => themes.id, { onDelete: "restrict" }),
    /** Deelvragen, as a JSON array of strings. */
    subQuestions: text("sub_questions").notNull().default("[]"),
    sector: text("sector", { enum: SECTORS }).notNull(),
    /** Schooljaar as "2026-2027". */
    schoolYear: text("school_year").notNull(),
    /** Position on the school's agenda for that schooljaar; 1 = most important. */
    priority: integer("priority").notNull().default(0),
    /** How many students the school can host for this question. */
    studentCapacity: integer("student_capacity").notNull().default(1),
    /** Supervision the school offers: the named werkplekbegeleider (free text) and their hours/places. */
    supervisorName: text("supervisor_name").notNull().default(""),
    /** The werkplekbegeleider as a person (one of the school's staff); becomes a project begeleider on matching. */
    supervisorId: text("supervisor_id").references(() => users.id, { onDelete: "set null" }),
    /** The school has no supervision of its own: "begeleiding vanuit het lab of de opleiding". */
    supervisionExternal: integer("supervision_external", { mode: "boolean" }).notNull().default(false),
    /** Taken up without students, by a lab or a team of the school's teachers (teacher research). */
    teacherResearch: integer("teacher_research", { mode: "boolean" }).notNull().default(false),
    supervisionCapacity: integer("supervision_capacity").notNull().default(1),
    status: text("status", { enum: QUESTION_STATUSES }).notNull().default("concept"),
    /** The latest feedback when the question was sent back (teruggestuurd). */
    feedback: text("feedback"),
    createdAt: createdAt(),
    updatedAt: text("updated_at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
  },
  (t) => [
    index("questions_school_year_idx").on(t.schoolId, t.schoolYear, t.priority),
    index("questions_status_idx").on(t.status),
    index("questions_theme_idx").on(t.themeId),
    // The question list's default order (newest change first).
    index("questions_updated_idx").on(t.updatedAt, t.id),
    check("questions_sector_check", sql`${t.sector} in ('po','vo','mbo','so')`),
    check(
      "questions_status_check",
      sql`${t.status} in (${sql.raw(QUESTION_STATUSES.map((s) => `'${s}'`).join(","))})`,
    ),
    check("questions_capacity_check", sql`${t.studentCapacity} >= 0 and ${t.supervisionCapacity} >= 0`),
  ],
);

export const PROPOSAL_STATUSES = ["open", "overgenomen", "afgewezen"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A question a leraar or schoolopleider proposes to their school's leadership
 * (issue 20). Adopting it creates a concept question; declining needs a reason.
 */
export const questionProposals = sqliteTable(
  "question_proposals",
  {
    id: id(),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    proposerId: text("proposer_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    background: text("background").notNull().default(""),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("open"),
    /** Why it was declined (shown to the proposer). */
    reason: text("reason").notNull().default(""),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The concept question it became. */
    questionId: text("question_id").references(() => questions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    decidedAt: text("decided_at"),
  },
  (t) => [
    index("question_proposals_school_idx").on(t.schoolId, t.status),
    check("question_proposals_status_check", sql`${t.status} in ('open','overgenomen','afgewezen')`),
  ],
);

/** Every status change of a question: who, when, from, to, why. Append-only. */
export const questionEvents = sqliteTable(
  "question_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    fromStatus: text("from_status", { enum: QUESTION_STATUSES }),
    toStatus: text("to_status", { enum: QUESTION_STATUSES }).notNull(),
    reason: text("reason").notNull().default(""),
    at: text("at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
  },
  (t) => [index("question_events_question_idx").on(t.questionId, t.id)],
);

/** Near-duplicate questions linked by the programmaleider to be researched together. Stored once per pair (a < b). */
export const questionLinks = sqliteTable(
  "question_links",
  {
    questionA: text("question_a")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    questionB: text("question_b")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.questionA, t.questionB] }),
    index("question_links_b_idx").on(t.questionB),
    check("question_links_order", sql`${t.questionA} < ${t.questionB}`),
  ],
);

/** In-app notifications (the bell). `params` is JSON for the i18n message. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: text("params").notNull().default("{}"),
    link: text("link"),
    createdAt: createdAt(),
    readAt: text("read_at"),
    /** Set once a mail about it was queued (direct or digest) or none is wanted; null: waits for the digest. */
    mailedAt: text("mailed_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.id)],
);

// ───────────────────────── Projects and live plans (issues 4 and 5) ─────────────────────────

/** A matched question being researched by students (and/or a lab). */
export const projects = sqliteTable(
  "projects",
  {
    id: id(),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "restrict" }),
    /** Denormalised from the question so access checks need no join. */
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdAt: createdAt(),
    /** Set at the end of the schooljaar (issue 19): read-only history, no longer on dashboards. */
    archivedAt: text("archived_at"),
  },
  (t) => [index("projects_question_idx").on(t.questionId), index("projects_school_idx").on(t.schoolId)],
);

/** `leraar`: one of the school's teachers writing the plan (teacher research, issue 20). */
export const PROJECT_ROLES = ["student", "begeleider", "leraar"] as const;

/** Students write the plan; begeleiders (from the institute or the school) comment on it. */
export const projectMembers = sqliteTable(
  "project_members",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: PROJECT_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index("project_members_user_idx").on(t.userId),
    check("project_members_role_check", sql`${t.role} in ('student','begeleider','leraar')`),
  ],
);

/** The onderzoeksplan of a project: one Yjs document, addressed by `room`. */
export const plans = sqliteTable("plans", {
  id: id(),
  projectId: text("project_id")
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  /** The WebSocket room name (/collab/<room>); random so it cannot be guessed. */
  room: text("room").notNull().unique(),
  createdAt: createdAt(),
});

/**
 * The Yjs update log of a plan. Every update is appended here before it is
 * relayed to other clients (contract 6.6); compaction folds rows into
 * plan_snapshots and deletes them in one transaction.
 */
export const planUpdates = sqliteTable(
  "plan_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    update: blob("update", { mode: "buffer" }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("plan_updates_plan_idx").on(t.planId, t.id)],
);

/** The compacted state of a plan: Y.encodeStateAsUpdate of everything up to `throughUpdateId`. */
export const planSnapshots = sqliteTable("plan_snapshots", {
  planId: text("plan_id")
    .primaryKey()
    .references(() => plans.id, { onDelete: "cascade" }),
  state: blob("state", { mode: "buffer" }).notNull(),
  throughUpdateId: integer("through_update_id").notNull().default(0),
  updatedAt: text("updated_at").notNull(),
});

/** Named, frozen versions of a plan ("Ingediend ter beoordeling"). */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: id(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    state: blob("state", { mode: "buffer" }).notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("plan_versions_plan_idx").on(t.planId, t.createdAt)],
);

/**
 * Comments and threads on a plan, anchored to text with Yjs relative
 * positions (JSON) so they survive concurrent edits.
 */
export const planComments = sqliteTable(
  "plan_comments",
  {
    id: id(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** Null for a thread's first comment; else the thread it answers. */
    parentId: text("parent_id"),
    sectionId: text("section_id").notNull(),
    /** JSON: { from, to } as Y.RelativePosition JSON; null for replies. */
    anchor: text("anchor"),
    /** The quoted text at the time of commenting. */
    quote: text("quote").notNull().default(""),
    body: text("body").notNull(),
    /** A proposed replacement for the quoted text (begeleider's suggestion); null for a plain comment. */
    suggestion: text("suggestion"),
    /** Set when an author took the suggestion over into the text (through their own editor). */
    suggestionAcceptedAt: text("suggestion_accepted_at"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
    resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("plan_comments_plan_idx").on(t.planId, t.createdAt), index("plan_comments_parent_idx").on(t.parentId)],
);

// ───────────────────────── Results, implementation actions, expert groups (issue 6) ─────────────────────────

export { RESULT_TYPES, RESULT_VISIBILITIES, ACTION_STATUSES } from "../app/domain/result-types";

/** A published outcome (opbrengst) of a project, with a chosen visibility. */
export const results = sqliteTable(
  "results",
  {
    id: id(),
    projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
    /** The school the research was for; visibility is decided from here. */
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    type: text("type", { enum: RESULT_TYPES }).notNull(),
    /** Plain-language summary. */
    summary: text("summary").notNull(),
    conclusions: text("conclusions").notNull().default(""),
    /** JSON array of strings: each recommendation can become an action. */
    recommendations: text("recommendations").notNull().default("[]"),
    /** JSON array of theme ids. */
    themeIds: text("theme_ids").notNull().default("[]"),
    /** JSON array of { label, url }. */
    links: text("links").notNull().default("[]"),
    visibility: text("visibility", { enum: RESULT_VISIBILITIES }).notNull().default("school"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: text("published_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("results_school_idx").on(t.schoolId),
    index("results_visibility_idx").on(t.visibility),
    check("results_visibility_check", sql`${t.visibility} in ('school','partnership','region','public')`),
    check(
      "results_type_check",
      sql`${t.type} in ('onderzoeksrapport','samenvatting','poster','presentatie','lesmateriaal','advies')`,
    ),
  ],
);

/** Consent to publish beyond the school: each student and the schoolleider confirm in the app. */
export const resultConsents = sqliteTable(
  "result_consents",
  {
    resultId: text("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["student", "schoolleider"] }).notNull(),
    /** The visibility consented to. */
    visibility: text("visibility", { enum: RESULT_VISIBILITIES }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.userId] })],
);

/** Uploaded files, stored on disk under the data directory; the row is the source of truth. */
export const resultFiles = sqliteTable(
  "result_files",
  {
    id: id(),
    resultId: text("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    /** The name shown to users (sanitised); never used as a path. */
    fileName: text("file_name").notNull(),
    /** Detected from the content, not from the name. */
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    /** Path relative to the uploads directory: <result id>/<file id>. */
    storageKey: text("storage_key").notNull().unique(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("result_files_result_idx").on(t.resultId)],
);


/** An implementation action (implementatie-actie) following a result's recommendation. */
export const actions = sqliteTable(
  "actions",
  {
    id: id(),
    resultId: text("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: text("due_date"),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("gepland"),
    /** Why it was let go (losgelaten). */
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("actions_result_idx").on(t.resultId),
    index("actions_school_idx").on(t.schoolId, t.status),
    check("actions_status_check", sql`${t.status} in ('gepland','bezig','gedaan','losgelaten')`),
  ],
);

/** A regional expert group around a theme. */
export const expertGroups = sqliteTable("expert_groups", {
  id: id(),
  regionId: text("region_id")
    .notNull()
    .references(() => regions.id, { onDelete: "cascade" }),
  name: text("name").notNull().unique(),
  themeId: text("theme_id").references(() => themes.id, { onDelete: "set null" }),
  description: text("description").notNull().default(""),
  /** open: anyone joins; moderated: a moderator accepts requests. */
  joinPolicy: text("join_policy", { enum: ["open", "moderated"] }).notNull().default("open"),
  createdAt: createdAt(),
  /** Set when a moderator archived it: readable, no new members, posts or meetings (issue 19). */
  archivedAt: text("archived_at"),
});

export const expertGroupMembers = sqliteTable(
  "expert_group_members",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => expertGroups.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["member", "moderator"] }).notNull().default("member"),
    status: text("status", { enum: ["active", "requested"] }).notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("expert_group_members_user_idx").on(t.userId)],
);

/** Results shared into a group. */
export const expertGroupResults = sqliteTable(
  "expert_group_results",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => expertGroups.id, { onDelete: "cascade" }),
    resultId: text("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    sharedById: text("shared_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.resultId] })],
);

/** The discussion per result inside a group ("hoe hebben jullie dit ingevoerd?"). */
export const expertGroupPosts = sqliteTable(
  "expert_group_posts",
  {
    id: id(),
    groupId: text("group_id")
      .notNull()
      .references(() => expertGroups.id, { onDelete: "cascade" }),
    resultId: text("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("expert_group_posts_thread_idx").on(t.groupId, t.resultId, t.createdAt)],
);

export const expertGroupMeetings = sqliteTable(
  "expert_group_meetings",
  {
    id: id(),
    groupId: text("group_id")
      .notNull()
      .references(() => expertGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: text("starts_at").notNull(),
    /** A place or a video link. */
    location: text("location").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
  },
  (t) => [index("expert_group_meetings_group_idx").on(t.groupId, t.startsAt)],
);

/** A discussion a member starts in a group, not tied to a shared result (issue 19). */
export const expertGroupTopics = sqliteTable(
  "expert_group_topics",
  {
    id: id(),
    groupId: text("group_id")
      .notNull()
      .references(() => expertGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("expert_group_topics_group_idx").on(t.groupId, t.createdAt)],
);

/** The messages of a discussion (the first one is the opening message). */
export const expertGroupTopicPosts = sqliteTable(
  "expert_group_topic_posts",
  {
    id: id(),
    topicId: text("topic_id")
      .notNull()
      .references(() => expertGroupTopics.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("expert_group_topic_posts_topic_idx").on(t.topicId, t.createdAt)],
);

// ───────────────────────── Students, labs and matching rounds (issue 5) ─────────────────────────

/** A student teacher's profile, used for fit and for the matching round. */
export const studentProfiles = sqliteTable("student_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  instituteId: text("institute_id").references(() => institutes.id, { onDelete: "set null" }),
  /** Opleiding, e.g. "Pabo voltijd" or "Leraar Nederlands tweedegraads". */
  programme: text("programme").notNull().default(""),
  studyYear: integer("study_year").notNull().default(1),
  /** JSON arrays of theme ids and sectors. */
  themeIds: text("theme_ids").notNull().default("[]"),
  sectors: text("sectors").notNull().default("[]"),
  /** Free text: when the student can do research (e.g. "feb–jun, 2 dagen per week"). */
  availability: text("availability").notNull().default(""),
  /** Where the student lives or prefers to work (city), for distance. */
  homeCity: text("home_city").notNull().default(""),
  updatedAt: text("updated_at").notNull(),
});

/** A learning lab (werkplaats): students and teachers researching a theme together. */
export const labs = sqliteTable(
  "labs",
  {
    id: id(),
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    hostSchoolId: text("host_school_id").references(() => schools.id, { onDelete: "set null" }),
    hostInstituteId: text("host_institute_id").references(() => institutes.id, { onDelete: "set null" }),
    themeIds: text("theme_ids").notNull().default("[]"),
    seats: integer("seats").notNull(),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    createdAt: createdAt(),
    /** Set when archived (issue 19): kept with its history, no longer offered for questions or matching. */
    archivedAt: text("archived_at"),
  },
  (t) => [index("labs_partnership_idx").on(t.partnershipId), check("labs_seats_check", sql`${t.seats} >= 0`)],
);

export const labSupervisors = sqliteTable(
  "lab_supervisors",
  {
    labId: text("lab_id")
      .notNull()
      .references(() => labs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.labId, t.userId] })],
);

/** Teachers (leraren) taking part in a lab, beside its supervisors (issue 19). */
export const labMembers = sqliteTable(
  "lab_members",
  {
    labId: text("lab_id")
      .notNull()
      .references(() => labs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.labId, t.userId] }), index("lab_members_user_idx").on(t.userId)],
);

/** A question attached to a lab uses a lab seat when matched. */
export const questionLabs = sqliteTable(
  "question_labs",
  {
    questionId: text("question_id")
      .primaryKey()
      .references(() => questions.id, { onDelete: "cascade" }),
    labId: text("lab_id")
      .notNull()
      .references(() => labs.id, { onDelete: "cascade" }),
  },
  (t) => [index("question_labs_lab_idx").on(t.labId)],
);

export const ROUND_STATUSES = ["open", "berekend", "gepubliceerd", "gesloten"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** A matching round of a partnership for one period. */
export const matchingRounds = sqliteTable(
  "matching_rounds",
  {
    id: id(),
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Ranking deadline (ISO date-time). */
    deadline: text("deadline").notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("open"),
    /** Set while the allocation runs, so a second run at the same time is refused. */
    runningSince: text("running_since"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    computedAt: text("computed_at"),
    publishedAt: text("published_at"),
    publishedById: text("published_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The round this one follows up (for students left unplaced after publishing). */
    followUpOfId: text("follow_up_of_id"),
  },
  (t) => [
    index("matching_rounds_partnership_idx").on(t.partnershipId, t.createdAt),
    check("matching_rounds_status_check", sql`${t.status} in ('open','berekend','gepubliceerd','gesloten')`),
  ],
);

/** Per-school supervision capacity and solidarity minimum within a round. */
export const roundSchoolSettings = sqliteTable(
  "round_school_settings",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => matchingRounds.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    capacity: integer("capacity").notNull(),
    minimum: integer("minimum").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.schoolId] }),
    check("round_school_settings_check", sql`${t.capacity} >= 0 and ${t.minimum} >= 0`),
  ],
);

/** A student's ranked choices in a round (rank 1 = first choice). */
export const roundRankings = sqliteTable(
  "round_rankings",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => matchingRounds.id, { onDelete: "cascade" }),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.studentId, t.rank] }),
    uniqueIndex("round_rankings_unique_question").on(t.roundId, t.studentId, t.questionId),
    check("round_rankings_rank_check", sql`${t.rank} between 1 and 5`),
  ],
);

export const PROPOSAL_RESPONSES = ["open", "geaccepteerd", "afgewezen"] as const;

/** The computed (and possibly hand-adjusted) placement of a student, and the answers to it. */
export const roundAssignments = sqliteTable(
  "round_assignments",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => matchingRounds.id, { onDelete: "cascade" }),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null: not placed. */
    questionId: text("question_id").references(() => questions.id, { onDelete: "cascade" }),
    rank: integer("rank"),
    /** The Dutch sentence the student sees. */
    explanation: text("explanation").notNull().default(""),
    manual: integer("manual", { mode: "boolean" }).notNull().default(false),
    studentResponse: text("student_response", { enum: PROPOSAL_RESPONSES }).notNull().default("open"),
    schoolResponse: text("school_response", { enum: PROPOSAL_RESPONSES }).notNull().default("open"),
    projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.studentId] }), index("round_assignments_question_idx").on(t.questionId)],
);

// ───────────────────────── Culture scan, shortage, import (issue 7) ─────────────────────────

/** A school's annual Scan onderzoekscultuur. */
export const cultureScans = sqliteTable(
  "culture_scans",
  {
    id: id(),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    schoolYear: text("school_year").notNull(),
    status: text("status", { enum: ["open", "gesloten"] }).notNull().default("open"),
    openedById: text("opened_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    closedAt: text("closed_at"),
  },
  (t) => [uniqueIndex("culture_scans_school_year_unique").on(t.schoolId, t.schoolYear)],
);

/** One respondent's phase (1–4) for one aspect. Never shown with a name. */
export const scanResponses = sqliteTable(
  "scan_responses",
  {
    scanId: text("scan_id")
      .notNull()
      .references(() => cultureScans.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    aspectId: text("aspect_id").notNull(),
    phase: integer("phase").notNull(),
    answeredAt: text("answered_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scanId, t.userId, t.aspectId] }),
    check("scan_responses_phase_check", sql`${t.phase} between 1 and 4`),
  ],
);

/** The phase the team agreed on per aspect, and what they will do about it. */
export const scanAgreements = sqliteTable(
  "scan_agreements",
  {
    scanId: text("scan_id")
      .notNull()
      .references(() => cultureScans.id, { onDelete: "cascade" }),
    aspectId: text("aspect_id").notNull(),
    agreedPhase: integer("agreed_phase").notNull(),
    /** Chosen as one of the 1–3 priorities. */
    priority: integer("priority", { mode: "boolean" }).notNull().default(false),
    action: text("action").notNull().default(""),
    /** The agenda question this priority feeds. */
    questionId: text("question_id").references(() => questions.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.scanId, t.aspectId] }),
    check("scan_agreements_phase_check", sql`${t.agreedPhase} between 1 and 4`),
  ],
);

/** Teacher shortage per school (vacancies as FTE × 10, to stay integer), for the dashboards and solidarity. */
export const schoolShortages = sqliteTable("school_shortages", {
  schoolId: text("school_id")
    .primaryKey()
    .references(() => schools.id, { onDelete: "cascade" }),
  /** Open vacancies in tenths of an FTE (e.g. 25 = 2.5 fte). */
  vacancyTenths: integer("vacancy_tenths").notNull().default(0),
  updatedAt: text("updated_at").notNull(),
});

// ───────────────────────── OAI-PMH (issue 23) ─────────────────────────

/**
 * Every result that is or once was public, as the OAI-PMH repository knows it
 * (docs/decisions/0019). Kept by triggers on `results` (migration 0012): a
 * result that becomes public gets a row, any change to a public result moves
 * its datestamp, and one that stops being public (or is removed) stays as a
 * deleted record (`deletedRecord=persistent`). No foreign key: the record
 * outlives the result.
 */
export const oaiRecords = sqliteTable(
  "oai_records",
  {
    resultId: text("result_id").primaryKey(),
    /** UTC, second granularity: YYYY-MM-DDThh:mm:ssZ. */
    datestamp: text("datestamp").notNull(),
    deleted: integer("deleted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("oai_records_datestamp_idx").on(t.datestamp, t.resultId)],
);

// ───────────────────────── Mail, password resets and single sign-on (issue 21) ─────────────────────────

/**
 * Outgoing mail, queued in the transaction of the event that causes it and
 * sent by the worker (server/mail-worker.ts, record 0022). The rendered text is
 * stored, so a restart or a template change never alters a mail already promised.
 */
export const mailQueue = sqliteTable(
  "mail_queue",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    /** The account it is for, when there is one: checked again at send time (deactivated or erased: not sent). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Fixed at queueing: a retry after a crash carries the same Message-ID, so receivers can drop the duplicate. */
    messageId: text("message_id").notNull().unique(),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    claimedAt: text("claimed_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [
    index("mail_queue_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_queue_created_idx").on(t.createdAt),
    check("mail_queue_status_check", sql`${t.status} in ('queued','sending','sent','failed','cancelled')`),
  ],
);

/** Password reset links: single use, at most an hour; only the token's hash is stored. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** The address that asked, for the per-client throttle. */
    ip: text("ip").notNull(),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("password_resets_user_idx").on(t.userId, t.createdAt), index("password_resets_ip_idx").on(t.ip, t.createdAt)],
);

/** Requests for a reset link, counted per address and per client (also for unknown addresses). */
export const passwordResetRequests = sqliteTable(
  "password_reset_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("password_reset_requests_email_idx").on(t.email, t.at), index("password_reset_requests_ip_idx").on(t.ip, t.at)],
);

/**
 * An OpenID Connect login in progress: the state (hashed), nonce and PKCE
 * verifier stay on the server; the browser holds only the state in a
 * short-lived cookie, and the row is deleted when the callback uses it.
 */
export const ssoLogins = sqliteTable("sso_logins", {
  stateHash: text("state_hash").primaryKey(),
  provider: text("provider").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  redirectTo: text("redirect_to").notNull().default("/"),
  expiresAt: text("expires_at").notNull(),
});

import { sql } from "drizzle-orm";
import { ROLES } from "../app/domain/roles";
import { check, index, integer, sqliteTable, text, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";

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

export const SECTORS = ["po", "vo", "mbo", "so"] as const;
export type Sector = (typeof SECTORS)[number];

export const INSTITUTE_KINDS = ["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"] as const;
export type InstituteKind = (typeof INSTITUTE_KINDS)[number];

export const regions = sqliteTable("regions", {
  id: id(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});

export const partnerships = sqliteTable("partnerships", {
  id: id(),
  regionId: text("region_id")
    .notNull()
    .references(() => regions.id, { onDelete: "restrict" }),
  name: text("name").notNull().unique(),
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

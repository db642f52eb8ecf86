import type { QuestionStatus, TransitionActor } from "./question-lifecycle";
import { isEditable } from "./question-lifecycle";
import type { Role } from "./roles";

/**
 * The one permission module (ARCHITECTURE §5). Every loader, action, API route and
 * WebSocket upgrade asks `can(actor, action, resource)` before touching data.
 *
 * It is pure: the caller loads the actor's memberships and the facts about the
 * resource (which school, which partnerships) and passes them in. That keeps the
 * rules testable as a table and independent of the database.
 */

export type Membership = {
  role: Role;
  /** Set for partnership roles. */
  partnershipId?: string | null;
  /** Set for school roles. */
  schoolId?: string | null;
  /** Set for institute roles. */
  instituteId?: string | null;
  /**
   * Partnerships the membership's school or institute takes part in; lets rules
   * such as "same partnership" be decided without I/O.
   */
  partnershipIds?: readonly string[];
  /** The region of the membership's organisation (null for the platform-wide admin role). */
  regionId?: string | null;
};

export type Actor = {
  userId: string;
  memberships: readonly Membership[];
};

/** Where a resource sits in the organisation tree; only what the rule needs. */
export type OrganisationScope = {
  partnershipIds?: readonly string[];
  schoolId?: string | null;
  instituteId?: string | null;
};

/** A plan's place in the tree plus who works on its project. */
export type PlanScope = OrganisationScope & {
  studentIds: readonly string[];
  begeleiderIds: readonly string[];
};

export type PlanAccess = "edit" | "comment" | "read";

export type ResultVisibility = "school" | "partnership" | "region" | "public";

/** A result's school, its partnerships and region, its visibility and who wrote it. */
export type ResultScope = OrganisationScope & {
  visibility: ResultVisibility;
  regionId: string;
  /** Students and begeleiders of the result's project: they always see their own work. */
  projectMemberIds: readonly string[];
};

/** A question's school, that school's partnerships and its status. */
export type QuestionScope = OrganisationScope & { status: QuestionStatus };

/** Roles that speak for a school about its questions and agenda. */
export const SCHOOL_QUESTION_OWNERS: readonly Role[] = ["schoolleider", "onderzoekscoordinator"];
const SCHOOL_ROLES: readonly Role[] = [
  "schoolleider",
  "onderzoekscoordinator",
  "schoolopleider",
  "werkplekbegeleider",
  "leraar",
];

export type Action =
  /** See the own dashboard, profile and `/api/v1/me`. */
  | "dashboard:view"
  /** See the organisation tree (region → partnerships → schools/institutes). */
  | "organisations:view"
  /** See the people of an organisation (scope: the organisation). */
  | "people:view"
  /** Invite someone to an organisation with a role (scope: the organisation). */
  | "invitation:create"
  /** See and revoke open invitations. */
  | "invitation:manage"
  /** Read the security audit log. */
  | "audit:view"
  /** Open a plan read-only (scope: PlanScope). */
  | "plan:read"
  /** Comment on a plan (scope: PlanScope). */
  | "plan:comment"
  /** Change a plan's text, freeze and restore versions (scope: PlanScope). */
  | "plan:edit"
  /** See the collaboration metrics. */
  | "metrics:view"
  /** Browse and search the partnership's questions (results are filtered per question). */
  | "questions:browse"
  /** See one question (scope: QuestionScope). Concepts only for the school's own staff. */
  | "question:view"
  /** Write a new question for a school (scope: the school). */
  | "question:create"
  /** Change a question's content (scope: QuestionScope; only while concept or sent back). */
  | "question:edit"
  /** Move a question as its school: submit, withdraw, archive (scope: QuestionScope). */
  | "question:act-as-school"
  /** Move a question as programmaleider: open, send back, link duplicates (scope: QuestionScope). */
  | "question:act-as-programme"
  /** See the triage queue of submitted questions. */
  | "question:triage"
  /** See a school's onderzoeksagenda (scope: the school). */
  | "agenda:view"
  /** Reorder a school's onderzoeksagenda (scope: the school). */
  | "agenda:edit"
  /** Read a result and download its files (scope: ResultScope; anonymous callers for public ones). */
  | "result:view"
  /** Add, update and let go of a result's implementation actions (scope: ResultScope). */
  | "result:manage-actions"
  /**
   * Change a published result's visibility (scope: ResultScope): the project's
   * members and the school's owners. Lowering takes effect at once; raising
   * asks the consents again (result-visibility.server.ts).
   */
  | "result:set-visibility"
  /** See and join expert groups. */
  | "expertgroups:view"
  /** See a school's culture scans, aggregated only (scope: the school). */
  | "scan:view"
  /** Fill in the school's open culture scan (scope: the school). */
  | "scan:respond"
  /** Open and close a scan, record agreed phases and priorities (scope: the school). */
  | "scan:manage"
  /** The partnership/region dashboard (scope, optional: the partnership). */
  | "dashboard:region"
  /** The dashboard of one school (scope: the school). */
  | "dashboard:school"
  /** See learning labs and the matching page (what it shows depends on the role). */
  | "labs:view"
  /** Run a partnership's matching round: settings, run, adjust, publish (scope: the partnership). */
  | "round:manage"
  /** Change a partnership's settings, such as the parental-consent age (scope: the partnership). */
  | "partnership:settings"
  /** Rank questions in a partnership's round as a student (scope: the partnership). */
  | "round:rank"
  /** Accept or decline a proposal on behalf of the question's school (scope: the school). */
  | "proposal:respond-school"
  /** Open the import page (onboarding by import): admins and programmaleiders. */
  | "import:use"
  /** Import schools, students or staff into a partnership (scope: the partnership). */
  | "import:partnership"
  /**
   * Through an import, change or link an existing school, or add people to a
   * school or institute (scope: the organisation and the partnerships it is in).
   */
  | "import:organisation";

export const ACTIONS: readonly Action[] = [
  "dashboard:view",
  "organisations:view",
  "people:view",
  "invitation:create",
  "invitation:manage",
  "audit:view",
  "plan:read",
  "plan:comment",
  "plan:edit",
  "metrics:view",
  "questions:browse",
  "question:view",
  "question:create",
  "question:edit",
  "question:act-as-school",
  "question:act-as-programme",
  "question:triage",
  "agenda:view",
  "agenda:edit",
  "result:view",
  "result:manage-actions",
  "result:set-visibility",
  "expertgroups:view",
  "scan:view",
  "scan:respond",
  "scan:manage",
  "dashboard:region",
  "dashboard:school",
  "labs:view",
  "round:manage",
  "partnership:settings",
  "round:rank",
  "proposal:respond-school",
  "import:use",
  "import:partnership",
  "import:organisation",
];

function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

/** The partnerships the actor leads as programmaleider. */
function ledPartnerships(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.role === "programmaleider" && m.partnershipId)
    .map((m) => m.partnershipId as string);
}

function isSchoolStaffOf(actor: Actor, schoolId: string | null | undefined, roles: readonly Role[]): boolean {
  return !!schoolId && actor.memberships.some((m) => m.schoolId === schoolId && roles.includes(m.role));
}

/**
 * What the actor may do with a plan: students of the project write, its
 * begeleiders comment, the school's leadership, the partnership's
 * programmaleider and admins read. Null: no access at all.
 */
export function planAccess(actor: Actor | null | undefined, scope: PlanScope): PlanAccess | null {
  if (!actor) return null;
  if (scope.studentIds.includes(actor.userId)) return "edit";
  if (scope.begeleiderIds.includes(actor.userId)) return "comment";
  if (hasRole(actor, "admin")) return "read";
  if (isSchoolStaffOf(actor, scope.schoolId, ["schoolleider", "onderzoekscoordinator"])) return "read";
  if (scopeInPartnerships(scope, ledPartnerships(actor))) return "read";
  return null;
}

/** Any membership in an organisation that takes part in one of the scope's partnerships. */
function isInPartnershipOf(actor: Actor, scope: OrganisationScope | undefined): boolean {
  if (!scope?.partnershipIds?.length) return false;
  return actor.memberships.some((m) =>
    (m.partnershipIds ?? (m.partnershipId ? [m.partnershipId] : [])).some((id) => scope.partnershipIds!.includes(id)),
  );
}

function questionStatusOf(scope: OrganisationScope | undefined): QuestionStatus | null {
  return scope && "status" in scope ? (scope as QuestionScope).status : null;
}

/** As whom the actor may move this question (for the lifecycle function). */
export function transitionActorsFor(actor: Actor | null | undefined, scope: QuestionScope): TransitionActor[] {
  const actors: TransitionActor[] = [];
  if (can(actor, "question:act-as-school", scope)) actors.push("school");
  if (can(actor, "question:act-as-programme", scope)) actors.push("programme");
  return actors;
}

const PLAN_ACCESS_RANK: Record<PlanAccess, number> = { read: 1, comment: 2, edit: 3 };

function planAllows(actor: Actor, scope: OrganisationScope | undefined, needed: PlanAccess): boolean {
  if (!scope || !("studentIds" in scope)) return false;
  const access = planAccess(actor, scope as PlanScope);
  return access !== null && PLAN_ACCESS_RANK[access] >= PLAN_ACCESS_RANK[needed];
}

function scopeInPartnerships(scope: OrganisationScope | undefined, partnershipIds: string[]): boolean {
  if (!scope?.partnershipIds || partnershipIds.length === 0) return false;
  return scope.partnershipIds.some((id) => partnershipIds.includes(id));
}

/**
 * Who may read a result: `public` everyone (also without an account);
 * `region` everyone with a role in the region; `partnership` everyone in the
 * school's partnerships; `school` only the school's own staff. The project's
 * students and begeleiders always see their own work.
 */
export function canViewResult(actor: Actor | null | undefined, scope: ResultScope): boolean {
  if (scope.visibility === "public") return true;
  if (!actor || actor.memberships.length === 0) return false;
  if (scope.projectMemberIds.includes(actor.userId)) return true;
  if (isSchoolStaffOf(actor, scope.schoolId, SCHOOL_ROLES)) return true;
  if (scope.visibility === "school") return false;
  const isAdmin = hasRole(actor, "admin");
  if (scope.visibility === "partnership") return isAdmin || isInPartnershipOf(actor, scope);
  return isAdmin || actor.memberships.some((m) => m.regionId === scope.regionId);
}

export function can(
  actor: Actor | null | undefined,
  action: Action,
  scope?: OrganisationScope | PlanScope | QuestionScope | ResultScope,
): boolean {
  // The one decision that is also open to anonymous visitors: public results.
  if (action === "result:view") return !!scope && "visibility" in scope && canViewResult(actor, scope as ResultScope);
  if (!actor || actor.memberships.length === 0) return false;
  const isAdmin = hasRole(actor, "admin");

  switch (action) {
    case "dashboard:view":
      return true;
    case "organisations:view":
      return isAdmin || hasRole(actor, "programmaleider");
    case "people:view":
      // Admins see everyone; a programmaleider sees the people of the schools and
      // institutes in the partnerships they lead (and the partnership itself).
      return isAdmin || scopeInPartnerships(scope, ledPartnerships(actor));
    case "invitation:create":
    case "invitation:manage":
    case "audit:view":
    case "metrics:view":
      return isAdmin;
    case "questions:browse":
      return true;
    case "question:view": {
      const status = questionStatusOf(scope);
      if (!status) return false;
      const ownStaff = isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_ROLES);
      // A concept is the school's own draft; from ingediend on the partnership sees it.
      if (status === "concept") return ownStaff;
      return ownStaff || isAdmin || isInPartnershipOf(actor, scope);
    }
    case "question:create":
    case "agenda:edit":
      return isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    case "question:edit": {
      const status = questionStatusOf(scope);
      return !!status && isEditable(status) && isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    }
    case "question:act-as-school":
      return questionStatusOf(scope) !== null && isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    case "question:act-as-programme": {
      const status = questionStatusOf(scope);
      // Programme leaders never act on a school's private concept.
      return !!status && status !== "concept" && (isAdmin || scopeInPartnerships(scope, ledPartnerships(actor)));
    }
    case "question:triage":
      return isAdmin || hasRole(actor, "programmaleider");
    case "agenda:view":
      return (
        isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_ROLES) || isAdmin || scopeInPartnerships(scope, ledPartnerships(actor))
      );
    case "result:manage-actions":
      return isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    case "result:set-visibility":
      return (
        (!!scope && "projectMemberIds" in scope && (scope as ResultScope).projectMemberIds.includes(actor.userId)) ||
        isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS)
      );
    case "expertgroups:view":
    case "labs:view":
      return true;
    case "round:manage":
    case "partnership:settings":
      return isAdmin || scopeInPartnerships(scope, ledPartnerships(actor));
    case "round:rank":
      return actor.memberships.some(
        (m) => m.role === "student" && (m.partnershipIds ?? []).some((id) => scope?.partnershipIds?.includes(id)),
      );
    case "proposal:respond-school":
      return isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    case "import:use":
      return isAdmin || ledPartnerships(actor).length > 0;
    case "import:partnership":
    case "import:organisation":
      // A programmaleider only within the partnerships they lead; an organisation
      // outside every partnership (or in someone else's) is for admins.
      return isAdmin || scopeInPartnerships(scope, ledPartnerships(actor));
    case "scan:view":
      // Aggregates only; the privacy threshold is applied by the domain, never names.
      return (
        isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_ROLES) || isAdmin || scopeInPartnerships(scope, ledPartnerships(actor))
      );
    case "scan:respond":
      return isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_ROLES);
    case "scan:manage":
      return isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS);
    case "dashboard:region":
      if (isAdmin) return true;
      return scope?.partnershipIds ? scopeInPartnerships(scope, ledPartnerships(actor)) : ledPartnerships(actor).length > 0;
    case "dashboard:school":
      return (
        isSchoolStaffOf(actor, scope?.schoolId, SCHOOL_QUESTION_OWNERS) || isAdmin || scopeInPartnerships(scope, ledPartnerships(actor))
      );
    case "plan:read":
      return planAllows(actor, scope, "read");
    case "plan:comment":
      return planAllows(actor, scope, "comment");
    case "plan:edit":
      return planAllows(actor, scope, "edit");
    default: {
      // Exhaustiveness: a new action without a rule fails the type check.
      const unknownAction: never = action;
      throw new Error(`Onbekende actie: ${String(unknownAction)}`);
    }
  }
}

import type { Role } from "../roles";

/**
 * Who is asking, as the policies see it. `Actor` is what the database gives
 * (a user and their memberships); `KnownActor` adds the facts every policy
 * needs, derived once per request or socket by `knowActor` so that no caller
 * re-derives "is admin" or "leads this partnership" by hand.
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

export type ActorFacts = {
  isAdmin: boolean;
  /** Partnerships the actor leads as programmaleider. */
  ledPartnershipIds: readonly string[];
  /** Every partnership any of the actor's organisations takes part in. */
  partnershipIds: readonly string[];
  /** Regions the actor has a role in (the admin role has none of its own). */
  regionIds: readonly string[];
  /** Schools the actor works at, any school role. */
  schoolIds: readonly string[];
  /** Institutes the actor belongs to, any institute role. */
  instituteIds: readonly string[];
};

export type KnownActor = Actor & ActorFacts;

const unique = (values: Iterable<string>) => [...new Set(values)];

function isKnown(actor: Actor): actor is KnownActor {
  return "isAdmin" in actor && Array.isArray((actor as KnownActor).ledPartnershipIds);
}

/** The actor with its facts; cheap to call again on an actor that already has them. */
export function knowActor(actor: Actor): KnownActor {
  if (isKnown(actor)) return actor;
  const ms = actor.memberships;
  return {
    userId: actor.userId,
    memberships: ms,
    isAdmin: ms.some((m) => m.role === "admin"),
    ledPartnershipIds: unique(ms.flatMap((m) => (m.role === "programmaleider" && m.partnershipId ? [m.partnershipId] : []))),
    partnershipIds: unique(ms.flatMap((m) => m.partnershipIds ?? (m.partnershipId ? [m.partnershipId] : []))),
    regionIds: unique(ms.flatMap((m) => (m.regionId ? [m.regionId] : []))),
    schoolIds: unique(ms.flatMap((m) => (m.schoolId ? [m.schoolId] : []))),
    instituteIds: unique(ms.flatMap((m) => (m.instituteId ? [m.instituteId] : []))),
  };
}

/** Roles that speak for a school about its questions and agenda. */
export const SCHOOL_QUESTION_OWNERS: readonly Role[] = ["schoolleider", "onderzoekscoordinator"];
/** Every role of a school's own staff. */
export const SCHOOL_ROLES: readonly Role[] = ["schoolleider", "onderzoekscoordinator", "schoolopleider", "werkplekbegeleider", "leraar"];

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

/** The schools where the actor holds one of `roles`. */
export function schoolsWhere(actor: Actor, roles: readonly Role[]): string[] {
  return unique(actor.memberships.flatMap((m) => (m.schoolId && roles.includes(m.role) ? [m.schoolId] : [])));
}

export function isSchoolStaffOf(actor: Actor, schoolId: string | null | undefined, roles: readonly Role[] = SCHOOL_ROLES): boolean {
  return !!schoolId && actor.memberships.some((m) => m.schoolId === schoolId && roles.includes(m.role));
}

/** Whether one of `partnershipIds` is among the scope's partnerships. */
export function overlaps(scopePartnershipIds: readonly string[] | undefined, partnershipIds: readonly string[]): boolean {
  if (!scopePartnershipIds?.length || partnershipIds.length === 0) return false;
  return scopePartnershipIds.some((id) => partnershipIds.includes(id));
}

/** The actor leads (as programmaleider) one of the scope's partnerships. */
export function leadsOneOf(actor: KnownActor, scopePartnershipIds: readonly string[] | undefined): boolean {
  return overlaps(scopePartnershipIds, actor.ledPartnershipIds);
}

/** Any membership in an organisation that takes part in one of the scope's partnerships. */
export function isInOneOf(actor: KnownActor, scopePartnershipIds: readonly string[] | undefined): boolean {
  return overlaps(scopePartnershipIds, actor.partnershipIds);
}

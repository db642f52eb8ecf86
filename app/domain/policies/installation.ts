import { hasRole, leadsOneOf } from "./actor";
import type { Rules } from "./rule";
import { isExpertGroupScope, orgOf } from "./scopes";

/**
 * Running a partnership year (issue 19): people, labs, begeleiders on
 * projects, expert groups and the end of a schooljaar. Pure rules; the scopes
 * come from app/models/scopes.server.ts.
 */
export const installationRules = {
  /** Change a person's roles, deactivate or reactivate them: admins only (the platform's people). */
  "person:manage": (actor) => actor.isAdmin,
  /** Create, edit and archive a learning lab (scope: its partnership). Admins, or the partnership's programmaleider. */
  "lab:manage": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Add or remove a project's begeleiders (scope: the project's school and partnerships). */
  "project:manage-members": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Close a schooljaar: close rounds, archive projects, end students' access (scope: the partnership). */
  "year:close": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Create an expert group in a region (scope: ExpertGroupScope of the region). Admins, or a programmaleider there. */
  "expertgroup:create": (actor, scope) =>
    isExpertGroupScope(scope) && (actor.isAdmin || (hasRole(actor, "programmaleider") && actor.regionIds.includes(scope.regionId))),
  /** Rename, archive and name moderators of a group (scope: ExpertGroupScope): admins and its active moderators. */
  "expertgroup:manage": (actor, scope) =>
    isExpertGroupScope(scope) && (actor.isAdmin || (scope.membership?.role === "moderator" && scope.membership.status === "active")),
  /** Plan a meeting or start a discussion in a group (scope: ExpertGroupScope): its active members. */
  "expertgroup:meet": (_actor, scope) => isExpertGroupScope(scope) && scope.membership?.status === "active",
} satisfies Rules;

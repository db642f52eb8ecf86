import type { Rules } from "./rule";
import { isExpertGroupScope } from "./scopes";

/** Regional expert groups: who sees a group, joins it, posts and moderates. */
export const expertGroupRules = {
  /** See the list of expert groups (each group is then checked with expertgroup:view). */
  "expertgroups:view": () => true,
  /** See one group (scope: ExpertGroupScope): everyone with a role in its region, and admins. */
  "expertgroup:view": (actor, scope) => isExpertGroupScope(scope) && (actor.isAdmin || actor.regionIds.includes(scope.regionId)),
  /** Join an open group or ask to join a moderated one (scope: ExpertGroupScope). */
  "expertgroup:join": (actor, scope) =>
    isExpertGroupScope(scope) && (actor.isAdmin || actor.regionIds.includes(scope.regionId)) && scope.membership === null,
  /** Write in a group's discussion (scope: ExpertGroupScope): active members only. */
  "expertgroup:post": (_actor, scope) => isExpertGroupScope(scope) && scope.membership?.status === "active",
  /** Accept requests to join (scope: ExpertGroupScope): the group's active moderators. */
  "expertgroup:moderate": (_actor, scope) =>
    isExpertGroupScope(scope) && scope.membership?.role === "moderator" && scope.membership.status === "active",
} satisfies Rules;

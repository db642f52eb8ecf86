import { accountRules } from "./policies/account";
import { actionRules } from "./policies/action";
import { knowActor, type Actor } from "./policies/actor";
import { expertGroupRules } from "./policies/expert-group";
import { importRules } from "./policies/import";
import { installationRules } from "./policies/installation";
import { matchingRules } from "./policies/matching";
import { organisationRules } from "./policies/organisation";
import { personalDataRules } from "./policies/personal-data";
import { planRules } from "./policies/plan";
import { questionRules } from "./policies/question";
import { ANONYMOUS_ACTIONS, resultRules } from "./policies/result";
import type { Rule } from "./policies/rule";
import { scanRules } from "./policies/scan";
import { schoolRules } from "./policies/school";
import type { Scope } from "./policies/scopes";

/**
 * The one permission module (ARCHITECTURE §5). Every loader, action, API route and
 * WebSocket upgrade asks `can(actor, action, resource)` — or `authorize`, which
 * throws — before touching data.
 *
 * The rules live per area in `./policies/` (one file per resource, after
 * Outline's server/policies); this file joins them into one table. Everything
 * is pure: the caller loads the actor and the facts about the resource (see
 * `app/models/scopes.server.ts`) and passes them in, which keeps the rules
 * testable as a role × action table and independent of the database.
 */

const RULES = {
  ...organisationRules,
  ...planRules,
  ...questionRules,
  ...resultRules,
  ...actionRules,
  ...expertGroupRules,
  ...matchingRules,
  ...scanRules,
  ...importRules,
  ...personalDataRules,
  ...installationRules,
  ...schoolRules,
  ...accountRules,
} satisfies Record<string, Rule>;

/** Every action the product knows; the doc comment of each sits on its rule in ./policies/. */
export type Action = keyof typeof RULES;

export const ACTIONS = Object.keys(RULES) as Action[];

export function can(actor: Actor | null | undefined, action: Action, scope?: Scope): boolean {
  const rule: Rule | undefined = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  // Exhaustive by type; at run time an unknown action is refused loudly, never allowed.
  if (!rule) throw new Error(`Onbekende actie: ${String(action)}`);
  if (!actor || actor.memberships.length === 0) {
    // About oneself: a signed-in person keeps these without any membership (a student who left).
    if (actor?.userId && SELF_SERVICE_ACTIONS.has(action)) return rule(knowActor(actor), scope);
    // The one decision that is also open to anonymous visitors: public results.
    return ANONYMOUS_ACTIONS.has(action) ? rule(knowActor({ userId: "", memberships: [] }), scope) : false;
  }
  return rule(knowActor(actor), scope);
}

/** Actions about one's own account and data: open to every signed-in person, memberships or not. */
const SELF_SERVICE_ACTIONS: ReadonlySet<Action> = new Set<Action>(["personal-data:export-own", "account:manage"]);

/** A refusal by the permission module; the request guard turns it into a Dutch 403 or 404. */
export class NotAllowedError extends Error {
  constructor(readonly action: Action) {
    super(`Niet toegestaan: ${action}`);
    this.name = "NotAllowedError";
  }
}

/** `can`, but throwing: for code paths where a refusal ends the work. */
export function authorize(actor: Actor | null | undefined, action: Action, scope?: Scope): void {
  if (!can(actor, action, scope)) throw new NotAllowedError(action);
}

export { knowActor, SCHOOL_QUESTION_OWNERS, SCHOOL_ROLES, type Actor, type ActorFacts, type KnownActor, type Membership } from "./policies/actor";
export { planAccess } from "./policies/plan";
export { transitionActorsFor } from "./policies/question";
export { canViewResult } from "./policies/result";
export type {
  ActionScope,
  ExpertGroupScope,
  OrganisationScope,
  PlanAccess,
  PlanScope,
  ProjectScope,
  QuestionScope,
  ResultScope,
  ResultVisibility,
  Scope,
} from "./policies/scopes";

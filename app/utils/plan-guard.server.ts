import { can, planAccess, type Action, type KnownActor, type PlanAccess, type PlanScope } from "../domain/permissions";
import { findPlanById, type PlanRow } from "../models/plan.server";
import { loadPlanScope } from "../models/scopes.server";
import type { CurrentUser } from "../models/user.server";
import { refusal, requireActor } from "./guard.server";

export type PlanContext = { user: CurrentUser; actor: KnownActor; plan: PlanRow; scope: PlanScope; access: PlanAccess };

/**
 * The plan with the caller's access, after asking the permission module. A plan
 * the caller may not see is a 404, exactly like one that does not exist.
 * `api`: 401/404 as JSON; else a login redirect or the 404 page. `needs`: an
 * access level or a plan action (such as the ethics sign-off) the caller must
 * hold, else a Dutch 403.
 */
export async function requirePlan(
  request: Request,
  planId: string | undefined,
  options: { api?: boolean; needs?: PlanAccess | Action; message?: string } = {},
): Promise<PlanContext> {
  const { user, actor } = await requireActor(request, { api: options.api });
  const plan = planId ? findPlanById(planId) : undefined;
  const scope = plan ? loadPlanScope(plan) : null;
  const access = plan && scope ? planAccess(actor, scope) : null;
  if (!plan || !scope || !access) return refusal(request, { notFound: true, message: "plan.errors.notFound" });
  if (options.needs) {
    const action = (options.needs.includes(":") ? options.needs : `plan:${options.needs}`) as Action;
    if (!can(actor, action, scope)) return refusal(request, { message: options.message ?? "plan.errors.forbidden" });
  }
  return { user, actor, plan, scope, access };
}

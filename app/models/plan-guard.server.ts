import { json } from "@remix-run/node";
import { can, type PlanAccess } from "../domain/permissions";
import { requireApiUser, requireUser } from "../utils/auth.server";
import { getLocale, tFor } from "../utils/i18n.server";
import { findPlanById, loadPlanScope, type PlanRow } from "./plan.server";
import { toActor, type CurrentUser } from "./user.server";

export type PlanContext = { user: CurrentUser; plan: PlanRow; access: PlanAccess };

const ACCESS_ORDER: PlanAccess[] = ["edit", "comment", "read"];

/** The strongest plan action the permission module grants, or null. */
export function planAccessFor(user: CurrentUser, plan: PlanRow): PlanAccess | null {
  const scope = loadPlanScope(plan);
  const actor = toActor(user);
  return ACCESS_ORDER.find((a) => can(actor, `plan:${a}`, scope)) ?? null;
}

/**
 * The plan with the caller's access, after asking the permission module. A plan
 * the caller may not see is a 404, exactly like one that does not exist.
 * `api`: 401/404 as JSON; else a login redirect or the 404 page.
 */
export async function requirePlan(
  request: Request,
  planId: string | undefined,
  options: { api?: boolean; needs?: PlanAccess } = {},
): Promise<PlanContext> {
  const user = options.api ? await requireApiUser(request) : await requireUser(request);
  const plan = planId ? findPlanById(planId) : undefined;
  const access = plan ? planAccessFor(user, plan) : null;
  const t = tFor(await getLocale(request));
  if (!plan || !access) throw json({ error: t("plan.errors.notFound") }, { status: 404 });
  if (options.needs && !can(toActor(user), `plan:${options.needs}`, loadPlanScope(plan))) {
    throw json({ error: t("plan.errors.forbidden") }, { status: 403 });
  }
  return { user, plan, access };
}

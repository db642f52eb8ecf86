import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { announceEthicsSignedOff } from "../models/plan-notices.server";
import { json, redirect } from "@remix-run/node";
import { ethicsComplete } from "../domain/plan-ethics";
import { persistedEthics, signOffEthics } from "../models/plan-ethics.server";
import { requirePlan } from "../utils/plan-guard.server";
import { getLocale, tFor } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  return redirect(`/plannen/${plan.id}#ethiek`);
}

/** The begeleider of the project signs the Ethiek & AVG checklist off. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, plan } = await requirePlan(request, params.id, { needs: "plan:sign-off-ethics", message: "plan.ethics.onlyBegeleider" });
  const t = tFor(await getLocale(request));
  if (!ethicsComplete(persistedEthics(plan.id))) {
    return json({ error: t("plan.ethics.incomplete") }, { status: 400 });
  }
  // The answers the begeleider saw (the page sends them); a script may leave them out.
  const seen = (await request.formData()).get("answers");
  if (seen !== null && (typeof seen !== "string" || seen.length > 20_000)) {
    return json({ error: t("plan.ethics.changedMeanwhile") }, { status: 400 });
  }
  const outcome = signOffEthics(plan.id, user, seen ?? undefined);
  if (outcome === "incomplete") return json({ error: t("plan.ethics.incomplete") }, { status: 400 });
  if (outcome === "changed") return json({ error: t("plan.ethics.changedMeanwhile") }, { status: 409 });
  announceEthicsSignedOff(plan.id, user.id);
  return redirectWithToast(`/plannen/${plan.id}#ethiek`, { kind: "success", message: t("plan.ethics.signedOffToast") });
}

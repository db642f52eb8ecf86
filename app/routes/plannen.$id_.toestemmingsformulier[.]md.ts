import type { LoaderFunctionArgs } from "@remix-run/node";
import { consentFormMarkdown } from "../domain/plan-ethics";
import { consentPolicyOf, persistedEthics, schoolNameOf } from "../models/plan-ethics.server";
import { requirePlan } from "../utils/plan-guard.server";

/** A draft consent form from the checklist answers (Markdown, to finish in a word processor). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  const markdown = consentFormMarkdown({
    planTitle: plan.title,
    schoolName: schoolNameOf(plan),
    answers: persistedEthics(plan.id),
    policy: consentPolicyOf(plan),
  });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="toestemmingsformulier.md"`,
      "Cache-Control": "private, no-store",
    },
  });
}

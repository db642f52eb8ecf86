import type { LoaderFunctionArgs } from "@remix-run/node";
import { consentForm, fileResponse } from "../models/plan-exports.server";
import { requirePlan } from "../utils/plan-guard.server";

/** A draft consent form from the checklist answers (Markdown; also as .docx and .pdf). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  return fileResponse(consentForm(plan).markdown, "text/markdown; charset=utf-8", "toestemmingsformulier.md");
}

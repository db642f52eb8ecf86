import type { LoaderFunctionArgs } from "@remix-run/node";
import { consentForm, fileResponse } from "../models/plan-exports.server";
import { blocksToPdf } from "../models/plan-pdf.server";
import { requirePlan } from "../utils/plan-guard.server";

/** The parental consent form as a PDF, ready to print and sign. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  const form = consentForm(plan);
  return fileResponse(await blocksToPdf(form.title, form.blocks), "application/pdf", "toestemmingsformulier.pdf");
}

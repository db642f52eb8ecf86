import type { LoaderFunctionArgs } from "@remix-run/node";
import { blocksToDocx } from "../models/plan-docx.server";
import { consentForm, DOCX_TYPE, fileResponse } from "../models/plan-exports.server";
import { requirePlan } from "../utils/plan-guard.server";

/** The parental consent form as Word (contract 6.18), for parents and teachers to finish and sign. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  const form = consentForm(plan);
  return fileResponse(await blocksToDocx(form.title, form.blocks), DOCX_TYPE, "toestemmingsformulier.docx");
}

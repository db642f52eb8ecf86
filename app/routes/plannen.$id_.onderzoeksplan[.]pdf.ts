import type { LoaderFunctionArgs } from "@remix-run/node";
import { planSectionsForExport } from "../models/plan-ethics.server";
import { exportCover, fileResponse, planFileName } from "../models/plan-exports.server";
import { planToPdf } from "../models/plan-pdf.server";
import { requirePlan } from "../utils/plan-guard.server";

/** The persisted plan as a PDF with a cover page (server-rendered, record 0025); 404 when not allowed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  const buffer = await planToPdf(plan.title, planSectionsForExport(plan), exportCover(plan));
  return fileResponse(buffer, "application/pdf", "onderzoeksplan.pdf", planFileName(plan, "onderzoeksplan", "pdf"));
}

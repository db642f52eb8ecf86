import type { LoaderFunctionArgs } from "@remix-run/node";
import { planSectionsForExport } from "../models/plan-ethics.server";
import { planToDocx } from "../models/plan-docx.server";
import { DOCX_TYPE, exportCover, fileResponse, planFileName } from "../models/plan-exports.server";
import { requirePlan } from "../utils/plan-guard.server";

/** The persisted plan as a Word document with a cover page; same access rules as export.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id, { api: true });
  const buffer = await planToDocx(plan.title, planSectionsForExport(plan), exportCover(plan));
  return fileResponse(buffer, DOCX_TYPE, "onderzoeksplan.docx", planFileName(plan, "onderzoeksplan", "docx"));
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { planSectionsForExport } from "../models/plan-ethics.server";
import { planToDocx } from "../models/plan-docx.server";
import { requirePlan } from "../utils/plan-guard.server";

/** The persisted plan as a Word document; same access rules as export.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id, { api: true });
  const buffer = await planToDocx(plan.title, planSectionsForExport(plan));
  const filename = `${plan.title.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "onderzoeksplan"}.docx`;
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="onderzoeksplan.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

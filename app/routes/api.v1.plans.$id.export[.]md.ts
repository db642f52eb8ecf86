import type { LoaderFunctionArgs } from "@remix-run/node";
import { planToMarkdown } from "../domain/plan-document";
import { planSectionsForExport } from "../models/plan-ethics.server";
import { requirePlan } from "../utils/plan-guard.server";

/** Contract 6.5: the plan as persisted (snapshot + log in SQLite), as Markdown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id, { api: true });
  const markdown = planToMarkdown(plan.title, planSectionsForExport(plan));
  const filename = `${plan.title.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "onderzoeksplan"}.md`;
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { templateHeader } from "../domain/import/columns";
import { isImportKind } from "../domain/import/types";
import { csvResponse } from "../utils/csv.server";
import { requirePermission } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/** The empty template of one kind: the Dutch header row, as Excel opens it (UTF-8 BOM, semicolons). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import:use");
  const kind = params.kind;
  if (!isImportKind(kind)) {
    const t = await getT(request);
    throw new Response(t("errors.notFoundText"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const header = templateHeader(kind);
  return csvResponse([], header, `sjabloon-${kind}.csv`);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { issueMessage } from "../domain/import/messages";
import { csvResponse } from "../utils/csv.server";
import { loadStoredImport } from "../models/import.server";
import { requirePermission } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * The error report of a preview as CSV: row, column, the cell as it was and
 * the message. Cells are written through the shared CSV helper, which escapes
 * anything that starts like a formula (=HYPERLINK(...) becomes '=HYPERLINK(...)).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:use");
  const t = await getT(request);
  const stored = loadStoredImport(params.id ?? "", user.id);
  if (!stored) throw new Response(t("import.preview.expired"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const fields = [t("import.report.row"), t("import.report.column"), t("import.report.value"), t("import.report.message")];
  const rows = stored.rows.flatMap((row) =>
    row.issues.map((issue) => ({
      [fields[0]!]: issue.row,
      [fields[1]!]: issue.column ?? "",
      [fields[2]!]: issue.value ?? "",
      [fields[3]!]: issueMessage(t, { ...issue, column: null }),
    })),
  );
  return csvResponse(rows, fields, `importfouten-${stored.kind}.csv`);
}

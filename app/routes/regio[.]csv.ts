import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { CSV_FIELDS, CSV_TABLES, csvRows, dashboardFor, resolveDashboardScope, type CsvTable } from "../models/dashboard.server";
import { csvResponse } from "../utils/csv.server";
import { toActor } from "../models/user.server";
import { refusal, requireUser } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/** One table of the region dashboard as CSV (`?tabel=status|gematcht|thema|maand|studenten|acties|scan`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const params = new URL(request.url).searchParams;
  const scope = resolveDashboardScope(toActor(user), params);
  if (!scope) return refusal(request, { message: "scan.regio.notAllowed" });
  const table = params.get("tabel") as CsvTable;
  if (!CSV_TABLES.includes(table)) throw json({ error: t("scan.regio.unknownTable") }, { status: 400 });
  const rows = csvRows(dashboardFor(scope.schoolIds), table, (s) => t(`questions.status.${s}`));
  return csvResponse(rows, CSV_FIELDS[table], `dashboard-${table}.csv`);
}

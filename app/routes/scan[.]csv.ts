import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ASPECTS, PHASE_NAMES, PHASES } from "../domain/culture-scan";
import { can } from "../domain/permissions";
import { csvResponse } from "../utils/csv.server";
import { findScan, scanSummary } from "../models/scan.server";
import { schoolScope } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { requireUser } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

const num = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

/** The spread per aspect of one scan as CSV; the privacy threshold applies here too. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const scan = findScan(new URL(request.url).searchParams.get("scan") ?? "");
  // Unknown and forbidden look the same: no hint that a scan exists.
  if (!scan || !can(toActor(user), "scan:view", schoolScope(scan.schoolId))) {
    throw json({ error: t("scan.errors.notFound") }, { status: 404 });
  }
  const { summaries } = scanSummary(scan.id);
  const fields = ["Aspect", "Respondenten", ...PHASES.map((p) => `Fase ${p} ${PHASE_NAMES[p]}`), "Gemiddelde", "Minimum", "Maximum", "Standaardafwijking", "Afgesproken fase"];
  const rows = summaries.map((s) => {
    const d = s.distribution;
    return {
      Aspect: ASPECTS.find((a) => a.id === s.aspectId)!.name,
      Respondenten: s.respondents,
      [fields[2]!]: d ? d[0] : "",
      [fields[3]!]: d ? d[1] : "",
      [fields[4]!]: d ? d[2] : "",
      [fields[5]!]: d ? d[3] : "",
      Gemiddelde: num(s.mean),
      Minimum: num(s.min),
      Maximum: num(s.max),
      Standaardafwijking: num(s.stdDev),
      "Afgesproken fase": s.agreedPhase ?? "",
    };
  });
  return csvResponse(rows, fields, `scan-${scan.schoolYear}.csv`);
}

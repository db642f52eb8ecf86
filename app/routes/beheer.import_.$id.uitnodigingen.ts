import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../utils/csv.server";
import { importedInvitations, loadStoredImport } from "../models/import.server";
import { requirePermission } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/** Who a finished import invited, as CSV, for its importer only, until the result expires; the links went by mail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:use");
  const t = await getT(request);
  const stored = loadStoredImport(params.id ?? "", user.id);
  if (!stored?.result) throw new Response(t("import.result.gone"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const f = {
    name: t("import.links.name"),
    email: t("import.links.email"),
    role: t("import.links.role"),
    organisation: t("import.links.organisation"),
    link: t("import.links.link"),
    expires: t("import.links.expires"),
  };
  const rows = importedInvitations(stored.result.invitations).map((inv) => ({
    [f.name]: inv.name,
    [f.email]: inv.email,
    [f.role]: t(`roles.${inv.role}`),
    [f.organisation]: inv.organisation,
    [f.link]: t("mail.invitationSent"),
    [f.expires]: inv.expiresAt.slice(0, 10),
  }));
  return csvResponse(rows, Object.values(f), `uitnodigingen-${stored.kind}.csv`);
}

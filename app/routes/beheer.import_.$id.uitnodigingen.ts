import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../utils/csv.server";
import { loadStoredImport, openInvitationLinks } from "../models/import.server";
import { requirePermission } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { readLinkKey } from "../utils/link-seal.server";

/** The invitation links of a finished import as CSV, for its importer only, until the result expires. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
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
  // Sealed under the importer's browser key; from another browser the links stay closed.
  const rows = openInvitationLinks(stored.result.invitations, readLinkKey(request), context.origin).map((inv) => ({
    [f.name]: inv.name,
    [f.email]: inv.email,
    [f.role]: t(`roles.${inv.role}`),
    [f.organisation]: inv.organisation,
    [f.link]: inv.link ?? t("import.result.linkOtherBrowser"),
    [f.expires]: inv.expiresAt.slice(0, 10),
  }));
  return csvResponse(rows, Object.values(f), `uitnodigingen-${stored.kind}.csv`);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { exportPersonalData, recordAdminExport } from "../models/personal-export.server";
import { authorize } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { personalDataResponse } from "../utils/download.server";

/** An admin produces a person's export for an access request (issue 22); the download is audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await authorize(request, "person:export", undefined, { api: true });
  const data = params.id && params.id.length <= 100 ? exportPersonalData(params.id) : null;
  if (!data) return json({ error: (await getT(request))("privacy.api.notFound") }, { status: 404 });
  recordAdminExport({ id: user.id, ip: context.clientIp }, params.id!);
  return personalDataResponse(data);
}

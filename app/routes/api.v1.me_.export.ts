import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { exportPersonalData } from "../models/personal-export.server";
import { personalDataResponse } from "../utils/download.server";
import { authorize } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/** Contract 6.15: everything stored about the caller, as one JSON attachment (AVG art. 15/20). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await authorize(request, "personal-data:export-own", undefined, { api: true });
  const data = exportPersonalData(user.id);
  if (!data) return json({ error: (await getT(request))("privacy.api.notFound") }, { status: 404 });
  return personalDataResponse(data);
}

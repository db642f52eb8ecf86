import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { erasePerson } from "../models/erasure.server";
import { authorize, requireApiUser } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.15: `DELETE /api/v1/users/:id` (admin) erases a person: sign-in
 * ends, sessions and sockets end, name and email become "Verwijderde
 * gebruiker" everywhere, shared work stays (app/models/erasure.server.ts).
 * 200 `{ id, status }`; erasing twice answers the same, with "already-erased".
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = await getT(request);
  if (request.method !== "DELETE") {
    await requireApiUser(request);
    return json({ error: "Gebruik DELETE om een persoon te wissen." }, { status: 405, headers: { Allow: "DELETE" } });
  }
  const { user } = await authorize(request, "person:erase", undefined, { api: true });
  const id = params.id ?? "";
  if (id === user.id) return json({ error: t("privacy.api.self") }, { status: 400 });
  const result = id.length <= 100 ? erasePerson(id, { id: user.id, ip: context.clientIp }) : null;
  if (!result) return json({ error: t("privacy.api.notFound") }, { status: 404 });
  return json({ id, status: result.status }, { headers: { "Cache-Control": "no-store" } });
}

/** No person view in the API (yet): unknown like any other path. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request);
  return json({ error: "Dit adres bestaat niet in de API." }, { status: 404 });
}

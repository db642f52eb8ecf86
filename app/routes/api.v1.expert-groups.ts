import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "../domain/permissions";
import { groupSchema } from "../schemas/expert-group";
import { addExpertGroup, isGroupWriteError, listGroups } from "../models/expert-group.server";
import { badRequest, field, readJson } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14, expert groups: `GET` the groups the caller may see; `POST`
 * `{ regionId, name, joinPolicy, moderatorIds }` creates one (201 `{ id }`,
 * audited) for an admin or a programmaleider of the region (`expertgroup:create`).
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, { api: true });
  if (!can(actor, "expertgroups:view")) return refusal(request, { api: true });
  const groups = listGroups(actor).map((g) => ({ id: g.id, name: g.name, joinPolicy: g.joinPolicy, regionId: g.regionId, archived: !!g.archivedAt }));
  return json({ groups }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  const body = await readJson(request);
  if (body === undefined) return badRequest(t("organisations.errors.jsonInvalid"));
  if (!can(actor, "expertgroup:create", { regionId: field(body, "regionId"), membership: null })) return refusal(request, { api: true });
  const parsed = groupSchema.safeParse(body);
  if (!parsed.success) return badRequest(t(parsed.error.issues[0]?.message ?? "errors.badRequest"));
  const { moderatorIds, ...group } = parsed.data;
  const result = addExpertGroup(group, moderatorIds, user.id);
  if (isGroupWriteError(result)) return badRequest(Object.values(result.errors).map((k) => t(k)).join(" "));
  return json({ id: result.id }, { status: 201 });
}

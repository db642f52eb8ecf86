import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "../domain/permissions";
import { removeBegeleider } from "../models/project-members.server";
import { projectScopes } from "../models/scopes.server";
import { badRequest } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14: `DELETE /api/v1/projects/:id/members/:userId` removes a
 * begeleider; the project_members trigger moves the access epoch, so their
 * open plan sockets close within a second.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, { api: true });
  return json({ error: (await getT(request))("errors.badRequest") }, { status: 405 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "DELETE") return json({ error: t("errors.badRequest") }, { status: 405 });
  const projectId = (params.id ?? "").slice(0, 100);
  const scope = projectScopes([projectId]).get(projectId);
  if (!scope || !can(actor, "project:manage-members", scope)) return refusal(request, { api: true, notFound: !scope });
  const outcome = removeBegeleider(projectId, (params.userId ?? "").slice(0, 100), user.id, context.clientIp);
  if (outcome !== "ok") return badRequest(t(`install.projects.errors.${outcome}`), 404);
  return json({ ok: true });
}

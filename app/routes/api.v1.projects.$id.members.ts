import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "../domain/permissions";
import { addBegeleider } from "../models/project-members.server";
import { projectScopes } from "../models/scopes.server";
import { badRequest, field, readJson } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14: `POST /api/v1/projects/:id/members` `{ userId, role: "begeleider" }`
 * adds an instituutsopleider of the partnership or a werkplekbegeleider of the
 * question's school (then 6.5 gives them `comment`), by `project:manage-members`.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, { api: true });
  return json({ error: (await getT(request))("errors.badRequest") }, { status: 405 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  const projectId = (params.id ?? "").slice(0, 100);
  const scope = projectScopes([projectId]).get(projectId);
  if (!scope || !can(actor, "project:manage-members", scope)) return refusal(request, { api: true, notFound: !scope });
  const body = await readJson(request);
  if (body === undefined) return badRequest(t("organisations.errors.jsonInvalid"));
  if (field(body, "role") !== "begeleider") return badRequest(t("install.projects.errors.roleBegeleider"));
  const userId = field(body, "userId");
  if (!userId) return badRequest(t("install.projects.errors.userRequired"));
  const outcome = addBegeleider(projectId, userId, user.id, context.clientIp);
  if (outcome === "ok") return json({ id: userId }, { status: 201 });
  return badRequest(t(`install.projects.errors.${outcome}`));
}

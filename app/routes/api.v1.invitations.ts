import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { can } from "../domain/permissions";
import { organisationKindForRole, ROLES, rolesForOrganisationKind } from "../domain/roles";
import { inviteIntoOrganisation, organisationColumns } from "../models/invitation.server";
import { listInvitableOrganisations, organisationScopeOf } from "../models/organisation.server";
import { badRequest, field, readJson } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14: `POST /api/v1/invitations` `{ email, name, role, organisationId }`
 * → 201 `{ id }`. The link travels by mail (6.12) and is never in the response.
 * Same checks and permission (`invitation:create`) as /beheer/uitnodigingen.
 */
const bodySchema = z.object({
  email: z.string({ required_error: "invitations.errors.emailInvalid", invalid_type_error: "invitations.errors.emailInvalid" }).trim().max(320, "invitations.errors.tooLong").email("invitations.errors.emailInvalid"),
  name: z.string({ required_error: "invitations.errors.nameRequired", invalid_type_error: "invitations.errors.nameRequired" }).trim().min(1, "invitations.errors.nameRequired").max(200, "invitations.errors.tooLong"),
  role: z.enum(ROLES, { errorMap: () => ({ message: "invitations.errors.roleRequired" }) }),
  organisationId: z.string().max(100, "invitations.errors.organisationUnknown").nullish(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, { api: true });
  return json({ error: (await getT(request))("errors.badRequest") }, { status: 405 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  const body = await readJson(request);
  if (body === undefined) return badRequest(t("organisations.errors.jsonInvalid"));
  // Permission first, on what can be read of the body, so strangers learn nothing from validation.
  const organisationId = field(body, "organisationId");
  const organisation = listInvitableOrganisations().find((o) => (o.id ?? "") === organisationId);
  const invitable = listInvitableOrganisations().some((o) => can(actor, "invitation:create", organisationScopeOf(o)));
  if (!invitable || (organisation && !can(actor, "invitation:create", organisationScopeOf(organisation)))) return refusal(request, { api: true });

  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return badRequest(t(parsed.error.issues[0]?.message ?? "errors.badRequest"));
  if (!organisation) return badRequest(t("invitations.errors.organisationUnknown"));
  if (organisationKindForRole(parsed.data.role) !== organisation.kind) {
    return badRequest(t("invitations.errors.roleMismatch", { hint: rolesForOrganisationKind(organisation.kind).map((r) => t(`roles.${r}`)).join(", ") }));
  }
  // The same model function as the page: duplicates refused, nothing stored (6.14 says 400 for bad input).
  const invited = inviteIntoOrganisation({
    email: parsed.data.email,
    name: parsed.data.name,
    role: parsed.data.role,
    org: organisationColumns(organisation.kind, organisation.id),
    invitedById: user.id,
    ip: context.clientIp,
    origin: context.origin,
    auditDetail: { via: "api" },
  });
  if ("field" in invited) return badRequest(t(invited.message, invited.params));
  return json({ id: invited.id }, { status: 201, headers: { "Cache-Control": "no-store" } });
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "../domain/permissions";
import { checkLabInput } from "../domain/lab-input";
import { isLabWriteError, labPeopleIds, listLabs, saveLab } from "../models/lab.server";
import { badRequest, field, readJson } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14, labs: `GET` lists the labs the caller may see with their
 * supervisors; `POST` creates one (201 `{ id }`, audited) through the same
 * check and model function as /labs, for admins and the partnership's
 * programmaleider (`lab:manage`).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, { api: true });
  if (!can(actor, "labs:view")) return refusal(request, { api: true });
  const labs = listLabs(actor);
  const people = labPeopleIds(labs.map((l) => l.id));
  return json(
    {
      labs: labs.map((lab) => ({
        id: lab.id,
        name: lab.name,
        seats: lab.seats,
        partnershipId: lab.partnershipId,
        periodStart: lab.periodStart,
        periodEnd: lab.periodEnd,
        archived: !!lab.archivedAt,
        supervisors: people.supervisors.filter((s) => s.labId === lab.id).map(({ id, name }) => ({ id, name })),
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  const body = await readJson(request);
  if (body === undefined) return badRequest(t("organisations.errors.jsonInvalid"));
  const partnershipId = field(body, "partnershipId");
  if (!can(actor, "lab:manage", { partnershipIds: partnershipId ? [partnershipId] : [] })) return refusal(request, { api: true });
  const check = checkLabInput(body);
  if (!check.ok) return badRequest(Object.values(check.errors).map((k) => t(k)).join(" "));
  const result = saveLab(check.value, user.id);
  if (isLabWriteError(result)) return badRequest(Object.values(result.errors).map((k) => t(k)).join(" "));
  return json({ id: result.id }, { status: 201 });
}

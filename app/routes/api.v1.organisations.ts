import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { can, type Action, type Scope } from "../domain/permissions";
import { SECTOR_VALUES } from "../domain/sectors";
import { addInstitute, addPartnership, addRegion, addSchool, isOrgWriteError, type OrgWriteResult } from "../models/organisation-admin.server";
import { listActiveRegions, listInvitableOrganisations } from "../models/organisation.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * Contract 6.14, organisations: `POST` creates a region, partnership,
 * institute or school (201 `{ id }`, audited by the model); `GET` lists what
 * the caller may see. The same permission module and model functions as the
 * /organisaties page, so the two can never disagree.
 */

const name = z.string({ required_error: "organisations.errors.nameRequired" }).trim().min(2, "organisations.errors.nameRequired").max(200, "organisations.errors.tooLong");
const city = z.string({ required_error: "organisations.errors.cityRequired" }).trim().min(2, "organisations.errors.cityRequired").max(120, "organisations.errors.tooLong");
const partnershipIds = z
  .array(z.string().min(1).max(100), { required_error: "organisations.errors.partnershipRequired", invalid_type_error: "organisations.errors.partnershipRequired" })
  .min(1, "organisations.errors.partnershipRequired")
  .max(50, "organisations.errors.tooLong");

const bodySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("region"), name }),
    z.object({ kind: z.literal("partnership"), name, regionId: z.string({ required_error: "organisations.errors.regionRequired" }).min(1, "organisations.errors.regionRequired").max(100) }),
    z.object({
      kind: z.literal("institute"),
      name,
      instituteKind: z.enum(["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"], { errorMap: () => ({ message: "organisations.errors.kindRequired" }) }),
      city,
      partnershipIds,
    }),
    z.object({
      kind: z.literal("school"),
      name,
      sector: z.enum(SECTOR_VALUES, { errorMap: () => ({ message: "organisations.errors.sectorRequired" }) }),
      board: z.string({ required_error: "organisations.errors.boardRequired" }).trim().min(2, "organisations.errors.boardRequired").max(200, "organisations.errors.tooLong"),
      city,
      partnershipIds,
    }),
  ],
  { errorMap: () => ({ message: "organisations.errors.kindUnknown" }) },
);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, { api: true });
  const all = can(actor, "organisations:view");
  const own = new Set(actor.memberships.flatMap((m) => [m.partnershipId, m.schoolId, m.instituteId].filter((id): id is string => !!id)));
  const organisations = [
    ...(all ? listActiveRegions().map((r) => ({ id: r.id, kind: "region" as const, name: r.name })) : []),
    ...listInvitableOrganisations()
      .filter((o): o is typeof o & { id: string } => o.kind !== "platform" && !!o.id && (all || own.has(o.id)))
      .map((o) => ({ id: o.id, kind: o.kind, name: o.plainName })),
  ];
  return json({ organisations }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  const bad = (message: string) => json({ error: message }, { status: 400 });
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return bad(t("organisations.errors.jsonInvalid"));
  }
  const parsed = bodySchema.safeParse(body);
  // Decide permission on what we can read of the body first, so strangers learn nothing from validation.
  const kind = (body as { kind?: unknown } | null)?.kind;
  const ids = Array.isArray((body as { partnershipIds?: unknown } | null)?.partnershipIds) ? ((body as { partnershipIds: unknown[] }).partnershipIds.filter((id) => typeof id === "string") as string[]) : [];
  const [permission, scope]: [Action, Scope | undefined] = kind === "school" || kind === "institute" ? ["organisation:add-member", { partnershipIds: ids }] : ["organisation:create", undefined];
  if (!can(actor, permission, scope)) return refusal(request, { api: true });
  if (!parsed.success) return bad(t(parsed.error.issues[0]?.message ?? "errors.badRequest"));

  const input = parsed.data;
  let result: OrgWriteResult;
  switch (input.kind) {
    case "region":
      result = addRegion({ name: input.name }, user.id);
      break;
    case "partnership":
      result = addPartnership({ name: input.name, regionId: input.regionId }, user.id);
      break;
    case "institute":
      result = addInstitute({ name: input.name, kind: input.instituteKind, city: input.city, partnershipIds: input.partnershipIds }, user.id);
      break;
    case "school":
      result = addSchool({ name: input.name, sector: input.sector, board: input.board, city: input.city, partnershipIds: input.partnershipIds }, user.id);
      break;
  }
  if (isOrgWriteError(result)) return bad(Object.values(result.errors).map((key) => t(key)).join(" "));
  return json({ id: result.id }, { status: 201 });
}

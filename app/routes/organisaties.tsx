import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "../domain/permissions";
import { consentAgeSchema } from "../domain/plan-ethics";
import { addInstitute, addPartnership, addRegion, addSchool, isOrgWriteError, linkToPartnership, renameOrganisation, setArchived, type OrgWriteResult } from "../models/organisation-admin.server";
import { listUnlinkedOrganisations, loadOrganisationTree, setParentalConsentAge } from "../models/organisation.server";
import { toActor } from "../models/user.server";
import { refuseUnless, requirePermission, requireUser } from "../utils/guard.server";
import { fieldErrors, readForm } from "../utils/forms.server";
import { archiveSchema, instituteSchema, linkSchema, partnershipSchema, regionSchema, renameSchema, schoolSchema } from "../schemas/organisation";
import { OrganisationsView } from "../components/organisations/organisations-view";
import type { FormReply } from "../components/organisations/reply";
import type { ZodError } from "zod";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Organisaties — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "organisations:view");
  const actor = toActor(user);
  const regions = loadOrganisationTree(actor);
  // Archived organisations stay in the tree but are not offered for new work.
  const partnershipsFlat = regions
    .filter((r) => !r.archived)
    .flatMap((r) => r.partnerships.filter((p) => !p.archived).map((p) => ({ id: p.id, name: p.name, regionId: r.id })));
  const linkTargets = partnershipsFlat.filter((p) => can(actor, "organisation:link", { partnershipIds: [p.id] }));
  const memberTargets = partnershipsFlat.filter((p) => can(actor, "organisation:add-member", { partnershipIds: [p.id] }));
  const unlinked = listUnlinkedOrganisations();
  const seen = new Map<string, { value: string; name: string; kind: "school" | "institute" }>();
  for (const region of regions) {
    for (const p of region.partnerships) {
      for (const s of p.schools.filter((o) => !o.archived)) seen.set(`school:${s.id}`, { value: `school:${s.id}`, name: s.name, kind: "school" });
      for (const i of p.institutes.filter((o) => !o.archived)) seen.set(`institute:${i.id}`, { value: `institute:${i.id}`, name: i.name, kind: "institute" });
    }
  }
  for (const o of unlinked) seen.set(`${o.kind}:${o.id}`, { value: `${o.kind}:${o.id}`, name: o.name, kind: o.kind });
  return {
    regions,
    canInvite: can(actor, "invitation:manage") || regions.some((r) => r.partnerships.some((p) => [...p.schools, ...p.institutes].some((o) => o.canInvite))),
    canCreate: can(actor, "organisation:create"),
    canManagePeople: can(actor, "person:manage"),
    memberTargets,
    linkTargets,
    linkable: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, "nl")),
    unlinked,
  };
}

const TREE_INTENTS = ["create-region", "create-partnership", "create-school", "create-institute", "link", "rename", "archive"] as const;
type TreeIntent = (typeof TREE_INTENTS)[number];

/** Creating, linking and renaming organisations (issue 19); every branch asks the permission module first. */
async function treeAction(request: Request, intent: TreeIntent, form: Record<string, string>) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const t = await getT(request);
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.slice(0, 300)]));
  const reply = (errors: Record<string, string>, status: number) => data<FormReply>({ form: intent, errors, values }, { status });
  const invalid = (error: ZodError) => reply(fieldErrors(error, t), 400);
  const done = (result: OrgWriteResult, message: string, hash: string) => {
    if (isOrgWriteError(result)) {
      return reply(Object.fromEntries(Object.entries(result.errors).map(([k, key]) => [k, t(key)])), result.status);
    }
    return redirectWithToast(`/organisaties${hash}`, { kind: "success", message: t(message, { name: result.name }) });
  };
  const forbiddenReply: FormReply = { form: intent, errors: {}, values, refused: t("errors.forbiddenText") };

  if (intent === "create-school" || intent === "create-institute") {
    const partnershipId = (form.partnershipId ?? "").slice(0, 100);
    const refusedMember = refuseUnless<FormReply>(actor, "organisation:add-member", { partnershipIds: partnershipId ? [partnershipId] : [] }, forbiddenReply);
    if (refusedMember) return refusedMember;
  } else if (intent === "link") {
    const parsed = linkSchema.safeParse(form);
    const scope = { partnershipIds: [parsed.success ? parsed.data.partnershipId : (form.partnershipId ?? "")] };
    const refused = refuseUnless<FormReply>(actor, "organisation:link", scope, forbiddenReply);
    if (refused) return refused;
    if (!parsed.success) return invalid(parsed.error);
    const [kind, id] = parsed.data.organisation.split(":") as ["school" | "institute", string];
    return done(linkToPartnership({ kind, id, partnershipId: parsed.data.partnershipId }, user.id), "organisations.manage.linked", `#p-${parsed.data.partnershipId}`);
  }

  const refused = intent === "create-school" || intent === "create-institute" ? null : refuseUnless<FormReply>(actor, "organisation:create", undefined, forbiddenReply);
  if (refused) return refused;
  switch (intent) {
    case "create-region": {
      const parsed = regionSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const result = addRegion(parsed.data, user.id);
      return done(result, "organisations.manage.regionCreated", isOrgWriteError(result) ? "" : `#region-${result.id}`);
    }
    case "create-partnership": {
      const parsed = partnershipSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const result = addPartnership(parsed.data, user.id);
      return done(result, "organisations.manage.partnershipCreated", isOrgWriteError(result) ? "" : `#p-${result.id}`);
    }
    case "create-school": {
      const parsed = schoolSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const { partnershipId, ...school } = parsed.data;
      return done(addSchool({ ...school, partnershipIds: [partnershipId] }, user.id), "organisations.manage.schoolCreated", `#p-${partnershipId}`);
    }
    case "create-institute": {
      const parsed = instituteSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const { partnershipId, ...institute } = parsed.data;
      return done(addInstitute({ ...institute, partnershipIds: [partnershipId] }, user.id), "organisations.manage.instituteCreated", `#p-${partnershipId}`);
    }
    case "rename": {
      const parsed = renameSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const [kind, id] = parsed.data.organisation.split(":") as ["region" | "partnership" | "school" | "institute", string];
      return done(renameOrganisation({ kind, id, name: parsed.data.name }, user.id), "organisations.manage.renamed", "");
    }
    case "archive": {
      const parsed = archiveSchema.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      const [kind, id] = parsed.data.organisation.split(":") as ["region" | "partnership" | "school" | "institute", string];
      const archived = parsed.data.archived === "true";
      return done(setArchived({ kind, id, archived }, user.id), archived ? "organisations.manage.archived" : "organisations.manage.restored", "");
    }
  }
  return reply({ form: t("errors.badRequest") }, 400);
}

/** The tree's forms, and a programmaleider (or admin) setting the partnership's parental-consent age. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const form = await readForm(request);
  if (form && (TREE_INTENTS as readonly string[]).includes(form.intent ?? "")) return treeAction(request, form.intent as TreeIntent, form);
  const partnershipId = form?.partnershipId ?? "";
  if (!form || form.intent !== "consent-age" || !partnershipId) {
    return data({ partnershipId, error: t("errors.badRequest") }, { status: 400 });
  }
  const refused = refuseUnless(toActor(user), "partnership:settings", { partnershipIds: [partnershipId] }, { partnershipId, error: t("errors.forbiddenText") });
  if (refused) return refused;
  const parsed = consentAgeSchema.safeParse(form);
  if (!parsed.success) {
    return data({ partnershipId, error: t(parsed.error.issues[0]?.message ?? "errors.badRequest") }, { status: 400 });
  }
  const age = parsed.data.parentalConsentUnderAge;
  const name = setParentalConsentAge(partnershipId, age, user.id);
  if (name === null) {
    return data({ partnershipId, error: t("organisations.consentAge.errors.unknownPartnership") }, { status: 404 });
  }
  return redirectWithToast(`/organisaties#p-${partnershipId}`, {
    kind: "success",
    message: t("organisations.consentAge.saved", { name, age }),
  });
}

export default function OrganisationsPage() {
  return <OrganisationsView {...useLoaderData<typeof loader>()} />;
}

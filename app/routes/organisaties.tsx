import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { can } from "../domain/permissions";
import { CONSENT_AGE_MAX, CONSENT_AGE_MIN, consentAgeSchema } from "../domain/plan-ethics";
import { addInstitute, addPartnership, addRegion, addSchool, isOrgWriteError, linkToPartnership, renameOrganisation, setArchived, type OrgWriteResult } from "../models/organisation-admin.server";
import {
  listUnlinkedOrganisations,
  loadOrganisationTree,
  setParentalConsentAge,
  type OrgNode,
  type PartnershipNode,
  type Person,
} from "../models/organisation.server";
import { toActor } from "../models/user.server";
import { refuseUnless, requirePermission, requireUser } from "../utils/guard.server";
import { fieldErrors, readForm } from "../utils/forms.server";
import { archiveSchema, instituteSchema, linkSchema, partnershipSchema, regionSchema, renameSchema, schoolSchema } from "../schemas/organisation";
import { FormAlert, SelectField, SubmitButton } from "../components/organisations/form-parts";
import { FormField } from "../components/ui/form-field";
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

/** Which form answered: its intent, the field errors, what was typed (so nothing is lost). */
type FormReply = { form: string; errors: Record<string, string>; values: Record<string, string>; refused?: string };

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
  const { regions, canInvite, canCreate, canManagePeople, memberTargets, linkTargets, linkable, unlinked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData && "refused" in actionData ? actionData.refused : undefined;
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("organisations.title")}</h1>
          <p className="lead">{t("organisations.intro")}</p>
        </div>
        {canInvite ? (
          <Link className="button" to="/beheer/uitnodigingen">
            {t("organisations.invite")}
          </Link>
        ) : null}
      </header>
      {refused ? (
        <div className="alert alert--error" role="alert">
          {refused}
        </div>
      ) : null}
      {regions.length === 0 ? <p className="empty">{canCreate ? t("organisations.emptyAdmin") : t("organisations.empty")}</p> : null}
      {canCreate || memberTargets.length > 0 || linkTargets.length > 0 ? (
        <section className="card stack" aria-labelledby="manage-tree">
          <h2 id="manage-tree">{t("organisations.manage.title")}</h2>
          {canCreate ? (
            <>
              <RegionForm />
              {regions.some((r) => !r.archived) ? <PartnershipForm regions={regions.filter((r) => !r.archived).map((r) => ({ id: r.id, name: r.name }))} /> : null}
            </>
          ) : null}
          {memberTargets.length > 0 ? <SchoolForm partnerships={memberTargets} /> : null}
          {memberTargets.length > 0 ? <InstituteForm partnerships={memberTargets} /> : null}
          {linkTargets.length > 0 && linkable.length > 0 ? <LinkForm partnerships={linkTargets} organisations={linkable} /> : null}
          {canCreate && regions.length > 0 && memberTargets.length === 0 ? <p className="muted">{t("organisations.manage.nextPartnership")}</p> : null}
        </section>
      ) : null}
      {unlinked.length > 0 ? (
        <section className="card stack" aria-labelledby="unlinked">
          <h2 id="unlinked">{t("organisations.manage.unlinkedTitle")}</h2>
          <p className="muted">{t("organisations.manage.unlinkedHelp")}</p>
          <ul className="org-list">
            {unlinked.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {regions.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`} className="stack">
          <h2 id={`region-${region.id}`}>{region.name}</h2>
          {region.archived ? <ArchivedBadge /> : null}
          {canCreate ? <RenameForm value={`region:${region.id}`} current={region.name} archived={region.archived} /> : null}
          {region.partnerships.length === 0 ? (
            <p className="empty">{canCreate ? t("organisations.manage.noPartnershipsAdmin") : t("organisations.manage.noPartnerships")}</p>
          ) : null}
          {region.partnerships.map((p) => (
            <section key={p.id} className="card stack" aria-labelledby={`p-${p.id}`}>
              <h3 id={`p-${p.id}`}>{p.name}</h3>
              {p.archived ? <ArchivedBadge /> : null}
              {canCreate ? <RenameForm value={`partnership:${p.id}`} current={p.name} archived={p.archived} /> : null}
              <ConsentAgeSetting partnership={p} />
              <PeopleDetails people={p.people} manage={canManagePeople} />
              <h4>{t("organisations.schools")}</h4>
              {p.schools.length === 0 ? <p className="muted">{t("organisations.manage.noSchools")}</p> : null}
              <ul className="org-list">
                {p.schools.map((s) => (
                  <OrgItem key={s.id} org={s} kind="school" canRename={canCreate} manage={canManagePeople} />
                ))}
              </ul>
              <h4>{t("organisations.institutes")}</h4>
              {p.institutes.length === 0 ? <p className="muted">{t("organisations.manage.noInstitutes")}</p> : null}
              <ul className="org-list">
                {p.institutes.map((i) => (
                  <OrgItem key={i.id} org={i} kind="institute" canRename={canCreate} manage={canManagePeople} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

/** The reply for the form with this intent (and key), if the last submission was that form. */
function useReply(intent: string, key?: string) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const own = actionData && "form" in actionData && actionData.form === intent && (!key || actionData.values.organisation === key) ? actionData : null;
  const pending =
    navigation.state !== "idle" && navigation.formData?.get("intent") === intent && (!key || navigation.formData?.get("organisation") === key);
  return { errors: own?.errors ?? {}, values: own?.values ?? {}, pending };
}

function ManageDetails({ intent, title, children }: { intent: string; title: string; children: ReactNode }) {
  const { errors } = useReply(intent);
  return (
    <details className="manage-form" open={Object.keys(errors).length > 0 || undefined}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function RegionForm() {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("create-region");
  return (
    <ManageDetails intent="create-region" title={t("organisations.manage.newRegion")}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create-region" />
        <FormAlert error={errors.form} />
        <FormField label={t("organisations.manage.regionName")} name="name" id="region-name" required maxLength={200} defaultValue={values.name} error={errors.name} />
        <SubmitButton pending={pending} label={t("organisations.manage.createRegion")} />
      </Form>
    </ManageDetails>
  );
}

function PartnershipForm({ regions }: { regions: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("create-partnership");
  return (
    <ManageDetails intent="create-partnership" title={t("organisations.manage.newPartnership")}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create-partnership" />
        <FormAlert error={errors.form} />
        <FormField label={t("organisations.manage.partnershipName")} name="name" id="partnership-name" required maxLength={200} defaultValue={values.name} error={errors.name} />
        <SelectField
          id="partnership-region"
          name="regionId"
          label={t("organisations.manage.region")}
          placeholder={t("organisations.manage.choose")}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
          defaultValue={values.regionId ?? (regions.length === 1 ? regions[0]!.id : undefined)}
          error={errors.regionId}
        />
        <SubmitButton pending={pending} label={t("organisations.manage.createPartnership")} />
      </Form>
    </ManageDetails>
  );
}

type PartnershipOption = { id: string; name: string };

function SchoolForm({ partnerships }: { partnerships: PartnershipOption[] }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("create-school");
  return (
    <ManageDetails intent="create-school" title={t("organisations.manage.newSchool")}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create-school" />
        <FormAlert error={errors.form} />
        <FormField label={t("organisations.manage.schoolName")} name="name" id="school-name" required maxLength={200} defaultValue={values.name} error={errors.name} />
        <SelectField
          id="school-sector"
          name="sector"
          label={t("organisations.manage.sector")}
          placeholder={t("organisations.manage.choose")}
          options={(["po", "vo", "mbo", "so"] as const).map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          defaultValue={values.sector}
          error={errors.sector}
        />
        <FormField label={t("organisations.manage.board")} help={t("organisations.manage.boardHelp")} name="board" id="school-board" required maxLength={200} defaultValue={values.board} error={errors.board} />
        <FormField label={t("organisations.manage.city")} name="city" id="school-city" required maxLength={120} defaultValue={values.city} error={errors.city} />
        <SelectField
          id="school-partnership"
          name="partnershipId"
          label={t("organisations.manage.partnership")}
          placeholder={t("organisations.manage.choose")}
          options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={values.partnershipId ?? (partnerships.length === 1 ? partnerships[0]!.id : undefined)}
          error={errors.partnershipId}
        />
        <SubmitButton pending={pending} label={t("organisations.manage.createSchool")} />
      </Form>
    </ManageDetails>
  );
}

function InstituteForm({ partnerships }: { partnerships: PartnershipOption[] }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("create-institute");
  return (
    <ManageDetails intent="create-institute" title={t("organisations.manage.newInstitute")}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create-institute" />
        <FormAlert error={errors.form} />
        <FormField label={t("organisations.manage.instituteName")} name="name" id="institute-name" required maxLength={200} defaultValue={values.name} error={errors.name} />
        <SelectField
          id="institute-kind"
          name="kind"
          label={t("organisations.manage.kind")}
          placeholder={t("organisations.manage.choose")}
          options={(["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"] as const).map((k) => ({ value: k, label: t(`instituteKinds.${k}`) }))}
          defaultValue={values.kind}
          error={errors.kind}
        />
        <FormField label={t("organisations.manage.city")} name="city" id="institute-city" required maxLength={120} defaultValue={values.city} error={errors.city} />
        <SelectField
          id="institute-partnership"
          name="partnershipId"
          label={t("organisations.manage.partnership")}
          placeholder={t("organisations.manage.choose")}
          options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={values.partnershipId ?? (partnerships.length === 1 ? partnerships[0]!.id : undefined)}
          error={errors.partnershipId}
        />
        <SubmitButton pending={pending} label={t("organisations.manage.createInstitute")} />
      </Form>
    </ManageDetails>
  );
}

function LinkForm({ partnerships, organisations }: { partnerships: PartnershipOption[]; organisations: { value: string; name: string; kind: "school" | "institute" }[] }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("link");
  return (
    <ManageDetails intent="link" title={t("organisations.manage.link")}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="link" />
        <p className="field__help">{t("organisations.manage.linkHelp")}</p>
        <FormAlert error={errors.form} />
        <SelectField
          id="link-organisation"
          name="organisation"
          label={t("organisations.manage.organisation")}
          placeholder={t("organisations.manage.choose")}
          options={organisations.map((o) => ({ value: o.value, label: `${o.name} (${t(`organisations.manage.kinds.${o.kind}`)})` }))}
          defaultValue={values.organisation}
          error={errors.organisation}
        />
        <SelectField
          id="link-partnership"
          name="partnershipId"
          label={t("organisations.manage.partnership")}
          placeholder={t("organisations.manage.choose")}
          options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={values.partnershipId}
          error={errors.partnershipId}
        />
        <SubmitButton pending={pending} label={t("organisations.manage.linkSubmit")} />
      </Form>
    </ManageDetails>
  );
}

function ArchivedBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--muted">{t("organisations.manage.archivedBadge")}</span>;
}

/** Renaming and archiving in place, folded away: both happen rarely. */
function RenameForm({ value, current, archived }: { value: string; current: string; archived: boolean }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("rename", value);
  const archive = useReply("archive", value);
  const id = `rename-${value.replace(":", "-")}`;
  return (
    <details className="manage-form manage-form--inline" open={Object.keys(errors).length > 0 || undefined}>
      <summary>{t("organisations.manage.rename", { name: current })}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="organisation" value={value} />
        <FormAlert error={errors.form ?? errors.organisation} />
        <FormField label={t("organisations.manage.newName")} name="name" id={id} required maxLength={200} defaultValue={values.name ?? current} error={errors.name} />
        <SubmitButton pending={pending} label={t("organisations.manage.renameSubmit")} />
      </Form>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="archive" />
        <input type="hidden" name="organisation" value={value} />
        <input type="hidden" name="archived" value={archived ? "false" : "true"} />
        <p className="field__help">{archived ? t("organisations.manage.restoreHelp") : t("organisations.manage.archiveHelp")}</p>
        <FormAlert error={archive.errors.form ?? archive.errors.organisation} />
        <div>
          <button type="submit" className="button button--secondary button--small" disabled={archive.pending} aria-busy={archive.pending}>
            {archive.pending ? t("organisations.manage.saving") : archived ? t("organisations.manage.restore", { name: current }) : t("organisations.manage.archive", { name: current })}
          </button>
        </div>
      </Form>
    </details>
  );
}

const AGES = Array.from({ length: CONSENT_AGE_MAX - CONSENT_AGE_MIN + 1 }, (_, i) => CONSENT_AGE_MIN + i);

/** The partnership's consent age: a small form for who may change it, a sentence for others. */
function ConsentAgeSetting({ partnership }: { partnership: PartnershipNode }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const age = partnership.parentalConsentUnderAge;
  if (!partnership.canEditSettings) return <p className="muted">{t("organisations.consentAge.current", { age })}</p>;
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "consent-age" && navigation.formData?.get("partnershipId") === partnership.id;
  const error = actionData && "partnershipId" in actionData && actionData.partnershipId === partnership.id ? actionData.error : null;
  const fieldId = `consent-age-${partnership.id}`;
  return (
    <Form method="post" className="stack consent-age">
      <h4 id={`${fieldId}-heading`}>{t("organisations.consentAge.heading")}</h4>
      <input type="hidden" name="intent" value="consent-age" />
      <input type="hidden" name="partnershipId" value={partnership.id} />
      <p className="field__help" id={`${fieldId}-help`}>
        {t("organisations.consentAge.help")}
      </p>
      <div className="button-row">
        <label htmlFor={fieldId}>{t("organisations.consentAge.label")}</label>
        <select
          id={fieldId}
          name="parentalConsentUnderAge"
          defaultValue={age}
          aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        >
          {AGES.map((a) => (
            <option key={a} value={a}>
              {t("organisations.consentAge.option", { age: a })}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={saving}>
          {saving ? t("organisations.consentAge.saving") : t("organisations.consentAge.save")}
        </button>
      </div>
      {error ? (
        <p className="field__error" id={`${fieldId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

function OrgItem({ org, kind, canRename, manage }: { org: OrgNode; kind: "school" | "institute"; canRename: boolean; manage: boolean }) {
  const { t } = useTranslation();
  const detail = org.detail.sector
    ? t("organisations.sectorCity", {
        sector: t(`sectors.${org.detail.sector}`),
        city: org.detail.city,
        board: org.detail.board,
      })
    : `${t(`instituteKinds.${org.detail.kind}`)} · ${org.detail.city}`;
  return (
    <li>
      <strong>{org.name}</strong> <span className="muted">{detail}</span>
      {org.archived ? (
        <>
          {" "}
          <ArchivedBadge />
        </>
      ) : null}
      {org.canInvite ? (
        <p>
          <Link to={`/beheer/uitnodigingen?organisatie=${kind}:${org.id}`} aria-label={t("organisations.manage.inviteInto", { name: org.name })}>
            {t("organisations.manage.inviteShort")}
          </Link>
        </p>
      ) : null}
      {canRename ? <RenameForm value={`${kind}:${org.id}`} current={org.name} archived={org.archived} /> : null}
      <PeopleDetails people={org.people} manage={manage} />
    </li>
  );
}

/** A disclosure per organisation keeps a 150-person region readable. */
function PeopleDetails({ people, manage }: { people: Person[] | null; manage: boolean }) {
  const { t } = useTranslation();
  if (people === null) return <p className="muted">{t("organisations.peopleHidden")}</p>;
  if (people.length === 0) return <p className="muted">{t("organisations.noPeople")}</p>;
  return (
    <details className="people">
      <summary>
        {t("organisations.people")}: {t("organisations.peopleCount", { count: people.length })}
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("organisations.name")}</th>
            <th scope="col">{t("organisations.email")}</th>
            <th scope="col">{t("organisations.role")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={`${person.userId}-${person.role}`}>
              <td>
                {manage ? (
                  <Link to={`/personen/${person.userId}`} aria-label={t("install.people.manageLabel", { name: person.name })}>
                    {person.name}
                  </Link>
                ) : (
                  person.name
                )}
                {person.activated ? null : <span className="badge badge--muted"> {t("organisations.pending")}</span>}
              </td>
              <td>{person.email}</td>
              <td>{t(`roles.${person.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

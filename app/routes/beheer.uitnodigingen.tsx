import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/ui/form-field";
import { organisationKindForRole, ROLES, rolesForOrganisationKind, type OrganisationKind } from "../domain/roles";
import { inviteIntoOrganisation, listOpenInvitations, organisationColumns, revokeInvitation } from "../models/invitation.server";
import { can } from "../domain/permissions";
import { findOrganisation, listInvitableOrganisations, organisationScopeOf, type OrganisationRef } from "../models/organisation.server";
import type { OrganisationScope } from "../domain/policies/scopes";
import { invitationSchema } from "../schemas/invitation";
import { refusal, refuseUnless, requireActor } from "../utils/guard.server";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { logger } from "../utils/logger.server";
import { redirectWithToast } from "../utils/toast.server";
import { dateFormat as amsterdamDateFormat } from "../domain/dates";

/** The platform itself (and anything no longer in the tree): only an admin acts on it. */
const PLATFORM_SCOPE: OrganisationScope = { partnershipIds: [], schoolId: null, instituteId: null };

/** The organisation an open invitation is into, as the permission module's scope. */
function scopeOfInvitation(
  inv: { partnershipId: string | null; schoolId: string | null; instituteId: string | null },
  organisations: OrganisationRef[],
): OrganisationScope {
  const [kind, id] = inv.schoolId ? ["school", inv.schoolId] : inv.instituteId ? ["institute", inv.instituteId] : inv.partnershipId ? ["partnership", inv.partnershipId] : ["platform", null];
  const org = organisations.find((o) => o.kind === kind && o.id === id);
  return org ? organisationScopeOf(org) : PLATFORM_SCOPE;
}

export const meta: MetaFunction = () => [{ title: "Uitnodigingen — Samen Onderzoeken" }];

/**
 * Admins invite into any organisation and see every open invitation; a
 * programmaleider invites into the schools and institutes of the partnerships
 * they lead (the permission module decides per organisation).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const all = listInvitableOrganisations();
  const organisations = all
    .filter((o) => can(actor, "invitation:create", organisationScopeOf(o)))
    .map((o) => ({ value: `${o.kind}:${o.id ?? ""}`, kind: o.kind, name: o.name }));
  const canManage = can(actor, "invitation:manage");
  if (organisations.length === 0 && !canManage) return refusal(request);
  const requested = new URL(request.url).searchParams.get("organisatie") ?? "";
  return {
    organisations,
    preselected: organisations.some((o) => o.value === requested) ? requested : "",
    canManage,
    // The mail queue is the admins' page; a programmaleider managing invitations does not get a link that refuses them.
    canSeeMailQueue: can(actor, "mail:view-queue"),
    // Each open invitation only to whoever may withdraw it: a programmaleider sees their partnership's.
    open: canManage ? listOpenInvitations().filter((inv) => can(actor, "invitation:manage", scopeOfInvitation(inv, all))) : [],
    locale: await getLocale(request),
  };
}

type ActionData = {
  errors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
  created?: { id: string; name: string; email: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ formError: t("errors.badRequest") }, { status: 400 });

  if (form.intent === "revoke") {
    const id = (form.invitationId ?? "").slice(0, 100);
    const invitation = listOpenInvitations().find((inv) => inv.id === id);
    const scope = invitation ? scopeOfInvitation(invitation, listInvitableOrganisations()) : PLATFORM_SCOPE;
    const refusedRevoke = refuseUnless<ActionData>(actor, "invitation:manage", scope, { formError: t("errors.forbiddenText") });
    if (refusedRevoke) return refusedRevoke;
    if (!invitation || !revokeInvitation(id, user.id, context.clientIp)) {
      return data<ActionData>({ formError: t("accept.notFound") }, { status: 404 });
    }
    return redirectWithToast("/beheer/uitnodigingen", { kind: "success", message: t("invitations.revoked") });
  }

  const values = {
    name: (form.name ?? "").slice(0, 300),
    email: (form.email ?? "").slice(0, 400),
    organisation: (form.organisation ?? "").slice(0, 120),
    role: (form.role ?? "").slice(0, 50),
  };
  const parsed = invitationSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error, t), values }, { status: 400 });

  const [kind, rawId] = parsed.data.organisation.split(":") as [OrganisationKind, string];
  const organisation = findOrganisation(kind, rawId || null);
  if (!organisation) {
    return data<ActionData>({ errors: { organisation: t("invitations.errors.organisationUnknown") }, values }, { status: 400 });
  }
  if (organisationKindForRole(parsed.data.role) !== organisation.kind) {
    const fitting = rolesForOrganisationKind(organisation.kind).map((r) => t(`roles.${r}`)).join(", ");
    return data<ActionData>(
      { errors: { role: t("invitations.errors.roleMismatch", { hint: fitting }) }, values },
      { status: 400 },
    );
  }
  // The permission module decides per organisation: admins everywhere, a programmaleider in their partnership's schools and institutes.
  const refused = refuseUnless<ActionData>(actor, "invitation:create", organisationScopeOf(organisation), {
    formError: t("errors.forbiddenText"),
    values,
  });
  if (refused) return refused;
  // The link travels only by mail, queued in the same transaction (contract 6.12); the log names the invitation, never its token.
  const invited = inviteIntoOrganisation({
    email: parsed.data.email,
    name: parsed.data.name,
    role: parsed.data.role,
    org: organisationColumns(organisation.kind, organisation.id),
    invitedById: user.id,
    ip: context.clientIp,
    origin: context.origin,
  });
  if ("field" in invited) return data<ActionData>({ errors: { [invited.field]: t(invited.message, invited.params) }, values }, { status: 409 });
  const { id } = invited;
  logger.info({ invitationId: id, email: parsed.data.email, role: parsed.data.role }, "uitnodiging aangemaakt en per mail in de wachtrij");
  return data<ActionData>({ created: { id, name: parsed.data.name, email: parsed.data.email } });
}

export default function InvitationsPage() {
  const { organisations, open, locale, preselected, canManage, canSeeMailQueue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const errors = actionData?.errors ?? {};
  const values = actionData?.created ? undefined : actionData?.values;
  const [orgValue, setOrgValue] = useState(values?.organisation ?? preselected);
  const selectedKind = organisations.find((o) => o.value === orgValue)?.kind;
  const groups: { kind: OrganisationKind; label: string }[] = [
    { kind: "platform", label: t("invitations.groupPlatform") },
    { kind: "partnership", label: t("invitations.groupPartnerships") },
    { kind: "school", label: t("invitations.groupSchools") },
    { kind: "institute", label: t("invitations.groupInstitutes") },
  ];
  const dateFormat = amsterdamDateFormat(locale);

  return (
    <div className="stack-lg">
      <header>
        <h1>{t("invitations.title")}</h1>
        <p className="lead">{t("invitations.intro")}</p>
      </header>

      {actionData?.created ? (
        <div className="alert alert--success" role="status">
          <p>{t("invitations.created", { name: actionData.created.name })}</p>
          <p>{t("mail.invitationSentTo", { name: actionData.created.name, email: actionData.created.email })}</p>
          {canSeeMailQueue ? (
            <p>
              <Link to="/beheer/mail">{t("mail.invitationQueueLink")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}

      <section className="card" aria-labelledby="new-invitation">
        <h2 id="new-invitation">{t("invitations.formTitle")}</h2>
        <Form method="post" className="stack" noValidate key={actionData?.created?.id ?? "form"}>
          <input type="hidden" name="intent" value="create" />
          <FormField
            label={t("invitations.name")}
            help={t("invitations.nameHelp")}
            name="name"
            required
            maxLength={200}
            autoComplete="off"
            defaultValue={values?.name}
            error={errors.name}
          />
          <FormField
            label={t("invitations.email")}
            name="email"
            type="email"
            required
            maxLength={320}
            autoComplete="off"
            defaultValue={values?.email}
            error={errors.email}
          />
          <div className={`field${errors.organisation ? " field--invalid" : ""}`}>
            <label htmlFor="invite-organisation">{t("invitations.organisation")}</label>
            <select
              id="invite-organisation"
              name="organisation"
              required
              value={orgValue}
              onChange={(e) => setOrgValue(e.target.value)}
              aria-invalid={errors.organisation ? true : undefined}
              aria-describedby={errors.organisation ? "invite-organisation-error" : undefined}
            >
              <option value="">{t("invitations.organisationPlaceholder")}</option>
              {groups.filter((group) => organisations.some((o) => o.kind === group.kind)).map((group) => (
                <optgroup key={group.kind} label={group.label}>
                  {organisations
                    .filter((o) => o.kind === group.kind)
                    .map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {errors.organisation ? (
              <p className="field__error" id="invite-organisation-error">
                {errors.organisation}
              </p>
            ) : null}
          </div>
          <div className={`field${errors.role ? " field--invalid" : ""}`}>
            <label htmlFor="invite-role">{t("invitations.role")}</label>
            <p className="field__help" id="invite-role-help">
              {t("invitations.roleHelp")}
            </p>
            <select
              id="invite-role"
              name="role"
              required
              defaultValue={values?.role ?? ""}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={`invite-role-help${errors.role ? " invite-role-error" : ""}`}
            >
              <option value="">{t("invitations.rolePlaceholder")}</option>
              {selectedKind
                ? rolesForOrganisationKind(selectedKind).map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))
                : // No organisation chosen yet (or no JavaScript): every role, grouped under the kind of organisation it belongs to.
                  groups
                    .filter((group) => organisations.some((o) => o.kind === group.kind))
                    .map((group) => (
                      <optgroup key={group.kind} label={group.label}>
                        {ROLES.filter((role) => organisationKindForRole(role) === group.kind).map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </optgroup>
                    ))}
            </select>
            {errors.role ? (
              <p className="field__error" id="invite-role-error">
                {errors.role}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button" disabled={pending} aria-busy={pending}>
              {pending ? t("invitations.pending") : t("invitations.submit")}
            </button>
          </div>
        </Form>
      </section>

      {canManage ? (
      <section aria-labelledby="open-invitations">
        <h2 id="open-invitations">{t("invitations.openTitle")}</h2>
        {open.length === 0 ? (
          <p className="empty">{t("invitations.none")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("invitations.name")}</th>
                <th scope="col">{t("invitations.email")}</th>
                <th scope="col">{t("invitations.role")}</th>
                <th scope="col">{t("invitations.organisation")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("invitations.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {open.map((inv) => (
                <tr key={inv.id}>
                  <td>{inv.name}</td>
                  <td>{inv.email}</td>
                  <td>{t(`roles.${inv.role}`)}</td>
                  <td>
                    {inv.partnershipName ?? inv.schoolName ?? inv.instituteName ?? t("home.platform")}
                    <br />
                    <span className="muted">{t("invitations.expires", { date: dateFormat.format(new Date(inv.expiresAt)) })}</span>
                    <br />
                    <span className="muted">{t("mail.invitationSent")}</span>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" className="button button--secondary button--small">
                        {t("invitations.revoke")}
                        <span className="visually-hidden">: {inv.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      ) : null}
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../domain/permissions";
import { CONSENT_AGE_MAX, CONSENT_AGE_MIN, consentAgeSchema } from "../domain/plan-ethics";
import {
  loadOrganisationTree,
  setParentalConsentAge,
  type OrgNode,
  type PartnershipNode,
  type Person,
} from "../models/organisation.server";
import { toActor } from "../models/user.server";
import { refuseUnless, requirePermission, requireUser } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Organisaties — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "organisations:view");
  const actor = toActor(user);
  return { regions: loadOrganisationTree(actor), canInvite: can(actor, "invitation:manage") };
}

/** A programmaleider (or admin) sets the partnership's parental-consent age. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const form = await readForm(request);
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
  const { regions, canInvite } = useLoaderData<typeof loader>();
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
      {regions.length === 0 ? <p className="empty">{t("organisations.empty")}</p> : null}
      {regions.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`} className="stack">
          <h2 id={`region-${region.id}`}>{region.name}</h2>
          {region.partnerships.map((p) => (
            <section key={p.id} className="card stack" aria-labelledby={`p-${p.id}`}>
              <h3 id={`p-${p.id}`}>{p.name}</h3>
              <ConsentAgeSetting partnership={p} />
              <PeopleDetails people={p.people} />
              <h4>{t("organisations.schools")}</h4>
              <ul className="org-list">
                {p.schools.map((s) => (
                  <OrgItem key={s.id} org={s} />
                ))}
              </ul>
              <h4>{t("organisations.institutes")}</h4>
              <ul className="org-list">
                {p.institutes.map((i) => (
                  <OrgItem key={i.id} org={i} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
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
  const saving = navigation.state !== "idle" && navigation.formData?.get("partnershipId") === partnership.id;
  const error = actionData?.partnershipId === partnership.id ? actionData.error : null;
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

function OrgItem({ org }: { org: OrgNode }) {
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
      <PeopleDetails people={org.people} />
    </li>
  );
}

/** A disclosure per organisation keeps a 150-person region readable. */
function PeopleDetails({ people }: { people: Person[] | null }) {
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
                {person.name}
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

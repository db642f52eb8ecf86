import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField } from "../components/organisations/form-parts";
import { formatDate } from "../domain/dates";
import { isRole, organisationKindForRole, ROLES } from "../domain/roles";
import { listInvitableOrganisations } from "../models/organisation.server";
import { addRole, deactivateUser, loadPerson, reactivateUser, removeRole } from "../models/user-status.server";
import { readForm } from "../utils/forms.server";
import { authorize, refusal } from "../utils/guard.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.person.name ?? "Persoon"} — Samen Onderzoeken` }];

/** One person for the admin (issue 19): their roles, adding and removing one, deactivating and reactivating. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await authorize(request, "person:manage");
  const person = loadPerson(params.id ?? "");
  if (!person) return refusal(request, { notFound: true });
  return {
    person,
    organisations: listInvitableOrganisations().map((o) => ({ value: `${o.kind}:${o.id ?? ""}`, label: o.name })),
    locale: await getLocale(request),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await authorize(request, "person:manage");
  const t = await getT(request);
  const person = loadPerson(params.id ?? "");
  if (!person) return refusal(request, { notFound: true });
  const form = await readForm(request);
  const back = `/personen/${person.id}`;
  const fail = (key: string, status = 400) => data({ error: t(`install.people.errors.${key}`) }, { status });
  switch (form?.intent) {
    case "deactivate": {
      const outcome = deactivateUser(person.id, user.id, context.clientIp);
      if (outcome !== "ok") return fail(outcome);
      return redirectWithToast(back, { kind: "success", message: t("install.people.deactivated", { name: person.name }) });
    }
    case "reactivate": {
      const outcome = reactivateUser(person.id, user.id, context.clientIp);
      if (outcome !== "ok") return fail(outcome);
      return redirectWithToast(back, { kind: "success", message: t("install.people.reactivated", { name: person.name }) });
    }
    case "add-role": {
      const role = form.role ?? "";
      if (!isRole(role)) return fail("roleRequired");
      const [kind, id] = (form.organisation ?? "").split(":");
      if (kind !== organisationKindForRole(role)) return fail("wrongKind");
      const outcome = addRole({ userId: person.id, role, organisationId: id || null }, user.id, context.clientIp);
      if (outcome !== "ok") return fail(outcome, outcome === "duplicate" ? 409 : 400);
      return redirectWithToast(back, { kind: "success", message: t("install.people.roleAdded") });
    }
    case "remove-role": {
      const outcome = removeRole({ userId: person.id, membershipId: (form.membershipId ?? "").slice(0, 100) }, user.id, context.clientIp);
      if (outcome !== "ok") return fail(outcome);
      return redirectWithToast(back, { kind: "success", message: t("install.people.roleRemoved") });
    }
    default:
      return data({ error: t("errors.badRequest") }, { status: 400 });
  }
}

export default function PersonPage() {
  const { person, organisations, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state !== "idle";
  const { t } = useTranslation();
  return (
    <article className="stack-lg" aria-labelledby="person-title">
      <p>
        <Link to="/organisaties">← {t("install.people.back")}</Link>
      </p>
      <header className="stack">
        <h1 id="person-title">{person.name}</h1>
        <p className="lead">{person.email}</p>
        <p>
          <strong>{t("install.people.status")}:</strong>{" "}
          {person.disabled ? t("install.people.disabled", { date: formatDate(person.disabledAt!, locale) }) : person.activated ? t("install.people.active") : t("install.people.pending")}
        </p>
      </header>
      <FormAlert error={actionData?.error} />
      <section className="card stack" aria-labelledby="roles-title">
        <h2 id="roles-title">{t("install.people.roles")}</h2>
        <ul className="plan-members">
          {person.roles.map((r) => (
            <li key={r.id} className="button-row">
              <span>
                {t(`roles.${r.role}`)} <span className="muted">— {r.organisation}</span>
              </span>
              {person.roles.length > 1 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-role" />
                  <input type="hidden" name="membershipId" value={r.id} />
                  <button type="submit" className="button button--secondary button--small" disabled={pending} aria-label={t("install.people.removeRoleLabel", { role: t(`roles.${r.role}`), organisation: r.organisation })}>
                    {t("install.people.removeRole")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="stack">
          <h3>{t("install.people.addRole")}</h3>
          <input type="hidden" name="intent" value="add-role" />
          <SelectField id="person-role" name="role" label={t("install.people.role")} placeholder={t("install.people.choose")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <SelectField id="person-organisation" name="organisation" label={t("install.people.organisation")} placeholder={t("install.people.choose")} options={organisations} />
          <div>
            <button type="submit" className="button" disabled={pending}>
              {t("install.people.add")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="status-title">
        <h2 id="status-title">{t("install.people.status")}</h2>
        <p className="muted">{t("install.people.deactivateHelp")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={person.disabled ? "reactivate" : "deactivate"} />
          <button type="submit" className={person.disabled ? "button" : "button button--secondary"} disabled={pending}>
            {person.disabled ? t("install.people.reactivate") : t("install.people.deactivate")}
          </button>
        </Form>
        <p>
          <Link to={`/beheer/personen/${person.id}`}>{t("install.people.privacyLink")}</Link>
        </p>
      </section>
    </article>
  );
}

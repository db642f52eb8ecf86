import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EraseConfirmation } from "../components/privacy/erase-confirmation";
import privacyStyles from "../components/privacy/privacy.css?url";
import { formatDate } from "../domain/dates";
import { erasePerson } from "../models/erasure.server";
import { findPersonView } from "../models/person-admin.server";
import { authorize, refusal } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Persoon — Samen Onderzoeken" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: privacyStyles }];

/** An admin's view of one person: download their data, or erase them (AVG art. 15 and 17). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await authorize(request, "person:erase");
  const person = findPersonView(params.id ?? "");
  if (!person) await refusal(request, { notFound: true, message: "privacy.person.notFound" });
  return { person: person!, self: person!.id === user.id, locale: await getLocale(request) };
}

type ActionData = { error?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await authorize(request, "person:erase");
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ error: t("errors.badRequest") }, { status: 400 });
  const id = params.id ?? "";
  if (id === user.id) return data<ActionData>({ error: t("privacy.person.self") }, { status: 400 });
  if (form.confirm !== "ja") return data<ActionData>({ error: t("privacy.person.confirmRequired") }, { status: 400 });
  const result = erasePerson(id, { id: user.id, ip: context.clientIp });
  if (!result) await refusal(request, { notFound: true, message: "privacy.person.notFound" });
  const message = result!.status === "erased" ? t("privacy.person.erasedToast") : t("privacy.person.alreadyErased");
  return redirectWithToast(`/beheer/personen/${encodeURIComponent(id)}`, { kind: "success", message });
}

export default function PersonPage() {
  const { person, self, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const status = person.erasedAt
    ? t("privacy.person.erased", { date: formatDate(person.erasedAt, locale) })
    : person.disabledAt
      ? t("privacy.person.disabled", { date: formatDate(person.disabledAt, locale) })
      : t("privacy.person.active");
  return (
    <div className="stack-lg">
      <p>
        <Link to="/beheer/personen">← {t("privacy.person.back")}</Link>
      </p>
      <header>
        <h1>{person.erasedAt ? t("privacy.person.erasedTitle") : t("privacy.person.title", { name: person.name })}</h1>
      </header>
      <section className="card stack" aria-labelledby="person-facts">
        <h2 id="person-facts">{t("privacy.person.facts")}</h2>
        <dl className="facts">
          <dt>{t("privacy.person.email")}</dt>
          <dd>{person.email}</dd>
          <dt>{t("privacy.person.created")}</dt>
          <dd>{formatDate(person.createdAt, locale)}</dd>
          <dt>{t("privacy.person.status")}</dt>
          <dd>{status}</dd>
          <dt>{t("privacy.person.roles")}</dt>
          <dd>
            {person.roles.length === 0 ? (
              t("privacy.person.noRoles")
            ) : (
              <ul>
                {person.roles.map((r, i) => (
                  <li key={i}>
                    {t(`roles.${r.role}`, { defaultValue: r.role })}
                    {r.organisation ? ` — ${r.organisation}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {person.erasedAt ? null : (
          <p>
            <Link to={`/personen/${person.id}`}>{t("privacy.person.manageLink")}</Link>
          </p>
        )}
      </section>
      <section className="card stack" aria-labelledby="person-export">
        <h2 id="person-export">{t("privacy.person.exportTitle")}</h2>
        <p>{t("privacy.person.exportText")}</p>
        <p>
          <a className="button button--secondary" href={`/api/v1/users/${encodeURIComponent(person.id)}/export`} download>
            {t("privacy.person.export")}
          </a>
        </p>
      </section>
      {person.erasedAt ? null : (
        <section className="card danger-zone stack" aria-labelledby="person-erase">
          <h2 id="person-erase">{t("privacy.person.eraseTitle")}</h2>
          {self ? (
            <p>{t("privacy.person.self")}</p>
          ) : (
            <Form method="post" className="stack" noValidate>
              <EraseConfirmation error={actionData?.error} pending={pending} />
            </Form>
          )}
        </section>
      )}
    </div>
  );
}

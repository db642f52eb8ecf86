import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../domain/dates";
import { searchPeople } from "../models/person-admin.server";
import { authorize } from "../utils/guard.server";
import { getLocale } from "../utils/i18n.server";

export const meta: MetaFunction = () => [{ title: "Personen — Samen Onderzoeken" }];

/** The admin finds a person here for an access or erasure request (issue 22). */
export async function loader({ request }: LoaderFunctionArgs) {
  await authorize(request, "person:erase");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return { q, ...searchPeople(q), locale: await getLocale(request) };
}

export default function PeoplePage() {
  const { q, people, more, locale } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/beheer/personen";
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("privacy.people.title")}</h1>
        <p className="lead">{t("privacy.people.intro")}</p>
        <p>
          <Link to="/beheer/bewaartermijn">{t("privacy.people.retentionLink")}</Link>
        </p>
      </header>
      <Form method="get" role="search" className="button-row">
        <div className="field field--grow">
          <label htmlFor="people-q">{t("privacy.people.search")}</label>
          <input id="people-q" name="q" type="search" defaultValue={q} maxLength={200} />
        </div>
        <button type="submit" className="button" disabled={searching} aria-busy={searching}>
          {t("privacy.people.searchButton")}
        </button>
      </Form>
      {people.length === 0 ? (
        <p className="empty">{t("privacy.people.none")}</p>
      ) : (
        <div
          className="table-scroll"
          // A scrollable region must take focus (axe scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region" aria-label={t("privacy.people.title")}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t("privacy.people.name")}</th>
                <th scope="col">{t("privacy.people.email")}</th>
                <th scope="col">{t("privacy.people.status")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/beheer/personen/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.email}</td>
                  <td>
                    {p.erasedAt
                      ? t("privacy.person.erased", { date: formatDate(p.erasedAt, locale) })
                      : p.disabledAt
                        ? t("privacy.person.disabled", { date: formatDate(p.disabledAt, locale) })
                        : t("privacy.person.active")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="muted">{t("privacy.people.more")}</p> : null}
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPartnershipSsoSettings, setPartnershipSsoOnly } from "../models/account.server";
import { authorize } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { ssoProviders } from "../utils/sso.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Single sign-on — Samen Onderzoeken" }];

/** Admins turn passwords off for partnerships that sign in with SSO only (record 0022b). */
export async function loader({ request }: LoaderFunctionArgs) {
  await authorize(request, "partnership:set-sso-only");
  return { partnerships: listPartnershipSsoSettings(), providers: ssoProviders().map((p) => ({ label: p.label, issuer: p.issuer })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await authorize(request, "partnership:set-sso-only");
  const t = await getT(request);
  const form = await readForm(request);
  if (!form || (form.ssoOnly !== "true" && form.ssoOnly !== "false")) return data({ error: t("errors.badRequest") }, { status: 400 });
  const id = (form.partnershipId ?? "").slice(0, 100);
  const name = listPartnershipSsoSettings().find((p) => p.id === id)?.name;
  const ssoOnly = form.ssoOnly === "true";
  if (!name || !setPartnershipSsoOnly(id, ssoOnly, user.id, context.clientIp)) return data({ error: t("account.ssoAdmin.unknown") }, { status: 404 });
  return redirectWithToast("/beheer/inloggen", { kind: "success", message: t(ssoOnly ? "account.ssoAdmin.savedOff" : "account.ssoAdmin.savedOn", { name }) });
}

export default function SsoSettingsPage() {
  const { partnerships, providers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("account.ssoAdmin.title")}</h1>
        <p className="lead">{t("account.ssoAdmin.intro")}</p>
      </header>
      {actionData?.error ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <section className="card stack-sm" aria-labelledby="providers">
        <h2 id="providers">{t("account.ssoAdmin.providers")}</h2>
        {providers.length === 0 ? (
          <p>{t("account.ssoAdmin.noProviders")}</p>
        ) : (
          <ul>
            {providers.map((p) => (
              <li key={p.issuer}>
                {p.label} <span className="muted">({p.issuer})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {partnerships.length === 0 ? (
        <p className="empty">{t("account.ssoAdmin.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="sso-caption">
          <table>
            <caption id="sso-caption">{t("account.ssoAdmin.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("account.ssoAdmin.partnership")}</th>
                <th scope="col">{t("account.ssoAdmin.setting")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("account.ssoAdmin.turnOff")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {partnerships.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.ssoOnly ? t("account.ssoAdmin.ssoOnly") : t("account.ssoAdmin.passwordsToo")}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="partnershipId" value={p.id} />
                      <input type="hidden" name="ssoOnly" value={p.ssoOnly ? "false" : "true"} />
                      <button type="submit" className="button button--secondary button--small" disabled={navigation.state === "submitting"}>
                        {p.ssoOnly ? t("account.ssoAdmin.turnOn") : t("account.ssoAdmin.turnOff")}
                        <span className="visually-hidden">: {p.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

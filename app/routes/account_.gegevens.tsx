import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import privacyStyles from "../components/privacy/privacy.css?url";
import { EXPORT_CONTENT_KEYS } from "../components/privacy/keys";
import { authorize } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Mijn gegevens — Samen Onderzoeken" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: privacyStyles }];

/** Inzage (AVG art. 15/20): what the download holds, and the download itself (a plain link: works before JS). */
export async function loader({ request }: LoaderFunctionArgs) {
  await authorize(request, "personal-data:export-own");
  return null;
}

export default function MyDataPage() {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("privacy.account.title")}</h1>
        <p className="lead">{t("privacy.account.intro")}</p>
      </header>
      <section className="card stack" aria-labelledby="export-what">
        <h2 id="export-what">{t("privacy.account.whatTitle")}</h2>
        <ul>
          {EXPORT_CONTENT_KEYS.map((key) => (
            <li key={key}>{t(`privacy.account.what.${key}`)}</li>
          ))}
        </ul>
        <p className="muted">{t("privacy.account.formatNote")}</p>
        <p>
          <a className="button" href="/api/v1/me/export" download>
            {t("privacy.account.download")}
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="erase-own">
        <h2 id="erase-own">{t("privacy.account.eraseTitle")}</h2>
        <p>{t("privacy.account.eraseText")}</p>
        <p>
          <Link to="/privacy">{t("privacy.account.privacyLink")}</Link>
        </p>
      </section>
    </div>
  );
}

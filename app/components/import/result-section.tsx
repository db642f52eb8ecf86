import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resultSummary } from "../../domain/import/messages";
import type { loader } from "../../routes/beheer.import";

export function ResultSection() {
  const { result, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const r = result!;
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(r.expiresAt));
  return (
    <section aria-labelledby="result-title" className="stack">
      <div className="alert alert--success" role="status">
        <h2 id="result-title">{t("import.result.title")}</h2>
        <p>{resultSummary(t, r.counts)}</p>
        <p className="muted">{t("import.preview.facts", { kind: t(`import.kinds.${r.kind}`), partnership: r.partnershipName, format: r.fileName })}</p>
      </div>
      {r.totalInvitations > 0 ? (
        <section aria-labelledby="links-title" className="stack-sm">
          <h3 id="links-title">{t("import.result.linksTitle")}</h3>
          <p>{t("import.result.linksIntro", { time })}</p>
          <p>
            <a className="button button--secondary" href={`/beheer/import/${r.id}/uitnodigingen`} download>
              {t("import.result.linksDownload")}
            </a>
          </p>
          {r.totalInvitations > r.invitations.length ? <p>{t("import.result.linksMore", { shown: r.invitations.length, total: r.totalInvitations })}</p> : null}
          <div className="table-scroll">
            <table>
              <caption>{t("import.result.linksCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.result.columns.name")}</th>
                  <th scope="col">{t("import.result.columns.email")}</th>
                  <th scope="col">{t("import.result.columns.role")}</th>
                  <th scope="col">{t("import.result.columns.organisation")}</th>
                  <th scope="col">{t("import.result.columns.link")}</th>
                </tr>
              </thead>
              <tbody>
                {r.invitations.map((inv) => (
                  <tr key={`${inv.email}-${inv.role}-${inv.organisation}`}>
                    <th scope="row">{inv.name}</th>
                    <td>{inv.email}</td>
                    <td>{t(`roles.${inv.role}`)}</td>
                    <td>{inv.organisation}</td>
                    <td>{t("mail.invitationSent")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <p>
        <Link to="/beheer/import">{t("import.result.again")}</Link>
      </p>
    </section>
  );
}

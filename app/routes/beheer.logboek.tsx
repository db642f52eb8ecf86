import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listRecentAudit } from "../models/audit.server";
import { requirePermission } from "../utils/guard.server";
import { getLocale } from "../utils/i18n.server";

export const meta: MetaFunction = () => [{ title: "Logboek — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:view");
  return { entries: listRecentAudit(200), locale: await getLocale(request) };
}

export default function AuditPage() {
  const { entries, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Europe/Amsterdam",
  });
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("audit.title")}</h1>
        <p className="lead">{t("audit.intro")}</p>
      </header>
      {entries.length === 0 ? (
        <p className="empty">{t("audit.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.event")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.ip")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
                  </td>
                  <td>{t(`audit.events.${entry.event}`)}</td>
                  <td>{entry.actorName ?? entry.email ?? "—"}</td>
                  <td>{entry.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

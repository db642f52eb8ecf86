import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/status-badge";
import { listLabs } from "../models/lab.server";
import { toActor } from "../models/user.server";
import { requirePermission } from "../utils/guard.server";
import { getLocale } from "../utils/i18n.server";
import { dateFormat as amsterdamDateFormat } from "../domain/dates";

export const meta: MetaFunction = () => [{ title: "Learning labs — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "labs:view");
  return { labs: listLabs(toActor(user)), locale: await getLocale(request) };
}

export default function LabsPage() {
  const { labs, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const date = amsterdamDateFormat(locale, "medium");
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("matching.labs.title")}</h1>
        <p className="lead">{t("matching.labs.intro")}</p>
      </header>
      {labs.length === 0 ? <p className="empty">{t("matching.labs.empty")}</p> : null}
      <ul className="result-list">
        {labs.map((lab) => (
          <li key={lab.id} className="result stack">
            <h2 className="result__title">{lab.name}</h2>
            <p>{lab.description}</p>
            <dl className="facts">
              <dt>{t("matching.labs.host")}</dt>
              <dd>{lab.host || "—"}</dd>
              <dt>{t("matching.labs.themes")}</dt>
              <dd>{lab.themeNames.join(", ") || "—"}</dd>
              <dt>{t("matching.labs.seats")}</dt>
              <dd>{lab.seats}</dd>
              <dt>{t("matching.labs.period")}</dt>
              <dd>
                {date.format(new Date(lab.periodStart))} – {date.format(new Date(lab.periodEnd))}
              </dd>
              <dt>{t("matching.labs.supervisors")}</dt>
              <dd>{lab.supervisors.join(", ") || "—"}</dd>
            </dl>
            <h3>{t("matching.labs.questions")}</h3>
            {lab.questions.length === 0 ? (
              <p className="muted">{t("matching.labs.noQuestions")}</p>
            ) : (
              <ul className="link-list">
                {lab.questions.map((q) => (
                  <li key={q.id}>
                    <Link to={`/vragen/${q.id}`}>{q.title}</Link> <StatusBadge status={q.status} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

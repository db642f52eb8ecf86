import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { searchQuestions } from "../models/question-search.server";
import { toActor } from "../models/user.server";
import { requirePermission } from "../utils/guard.server";
import { getLocale } from "../utils/i18n.server";
import { can } from "../domain/permissions";
import { scopeForQuestion } from "../models/scopes.server";
import { dateFormat as amsterdamDateFormat } from "../domain/dates";

export const meta: MetaFunction = () => [{ title: "Triage — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "question:triage");
  const actor = toActor(user);
  const { items } = searchQuestions(actor, { status: "ingediend", pageSize: 100 });
  // Only what this programmaleider can act on, oldest first: first come, first served.
  const queue = items
    .filter((item) => can(actor, "question:act-as-programme", scopeForQuestion(item)))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return { queue, locale: await getLocale(request) };
}

export default function TriagePage() {
  const { queue, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateFormat = amsterdamDateFormat(locale);
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("questions.triage.title")}</h1>
        <p className="lead">{t("questions.triage.intro")}</p>
      </header>
      {queue.length === 0 ? (
        <p className="empty">{t("questions.triage.empty")}</p>
      ) : (
        <ul className="result-list">
          {queue.map((item) => (
            <li key={item.id} className="result">
              <h2 className="result__title">
                <Link to={`/vragen/${item.id}`}>{item.title}</Link>
              </h2>
              <p className="result__meta">
                <span>{item.schoolName}</span>
                {item.themeName ? <span>{item.themeName}</span> : null}
                <span>{t("questions.triage.submittedOn", { date: dateFormat.format(new Date(item.updatedAt)) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

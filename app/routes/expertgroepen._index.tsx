import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listGroups } from "../models/expert-group.server";
import { toActor } from "../models/user.server";
import { requirePermission } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Expertgroepen — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "expertgroups:view");
  return { groups: listGroups(toActor(user)) };
}

export default function ExpertGroupsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("results.groups.title")}</h1>
        <p className="lead">{t("results.groups.intro")}</p>
      </header>
      {groups.length === 0 ? (
        <p className="empty">{t("results.groups.empty")}</p>
      ) : (
        <ul className="section-grid">
          {groups.map((g) => (
            <li key={g.id} className="section-card stack">
              <h2 className="result__title">
                <Link to={`/expertgroepen/${g.id}`}>{g.name}</Link>
              </h2>
              <p>{g.description}</p>
              <p className="result__meta">
                <span>{t("results.groups.members", { count: g.memberCount })}</span>
                <span>{t(g.joinPolicy === "open" ? "results.groups.open" : "results.groups.moderated")}</span>
                {g.myStatus === "active" ? <span className="badge">{t("results.groups.member")}</span> : null}
                {g.myStatus === "requested" ? <span className="badge badge--muted">{t("results.groups.pending")}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

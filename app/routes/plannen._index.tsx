import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPlansFor } from "../models/plan.server";
import { toActor } from "../models/user.server";
import { requireUser } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Onderzoeksplannen — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // listPlansFor asks the permission module for every plan.
  const plans = listPlansFor(toActor(user)).map(({ plan, access }) => ({
    id: plan.id,
    title: plan.title,
    projectId: plan.projectId,
    access,
  }));
  return { plans };
}

export default function PlansPage() {
  const { plans } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("plan.list.title")}</h1>
        <p className="lead">{t("plan.list.intro")}</p>
      </header>
      {plans.length === 0 ? (
        <p className="empty">{t("plan.list.empty")}</p>
      ) : (
        <ul className="plan-list stack">
          {plans.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/plannen/${p.id}`}>{p.title}</Link>
              </h2>
              <p className="muted">
                {t(`plan.access.${p.access}`)} · <Link to={`/projecten/${p.projectId}`}>{t("plan.list.project")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { planSectionsFromUpdate } from "../domain/plan-document";
import { colorOnPlan } from "../editor/colors";
import { PlanWorkspace } from "../editor/plan-workspace";
import { listThreads } from "../models/plan-comment.server";
import { persistedPlanState } from "../models/plan-doc.server";
import { consentPolicyOf, persistedEthics } from "../models/plan-ethics.server";
import { can } from "../domain/permissions";
import { requirePlan } from "../utils/plan-guard.server";
import planStylesHref from "../styles/plan.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} — Samen Onderzoeken` : "Samen Onderzoeken" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // requirePlan asks the permission module; no access answers 404 like no plan.
  const { user, actor, plan, scope, access } = await requirePlan(request, params.id);
  return {
    plan: { id: plan.id, title: plan.title, room: plan.room, projectId: plan.projectId },
    access,
    user: { id: user.id, name: user.name, color: colorOnPlan(user.id, [...scope.studentIds, ...scope.begeleiderIds]) },
    // The persisted text, so the page shows the plan before (or without) JavaScript.
    sections: planSectionsFromUpdate(persistedPlanState(plan.id)),
    threads: listThreads(plan.id),
    ethics: persistedEthics(plan.id),
    consentPolicy: consentPolicyOf(plan),
    canSignOff: can(actor, "plan:sign-off-ethics", scope),
  };
}

export default function PlanPage() {
  const { plan, access, user, sections, threads, ethics, consentPolicy, canSignOff } = useLoaderData<typeof loader>();
  const canComment = access !== "read";
  const { t } = useTranslation();

  return (
    <article className="stack-lg plan-page" aria-labelledby="plan-heading">
      <header className="page-header">
        <div className="stack">
          <p>
            <Link to={`/projecten/${plan.projectId}`}>{t("plan.editor.backToProject")}</Link>
          </p>
          <h1 id="plan-heading">{plan.title}</h1>
          <p className="badge">{t(`plan.access.${access}`)}</p>
          {access !== "edit" ? <p className="muted">{t("plan.editor.readOnlyNotice")}</p> : null}
        </div>
        <nav aria-label={t("plan.editor.export")} className="button-row">
          <Link className="button button--secondary button--small" to={`/plannen/${plan.id}/versies`}>
            {t("plan.versions.link")}
          </Link>
          <a className="button button--secondary button--small" href={`/api/v1/plans/${plan.id}/export.md`} download>
            {t("plan.editor.exportMarkdown")}
          </a>
          <a className="button button--secondary button--small" href={`/api/v1/plans/${plan.id}/export.docx`} download>
            {t("plan.editor.exportDocx")}
          </a>
          <a className="button button--secondary button--small" href={`/plannen/${plan.id}/onderzoeksplan.pdf`} download>
            {t("plan.editor.exportPdf")}
          </a>
          <Link className="button button--secondary button--small" to={`/plannen/${plan.id}/afdrukken`}>
            {t("plan.editor.print")}
          </Link>
        </nav>
      </header>
      <PlanWorkspace
        room={plan.room}
        user={user}
        canEdit={access === "edit"}
        sections={sections}
        planId={plan.id}
        threads={threads}
        canComment={canComment}
        ethics={ethics}
        consentPolicy={consentPolicy}
        canSignOff={canSignOff}
      />
    </article>
  );
}

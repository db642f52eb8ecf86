import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaticBlocks } from "../editor/plan-static";
import { planSectionsForExport } from "../models/plan-ethics.server";
import { exportCover } from "../models/plan-exports.server";
import { requirePlan } from "../utils/plan-guard.server";
import planStylesHref from "../styles/plan.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.plan.title : "Samen Onderzoeken" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  return { plan: { id: plan.id, title: plan.title }, cover: exportCover(plan), sections: planSectionsForExport(plan) };
}

/** A print-ready page of the persisted plan with a cover page (print CSS hides the site chrome). */
export default function PrintPage() {
  const { plan, cover, sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="plan-print stack" aria-labelledby="print-title">
      <div className="plan-print__tools button-row">
        <Link to={`/plannen/${plan.id}`}>{t("plan.versions.backToPlan")}</Link>
        <button type="button" className="button button--small" onClick={() => window.print()}>
          {t("plan.editor.printNow")}
        </button>
        <a className="button button--secondary button--small" href={`/plannen/${plan.id}/onderzoeksplan.pdf`} download>
          {t("plan.editor.exportPdf")}
        </a>
        <p className="muted">{t("plan.editor.printIntro")}</p>
      </div>
      <header className="plan-cover">
        <p className="plan-cover__kind">{cover.kind}</p>
        <h1 id="print-title" className="plan-cover__title">
          {plan.title}
        </h1>
        <dl className="plan-cover__fields">
          {cover.fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </header>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`print-${s.id}`}>
          <h2 id={`print-${s.id}`}>{s.heading}</h2>
          {s.blocks.length ? <StaticBlocks blocks={s.blocks} /> : <p className="muted">{t("plan.editor.emptySection")}</p>}
        </section>
      ))}
    </article>
  );
}

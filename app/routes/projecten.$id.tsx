import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadProjectFor } from "../models/plan-project.server";
import { requireUser } from "../utils/guard.server";
import { getLocale, tFor } from "../utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.title} — Samen Onderzoeken` : "Samen Onderzoeken" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // loadProjectFor asks the permission module; no access looks like no project.
  const project = loadProjectFor(user, params.id ?? "");
  if (!project) {
    const t = tFor(await getLocale(request));
    throw json({ error: t("plan.errors.notFound") }, { status: 404 });
  }
  return { project };
}

export default function ProjectPage() {
  const { project } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="stack-lg" aria-labelledby="project-title">
      <header className="stack">
        <h1 id="project-title">{project.title}</h1>
        <p className="lead">
          {t("plan.project.school")}: {project.schoolName}
        </p>
      </header>
      <section className="card stack" aria-labelledby="members-title">
        <h2 id="members-title">{t("plan.project.members")}</h2>
        <ul className="plan-members">
          {project.members.map((m) => (
            <li key={`${m.role}-${m.name}`}>
              {m.name} <span className="muted">({t(`plan.project.${m.role}`)})</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="plan-title">
        <h2 id="plan-title">{t("plan.project.planHeading")}</h2>
        {project.plan ? (
          <>
            <p>
              <strong>{project.plan.title}</strong> — {t(`plan.access.${project.plan.access}`)}
            </p>
            <p>
              <Link className="button" to={`/plannen/${project.plan.id}`}>
                {t("plan.project.openPlan")}
              </Link>
            </p>
          </>
        ) : (
          <p className="empty">{t("plan.project.noPlan")}</p>
        )}
      </section>
    </article>
  );
}

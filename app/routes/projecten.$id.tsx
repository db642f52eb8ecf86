import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BegeleiderPanel } from "../components/installation/begeleider-panel";
import { can } from "../domain/permissions";
import { loadProjectFor } from "../models/plan-project.server";
import { addBegeleider, begeleiderOptions, begeleidersOf, isArchivedProject, removeBegeleider } from "../models/project-members.server";
import { projectScopes } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { readForm } from "../utils/forms.server";
import { requireUser } from "../utils/guard.server";
import { getLocale, getT, tFor } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

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
  const scope = projectScopes([project.id]).get(project.id);
  const canManage = !!scope && can(toActor(user), "project:manage-members", scope);
  const begeleiders = begeleidersOf(project.id);
  return {
    project,
    archived: isArchivedProject(project.id),
    begeleiders,
    canManage,
    options: canManage ? begeleiderOptions(project.id).filter((o) => !begeleiders.some((b) => b.id === o.id)) : [],
  };
}

/** Adding and removing begeleiders (issue 19): `project:manage-members`, the same model as the API. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const project = loadProjectFor(user, params.id ?? "");
  if (!project) throw json({ error: t("plan.errors.notFound") }, { status: 404 });
  const scope = projectScopes([project.id]).get(project.id);
  if (!scope || !can(toActor(user), "project:manage-members", scope)) return data({ error: t("errors.forbiddenText") }, { status: 403 });
  const form = await readForm(request);
  const userId = (form?.userId ?? "").slice(0, 100);
  if (!form || !userId) return data({ error: t("install.projects.errors.userRequired") }, { status: 400 });
  const name = (begeleiderOptions(project.id).find((o) => o.id === userId) ?? begeleidersOf(project.id).find((b) => b.id === userId))?.name ?? "";
  const outcome =
    form.intent === "add" ? addBegeleider(project.id, userId, user.id, context.clientIp) : form.intent === "remove" ? removeBegeleider(project.id, userId, user.id, context.clientIp) : null;
  if (outcome === null) return data({ error: t("errors.badRequest") }, { status: 400 });
  if (outcome !== "ok") return data({ error: t(`install.projects.errors.${outcome}`) }, { status: outcome === "unknownProject" ? 404 : 400 });
  return redirectWithToast(`/projecten/${project.id}#begeleiders`, { kind: "success", message: t(form.intent === "add" ? "install.projects.added" : "install.projects.removed", { name }) });
}

export default function ProjectPage() {
  const { project, archived, begeleiders, canManage, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <article className="stack-lg" aria-labelledby="project-title">
      <header className="stack">
        <h1 id="project-title">{project.title}</h1>
        <p className="lead">
          {t("plan.project.school")}: {project.schoolName}
        </p>
        {archived ? <p className="alert alert--info">{t("install.projects.archived")}</p> : null}
      </header>
      <section className="card stack" aria-labelledby="members-title">
        <h2 id="members-title">{t("plan.project.members")}</h2>
        <ul className="plan-members">
          {/* Begeleiders have their own section below (with adding and removing): listed once. */}
          {project.members
            .filter((m) => m.role !== "begeleider")
            .map((m) => (
              <li key={`${m.role}-${m.name}`}>
                {m.name} <span className="muted">({t(`plan.project.${m.role}`)})</span>
              </li>
            ))}
        </ul>
      </section>
      <BegeleiderPanel
        begeleiders={begeleiders}
        options={options}
        canManage={canManage}
        error={actionData && "error" in actionData ? actionData.error : undefined}
        pending={navigation.state !== "idle"}
      />
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

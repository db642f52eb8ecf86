import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../components/organisations/form-parts";
import { can } from "../domain/permissions";
import { closeYear, yearEndOverview } from "../models/year-end.server";
import { allPartnershipIds } from "../models/matching.server";
import { requireActor, refusal } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Schooljaar afsluiten — Samen Onderzoeken" }];

/**
 * The end of a schooljaar per partnership (issue 19): a list to check first,
 * then one form that closes rounds, archives finished projects and ends the
 * access of the students ticked. `year:close` on the partnership.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const overviews = allPartnershipIds()
    .filter((id) => can(actor, "year:close", { partnershipIds: [id] }))
    .map((id) => yearEndOverview(id))
    .filter((o): o is NonNullable<typeof o> => o !== null);
  if (overviews.length === 0) return refusal(request);
  return { overviews };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const t = await getT(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data({ error: t("errors.badRequest") }, { status: 400 });
  }
  const partnershipId = String(form.get("partnershipId") ?? "").slice(0, 100);
  if (!can(actor, "year:close", { partnershipIds: [partnershipId] })) return data({ error: t("errors.forbiddenText") }, { status: 403 });
  const studentIds = form.getAll("studentIds").filter((v): v is string => typeof v === "string" && v !== "").slice(0, 2000);
  const input = { closeRounds: form.get("closeRounds") === "on", archiveProjects: form.get("archiveProjects") === "on", studentIds };
  if (!input.closeRounds && !input.archiveProjects && studentIds.length === 0) return data({ error: t("install.year.errors.nothing") }, { status: 400 });
  const outcome = closeYear(partnershipId, input, user.id, context.clientIp);
  if ("error" in outcome) return data({ error: t("install.year.errors.notStudent") }, { status: 400 });
  return redirectWithToast("/jaarafsluiting", {
    kind: "success",
    message: t("install.year.done", { rounds: outcome.roundsClosed, projects: outcome.projectsArchived, students: outcome.studentsEnded }),
  });
}

export default function YearEndPage() {
  const { overviews } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state !== "idle";
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("install.year.title")}</h1>
        <p className="lead">{t("install.year.intro")}</p>
      </header>
      <FormAlert error={actionData?.error} />
      {overviews.map((o) => (
        <Form key={o.partnership.id} method="post" className="card stack" aria-labelledby={`year-${o.partnership.id}`}>
          <h2 id={`year-${o.partnership.id}`}>{o.partnership.name}</h2>
          <input type="hidden" name="partnershipId" value={o.partnership.id} />
          <fieldset className="stack admin-fieldset">
            <legend>{t("install.year.rounds")}</legend>
            {o.rounds.length === 0 ? (
              <p className="muted">{t("install.year.noRounds")}</p>
            ) : (
              <>
                <ul>
                  {o.rounds.map((r) => (
                    <li key={r.id}>
                      {r.name} <span className="muted">({t(`install.year.status.${r.status}`)})</span>
                    </li>
                  ))}
                </ul>
                <label>
                  <input type="checkbox" name="closeRounds" defaultChecked /> {t("install.year.closeRounds")}
                </label>
              </>
            )}
          </fieldset>
          <fieldset className="stack admin-fieldset">
            <legend>{t("install.year.projects")}</legend>
            {o.finishedProjects.length === 0 ? (
              <p className="muted">{t("install.year.noProjects")}</p>
            ) : (
              <>
                <ul>
                  {o.finishedProjects.map((p) => (
                    <li key={p.id}>
                      <Link to={`/projecten/${p.id}`}>{p.title}</Link> <span className="muted">— {p.schoolName}</span>
                    </li>
                  ))}
                </ul>
                <label>
                  <input type="checkbox" name="archiveProjects" defaultChecked /> {t("install.year.archiveProjects")}
                </label>
              </>
            )}
          </fieldset>
          <fieldset className="stack admin-fieldset">
            <legend>{t("install.year.students")}</legend>
            <p className="field__help">{t("install.year.studentsHelp")}</p>
            {o.students.length === 0 ? <p className="muted">{t("install.year.noStudents")}</p> : null}
            <ul className="check-list">
              {o.students.map((s) => (
                <li key={s.id}>
                  <label>
                    <input type="checkbox" name="studentIds" value={s.id} /> {s.name} <span className="muted">{s.email}</span>
                    {s.inRunningProject ? <span className="badge badge--muted"> {t("install.year.inProject")}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <button type="submit" className="button" disabled={pending} aria-busy={pending}>
              {pending ? t("install.year.saving") : t("install.year.submit")}
            </button>
          </div>
        </Form>
      ))}
    </div>
  );
}

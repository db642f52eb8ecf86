import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/status-badge";
import { can } from "../domain/permissions";
import { agendaFor, archivedSchoolIds, moveOnAgenda, schoolName, schoolYearsOf } from "../models/agenda.server";
import { findQuestion } from "../models/question.server";
import { visibleSchools } from "../models/question-search.server";
import { schoolScope } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { currentSchoolYear } from "../domain/question-schema";
import { forbidden, requireUser } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Onderzoeksagenda — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const params = new URL(request.url).searchParams;
  // The schools whose agenda this user may see: their own first, then (for
  // programme leaders and admins) the partnership's.
  // Archived schools are not offered (issue 19); their agenda stays readable by a link.
  const ownAll = user.memberships.filter((m) => m.schoolId).map((m) => ({ id: m.schoolId!, name: m.organisationName ?? "" }));
  const archivedOwn = archivedSchoolIds(ownAll.map((s) => s.id));
  const own = ownAll.filter((s) => !archivedOwn.has(s.id));
  const others = visibleSchools(actor).filter((s) => !own.some((o) => o.id === s.id));
  const candidates = [...own, ...others].filter(
    (s, i, all) =>
      all.findIndex((x) => x.id === s.id) === i &&
      can(actor, "agenda:view", schoolScope(s.id)),
  );
  const requested = params.get("school");
  let school: { id: string; name: string; archived?: boolean } | undefined = candidates.find((s) => s.id === requested) ?? candidates[0];
  if (requested && requested !== school?.id) {
    const name = archivedSchoolIds([requested]).has(requested) && can(actor, "agenda:view", schoolScope(requested)) ? schoolName(requested) : null;
    if (name === null) throw new Response("Niet gevonden", { status: 404 });
    school = { id: requested, name, archived: true };
  }
  if (!school) return { school: null, schools: [], years: [], year: currentSchoolYear(), items: [], canEdit: false };
  const years = [...new Set([currentSchoolYear(), ...schoolYearsOf(school.id)])].sort().reverse();
  const year = years.includes(params.get("jaar") ?? "") ? params.get("jaar")! : currentSchoolYear();
  const scope = schoolScope(school.id);
  return {
    school,
    schools: candidates,
    years,
    year,
    // Row by row through the permission module: a concept is for the school's own staff only.
    items: agendaFor(school.id, year).filter((item) => can(actor, "question:view", { ...scope, status: item.status })),
    canEdit: !school.archived && can(actor, "agenda:edit", scope),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const form = await readForm(request);
  const direction = form?.direction;
  if (!form || (direction !== "up" && direction !== "down")) {
    return data({ error: t("errors.badRequest") }, { status: 400 });
  }
  const question = findQuestion(form.questionId ?? "");
  if (!question || !can(toActor(user), "agenda:edit", schoolScope(question.schoolId))) {
    return forbidden({ error: t("questions.errors.notYours") });
  }
  if (archivedSchoolIds([question.schoolId]).size > 0) return data({ error: t("installGaps.archived.agendaReadOnly") }, { status: 400 });
  const back = `/agenda?school=${question.schoolId}&jaar=${question.schoolYear}#vraag-${question.id}`;
  if (!moveOnAgenda(question.id, direction)) {
    return data({ error: t("questions.agenda.notMovable") }, { status: 400 });
  }
  return redirectWithToast(back, { kind: "success", message: t("questions.agenda.moved") });
}

export default function AgendaPage() {
  const { school, schools, years, year, items, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const moving = navigation.state !== "idle" && navigation.formAction?.startsWith("/agenda");
  const refused = useActionData<typeof action>();
  const refusedAlert = refused && "error" in refused ? (
    <div className="alert alert--error" role="alert">
      {refused.error}
    </div>
  ) : null;
  if (!school) {
    return (
      <div className="stack">
        <h1>{t("questions.agenda.title")}</h1>
        {refusedAlert}
        <p className="empty">{t("questions.agenda.noSchool")}</p>
      </div>
    );
  }
  return (
    <div className="stack-lg agenda-page">
      <header className="page-header">
        <div>
          <h1>{t("questions.agenda.title")}</h1>
          <p className="lead no-print">{t("questions.agenda.intro")}</p>
        </div>
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          {t("questions.agenda.print")}
        </button>
      </header>
      {refusedAlert}
      <Form method="get" className="card filters-inline no-print">
        {schools.length > 1 && !school.archived ? (
          <div className="field">
            <label htmlFor="agenda-school">{t("questions.agenda.school")}</label>
            <select id="agenda-school" name="school" defaultValue={school.id}>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="school" value={school.id} />
        )}
        <div className="field">
          <label htmlFor="agenda-year">{t("questions.agenda.schoolYear")}</label>
          <select id="agenda-year" name="jaar" defaultValue={params.get("jaar") ?? year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("questions.agenda.show")}
        </button>
      </Form>
      <h2>
        {school.name} · {year}
      </h2>
      {school.archived ? (
        <p className="notice" role="note">
          {t("installGaps.archived.agendaNotice")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <div className="empty">
          <p>{t("questions.agenda.empty")}</p>
          {canEdit ? <Link to="/vragen/nieuw">{t("questions.agenda.emptyAction")}</Link> : null}
        </div>
      ) : (
        <ol className="agenda-list" aria-busy={moving}>
          {items.map((item, index) => (
            <li key={item.id} id={`vraag-${item.id}`} className="agenda-item">
              <span className="agenda-item__position" aria-hidden="true">
                {index + 1}
              </span>
              <div className="agenda-item__body">
                <h3>
                  <Link to={`/vragen/${item.id}`}>{item.title}</Link>
                </h3>
                <p className="result__meta">
                  <StatusBadge status={item.status} />
                  {item.themeName ? <span>{item.themeName}</span> : null}
                  <span>{t("questions.detail.capacity", { count: item.studentCapacity })}</span>
                  {item.supervisorName ? <span>{item.supervisorName}</span> : null}
                </p>
                <p className="print-only">{item.desiredOutcome}</p>
              </div>
              {canEdit ? (
                <div className="agenda-item__move no-print">
                  <Form method="post">
                    <input type="hidden" name="questionId" value={item.id} />
                    <button
                      type="submit"
                      name="direction"
                      value="up"
                      className="button button--small button--secondary"
                      disabled={index === 0}
                      aria-label={t("questions.agenda.moveUpLabel", { title: item.title })}
                    >
                      ↑ {t("questions.agenda.moveUp")}
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="questionId" value={item.id} />
                    <button
                      type="submit"
                      name="direction"
                      value="down"
                      className="button button--small button--secondary"
                      disabled={index === items.length - 1}
                      aria-label={t("questions.agenda.moveDownLabel", { title: item.title })}
                    >
                      ↓ {t("questions.agenda.moveDown")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

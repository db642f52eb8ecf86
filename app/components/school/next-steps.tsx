import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dateFormat, endOfDayInAmsterdam, formatDate } from "../../domain/dates";
import type { NextSteps } from "../../models/next-steps.server";

/** The dashboard's "what to do next" card (issue 20): nobody waits in silence. */
export function NextStepsCard({ steps }: { steps: NextSteps }) {
  const { t, i18n } = useTranslation();
  const items: JSX.Element[] = [];
  if (steps.firstQuestion) {
    items.push(
      <li key="first-question">
        <Link to="/vragen/nieuw">{t("installWalk.nextSteps.firstQuestion")}</Link>
      </li>,
    );
  }
  if (steps.rankRound) {
    const date = dateFormat(i18n.language).format(new Date(steps.rankRound.deadline));
    items.push(
      <li key="rank">
        <Link to="/matching">{t(steps.rankRound.ranked ? "installWalk.nextSteps.ranked" : "installWalk.nextSteps.rank", { round: steps.rankRound.name, date })}</Link>
      </li>,
    );
  }
  if (steps.triage !== null) {
    items.push(
      <li key="triage">
        {steps.triage > 0 ? <Link to="/triage">{t("school.dashboard.triage", { count: steps.triage })}</Link> : t("school.dashboard.triageNone")}
      </li>,
    );
  }
  for (const q of steps.returned) {
    items.push(
      <li key={`returned-${q.id}`}>
        <Link to={`/vragen/${q.id}/bewerken`}>{t("school.dashboard.returned", { title: q.title })}</Link>
        {q.feedback ? <span className="muted"> — {q.feedback}</span> : null}
      </li>,
    );
  }
  if (steps.proposals > 0) {
    items.push(
      <li key="proposals">
        <Link to="/voorstellen">{t("school.dashboard.proposals", { count: steps.proposals })}</Link>
      </li>,
    );
  }
  if (steps.consentsWaiting.length > 0) {
    const waiting = steps.consentsWaiting;
    items.push(
      <li key="consents">
        {t("actionOwners.dashboard.consentsWaiting", { count: waiting.length })}:{" "}
        {waiting.slice(0, 5).map((r, i) => (
          <span key={r.id}>
            {i > 0 ? ", " : null}
            <Link to={`/opbrengsten/${r.id}#consent-title`}>{r.title}</Link>
          </span>
        ))}
        {waiting.length > 5 ? " …" : null}
      </li>,
    );
  }
  for (const a of steps.myActions) {
    const status = t(`results.actionStatus.${a.status}`);
    items.push(
      <li key={`action-${a.id}`}>
        <Link to={`/opbrengsten/${a.resultId}#actie-${a.id}`}>
          {a.dueDate
            ? t("actionOwners.dashboard.myActionDue", { title: a.title, status, date: formatDate(endOfDayInAmsterdam(a.dueDate) ?? a.dueDate, i18n.language) })
            : t("actionOwners.dashboard.myActions", { title: a.title, status })}
        </Link>
        {a.overdue ? <strong className="text-error"> — {t("actionOwners.dashboard.myActionOverdue")}</strong> : null}
      </li>,
    );
  }
  if (steps.canPropose) {
    items.push(
      <li key="propose">
        <Link to="/voorstellen">{t("school.dashboard.propose")}</Link>
      </li>,
    );
  }
  if (steps.placement) {
    const p = steps.placement;
    items.push(
      <li key="placement">
        <Link to={p.projectId ? `/projecten/${p.projectId}` : "/matching"}>
          {p.questionTitle
            ? p.responded
              ? t("school.dashboard.placedAnswered", { round: p.roundName, title: p.questionTitle })
              : t("school.dashboard.placedRespond", { round: p.roundName, title: p.questionTitle })
            : t("school.dashboard.notPlaced", { round: p.roundName })}
        </Link>
      </li>,
    );
  }
  for (const plan of steps.plans) {
    items.push(
      <li key={`plan-${plan.id}`}>
        <Link to={`/plannen/${plan.id}`}>{t(plan.access === "edit" ? "school.dashboard.planWrite" : "school.dashboard.planComment", { title: plan.title })}</Link>
      </li>,
    );
  }
  return (
    <>
      <section aria-labelledby="next-steps-title" className="card stack">
        <h2 id="next-steps-title">{t("school.dashboard.title")}</h2>
        {items.length ? <ul className="link-list">{items}</ul> : <p className="empty">{t("school.dashboard.nothing")}</p>}
      </section>
      {steps.schoolProjects.length ? (
        <section aria-labelledby="school-projects-title" className="card stack">
          <h2 id="school-projects-title">{t("school.dashboard.schoolProjects")}</h2>
          <ul>
            {steps.schoolProjects.map((p) => (
              <li key={p.id}>{p.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

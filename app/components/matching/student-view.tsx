import { Form, Link, type useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_RANKS } from "../../domain/round-rules";
import type { loader } from "../../routes/matching";
import { SchoolContacts } from "./round-parts";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function StudentView({ student, date, busy }: { student: NonNullable<LoaderData["student"]>; date: Intl.DateTimeFormat; busy: boolean }) {
  const { t } = useTranslation();
  const round = student.round;
  const deadlinePassed = new Date(round.deadline).getTime() < Date.now();
  return (
    <section className="stack-lg" aria-labelledby="student-round">
      <h2 id="student-round">
        {round.name} · {t(`matching.status.${round.status}`)}
      </h2>
      {student.proposal ? (
        <div className="card stack">
          <h3>{t("matching.student.resultTitle")}</h3>
          <p>
            {student.proposal.questionId
              ? t("matching.student.placed", { title: student.proposal.questionTitle, school: student.proposal.schoolName })
              : t("matching.student.notPlaced")}
          </p>
          <p className="hint-box">{student.proposal.explanation}</p>
          {student.nextStep ? <NextStep nextStep={student.nextStep} date={date} /> : null}
          {student.proposal.questionId && student.proposal.studentResponse === "open" ? (
            <Form method="post" className="button-row">
              <input type="hidden" name="intent" value="respond" />
              <input type="hidden" name="side" value="student" />
              <input type="hidden" name="roundId" value={round.id} />
              <button type="submit" name="answer" value="accept" className="button" disabled={busy}>
                {t("matching.student.accept")}
              </button>
              <button type="submit" name="answer" value="decline" className="button button--secondary" disabled={busy}>
                {t("matching.student.decline")}
              </button>
            </Form>
          ) : student.proposal.questionId ? (
            <p>
              {t(`matching.response.${student.proposal.studentResponse}`)}
              {student.proposal.studentResponse === "geaccepteerd" && student.proposal.schoolResponse !== "geaccepteerd"
                ? ` · ${t("matching.student.waitingSchool")}`
                : null}
              {student.proposal.projectId ? (
                <>
                  {" · "}
                  <Link to={`/projecten/${student.proposal.projectId}`}>{t("matching.student.project")}</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
      {round.status === "open" ? (
        <>
          <p>{deadlinePassed ? t("matching.deadlinePassed") : t("matching.deadline", { date: date.format(new Date(round.deadline)) })}</p>
          <Form method="post" className="card stack">
            <h3>{t("matching.student.rankTitle")}</h3>
            <p className="muted">{t("matching.student.rankIntro")}</p>
            <input type="hidden" name="intent" value="rank" />
            <input type="hidden" name="roundId" value={round.id} />
            {Array.from({ length: MAX_RANKS }, (_, i) => (
              <div className="field" key={i}>
                <label htmlFor={`choice${i + 1}`}>{t("matching.student.choice", { n: i + 1 })}</label>
                <select id={`choice${i + 1}`} name={`choice${i + 1}`} defaultValue={student.ranking[i] ?? ""} disabled={deadlinePassed}>
                  <option value="">{t("matching.student.none")}</option>
                  {student.open.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.title} — {q.schoolName}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div>
              <button type="submit" className="button" disabled={busy || deadlinePassed}>
                {t("matching.student.save")}
              </button>
            </div>
          </Form>
          <section className="stack" aria-labelledby="fit-title">
            <h3 id="fit-title">{t("matching.student.fitTitle")}</h3>
            <p className="muted">
              {student.hasProfile ? t("matching.student.fitIntro") : t("matching.student.noProfile")} {t("school.round.priorityHint")}{" "}
              <Link to="/profiel">{t("matching.profile.edit")}</Link>
            </p>
            <ul className="result-list">
              {student.open.map((q) => (
                <li key={q.id} className="result">
                  <h4 className="result__title">
                    <Link to={`/vragen/${q.id}`}>{q.title}</Link>
                  </h4>
                  <p className="result__meta">
                    <span>{q.schoolName}</span>
                    {q.themeName ? <span>{q.themeName}</span> : null}
                    {q.labId ? <span>{t("matching.student.lab")}</span> : null}
                    {q.priority > 0 ? <span className="badge">{t("school.round.priority", { n: q.priority })}</span> : null}
                    {q.fit.reasons.map((r) => (
                      <span key={r} className="badge">
                        {t(`matching.student.reasons.${r}`)}
                      </span>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </section>
  );
}

/** What an unplaced student can do now: a follow-up round, the open questions, whom to contact (issue 20). */
function NextStep({ nextStep, date }: { nextStep: NonNullable<NonNullable<LoaderData["student"]>["nextStep"]>; date: Intl.DateTimeFormat }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="next-step-title">
      <h4 id="next-step-title">{t("school.nextStep.title")}</h4>
      <ul>
        <li>
          {nextStep.followUp && nextStep.followUp.status === "open"
            ? `${t("school.nextStep.followUpOpen", { name: nextStep.followUp.name })} ${t("matching.deadline", { date: date.format(new Date(nextStep.followUp.deadline)) })}`
            : t("school.nextStep.followUpLater")}
        </li>
        <li>
          {t("school.nextStep.openQuestions", { count: nextStep.openQuestions })} <Link to="/vragen?status=open">{t("school.nextStep.openQuestionsLink")}</Link>
        </li>
        {nextStep.contacts.length ? (
          <li>
            {t("school.nextStep.contact")}{" "}
            {nextStep.contacts.map((c, i) => (
              <span key={c.email}>
                {i > 0 ? ", " : null}
                {c.name} (<a href={`mailto:${c.email}`}>{c.email}</a>)
              </span>
            ))}
          </li>
        ) : null}
        {nextStep.schoolContacts.length ? (
          <li>
            {t("teacherResearch.contact.chosenSchools")}
            <ul>
              {nextStep.schoolContacts.map((s) => (
                <li key={s.schoolId}>
                  {s.schoolName}: <SchoolContacts contacts={s.contacts} />
                </li>
              ))}
            </ul>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

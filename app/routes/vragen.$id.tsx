import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/status-badge";
import { can, transitionActorsFor } from "../domain/permissions";
import { looksLikeControlQuestion } from "../domain/question-hints";
import { missingForSubmission } from "../domain/question-completeness";
import { availableTransitions, type QuestionStatus } from "../domain/question-lifecycle";
import { findQuestion, getQuestionForActor } from "../models/question.server";
import { linkQuestions, transitionQuestion, unlinkQuestions } from "../models/question-lifecycle.server";
import { similarQuestions } from "../models/question-search.server";
import { scopeForQuestion } from "../models/scopes.server";
import { labOptionsFor, setQuestionLab } from "../models/lab.server";
import { relatedResults } from "../models/result.server";
import { toActor } from "../models/user.server";
import { transitionSchema } from "../domain/question-schema";
import { forbidden, refusal, refuseUnless, requireUser } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.question.title ?? "Vraag"} — Samen Onderzoeken` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const question = getQuestionForActor(actor, params.id ?? "");
  // Not visible and not existing look the same: no existence leak.
  if (!question) return refusal(request, { notFound: true });
  const actors = transitionActorsFor(actor, question.scope);
  const isProgramme = actors.includes("programme");
  const { scope: _scope, ...rest } = question;
  return {
    question: rest,
    transitions: availableTransitions(question.status, actors).map((r) => ({
      to: r.to,
      verb: r.verb,
      reasonRequired: !!r.reasonRequired,
    })),
    canEdit: can(actor, "question:edit", question.scope),
    canLink: isProgramme,
    // Teacher research (issue 20): the school's leadership or the programmaleider, while the question is open.
    canStartTeacherResearch: can(actor, "question:start-teacher-research", question.scope),
    lab: isProgramme ? labOptionsFor(question.id, question.schoolId) : null,
    similar: isProgramme ? similarQuestions(actor, question).filter((s) => !question.links.some((l) => l.id === s.id)) : [],
    related: relatedResults(actor, {
      text: `${question.title} ${question.subQuestionList.join(" ")}`,
      themeId: question.themeId,
      schoolId: question.schoolId,
    }).map((r) => ({
      id: r.id,
      title: r.title,
      schoolName: r.schoolName,
    })),
    controlHint: looksLikeControlQuestion(question.title) && can(actor, "question:act-as-school", question.scope),
    locale: await getLocale(request),
  };
}

/** `to` names the transition whose reason field the error belongs to. */
type ActionData = { error?: string; field?: string; to?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const t = await getT(request);
  const question = findQuestion(params.id ?? "");
  if (!question || !can(actor, "question:view", scopeForQuestion(question))) return refusal(request, { notFound: true });
  const scope = scopeForQuestion(question);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ error: t("errors.badRequest") }, { status: 400 });

  if (form.intent === "lab") {
    const refused = refuseUnless<ActionData>(actor, "question:act-as-programme", scope, { error: t("questions.errors.notYours") });
    if (refused) return refused;
    const labId = (form.labId ?? "").slice(0, 100) || null;
    if (labId && !labOptionsFor(question.id, question.schoolId).options.some((o) => o.id === labId)) {
      return data<ActionData>({ error: t("questions.errors.labUnknown") }, { status: 400 });
    }
    setQuestionLab(question.id, labId);
    return redirectWithToast(`/vragen/${question.id}`, { kind: "success", message: t("questions.detail.labSaved") });
  }

  if (form.intent === "link" || form.intent === "unlink") {
    const other = findQuestion(form.otherId ?? "");
    const refused = refuseUnless<ActionData>(actor, "question:act-as-programme", scope, { error: t("questions.errors.notYours") });
    if (refused) return refused;
    if (!other || other.id === question.id || !can(actor, "question:view", scopeForQuestion(other))) {
      return data<ActionData>({ error: t("questions.errors.notFound") }, { status: 404 });
    }
    if (form.intent === "link") linkQuestions(question.id, other.id, user.id);
    else unlinkQuestions(question.id, other.id);
    return redirectWithToast(`/vragen/${question.id}`, {
      kind: "success",
      message: t(form.intent === "link" ? "questions.detail.linkedToast" : "questions.detail.unlinkedToast"),
    });
  }

  if (form.intent !== "transition") return data<ActionData>({ error: t("errors.badRequest") }, { status: 400 });
  const parsed = transitionSchema.safeParse(form);
  if (!parsed.success) {
    return data<ActionData>({ error: t("questions.errors.tooLong"), field: "reason", to: String(form.to ?? "") }, { status: 400 });
  }
  const outcome = transitionQuestion(question, parsed.data.to, transitionActorsFor(actor, scope), user.id, parsed.data.reason);
  if (outcome === "incomplete") {
    const now = findQuestion(question.id) ?? question; // as it is now, not as this request first read it
    const fields = missingForSubmission(now).map((f) => t(`questions.fields.${f === "themeId" ? "theme" : f}`));
    return data<ActionData>({ error: t("questions.errors.incomplete", { fields: fields.join(", ") }) }, { status: 400 });
  }
  if (outcome === "notYours") return forbidden<ActionData>({ error: t("questions.errors.notYours"), to: parsed.data.to });
  if (outcome !== "ok") {
    return data<ActionData>(
      { error: t(`questions.errors.${outcome}`), field: outcome === "reasonRequired" ? "reason" : undefined, to: parsed.data.to },
      { status: outcome === "conflict" ? 409 : 400 },
    );
  }
  return redirectWithToast(`/vragen/${question.id}`, {
    kind: "success",
    message: t("questions.transitionDone", { status: t(`questions.status.${parsed.data.to}`) }),
  });
}

/** Transitions shown as secondary buttons: leaving the flow, or a shortcut past the matching round. */
const SECONDARY_TRANSITIONS: ReadonlySet<string> = new Set(["gearchiveerd", "concept", "gematcht"]);

export default function QuestionPage() {
  const { question, transitions, canEdit, canLink, canStartTeacherResearch, lab, similar, related, controlHint, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const statusLabel = (s: QuestionStatus | null) => (s ? t(`questions.status.${s}`) : "—");
  // After a refused send-back, back at the reason field (autoFocus covers the page a form post without JavaScript renders).
  useEffect(() => {
    if (actionData?.field === "reason" && actionData.to) document.getElementById(`reason-${actionData.to}`)?.focus();
  }, [actionData]);
  const simple = transitions.filter((tr) => !tr.reasonRequired);
  const withReason = transitions.filter((tr) => tr.reasonRequired);

  return (
    <article className="stack-lg question-page">
      <p>
        <Link to="/vragen">← {t("questions.detail.backToList")}</Link>
      </p>
      <header className="stack">
        <p className="result__meta">
          <StatusBadge status={question.status} />
          <span>{question.schoolName}</span>
          <span>{question.schoolYear}</span>
          {question.teacherResearch ? <span className="badge">{t("teacherResearch.badge")}</span> : null}
        </p>
        <h1>{question.title}</h1>
        {question.authorName ? <p className="muted">{t("questions.detail.author", { name: question.authorName })}</p> : null}
      </header>

      {actionData?.error ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      {question.status === "concept" ? <p className="hint-box">{t("questions.detail.conceptNotice")}</p> : null}
      {controlHint ? <p className="hint-box">{t("questions.controlHint")}</p> : null}
      {question.status === "teruggestuurd" && question.feedback ? (
        <section className="alert alert--info" aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t("questions.detail.feedbackTitle")}</h2>
          <p className="preserve-lines">{question.feedback}</p>
        </section>
      ) : null}

      <div className="two-columns">
        <div className="stack-lg">
          <section aria-labelledby="background-title">
            <h2 id="background-title">{t("questions.detail.background")}</h2>
            {question.background ? <p className="preserve-lines">{question.background}</p> : <p className="muted">{t("questions.detail.notFilledIn")}</p>}
          </section>
          <section aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t("questions.detail.desiredOutcome")}</h2>
            {question.desiredOutcome ? <p className="preserve-lines">{question.desiredOutcome}</p> : <p className="muted">{t("questions.detail.notFilledIn")}</p>}
          </section>
          <section aria-labelledby="sub-title">
            <h2 id="sub-title">{t("questions.detail.subQuestions")}</h2>
            {question.subQuestionList.length === 0 ? (
              <p className="muted">{t("questions.detail.noSubQuestions")}</p>
            ) : (
              <ol>
                {question.subQuestionList.map((sub, i) => (
                  <li key={i}>{sub}</li>
                ))}
              </ol>
            )}
          </section>
          {question.visionFit ? (
            <section aria-labelledby="vision-title">
              <h2 id="vision-title">{t("questions.detail.visionFit")}</h2>
              <p className="preserve-lines">{question.visionFit}</p>
            </section>
          ) : null}
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t("questions.detail.history")}</h2>
            <ol className="timeline">
              {question.events.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.at}>{dateFormat.format(new Date(event.at))}</time>{" "}
                  <strong>
                    {event.fromStatus === null
                      ? t("questions.detail.historyCreated")
                      : t("questions.detail.historyMove", { from: statusLabel(event.fromStatus), to: statusLabel(event.toStatus) })}
                  </strong>
                  {event.actorName ? <span className="muted"> {t("questions.detail.by", { name: event.actorName })}</span> : null}
                  {event.reason ? <p className="preserve-lines">{event.reason}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="stack-lg">
          <dl className="facts card">
            <dt>{t("questions.detail.school")}</dt>
            <dd>
              {question.schoolName} ({question.schoolCity})
            </dd>
            <dt>{t("questions.detail.theme")}</dt>
            <dd>{question.themeName ?? "—"}</dd>
            <dt>{t("questions.detail.sector")}</dt>
            <dd>{t(`sectors.${question.sector}`)}</dd>
            <dt>{t("questions.detail.studentCapacity")}</dt>
            <dd>{t("questions.detail.capacity", { count: question.studentCapacity })}</dd>
            <dt>{t("questions.detail.supervisor")}</dt>
            <dd>{question.supervisorName || "—"}</dd>
          </dl>

          {transitions.length > 0 || canEdit ? (
            <section className="card stack" aria-labelledby="actions-title">
              <h2 id="actions-title">{t("questions.detail.actionsTitle")}</h2>
              {canEdit ? (
                <p>
                  <Link to={`/vragen/${question.id}/bewerken`} className="button button--secondary">
                    {t("questions.detail.edit")}
                  </Link>
                </p>
              ) : null}
              {simple.map((tr) => (
                <Form method="post" key={tr.to}>
                  <input type="hidden" name="intent" value="transition" />
                  <input type="hidden" name="to" value={tr.to} />
                  {/* The usual way to "gematcht" is a matching round: marking it by hand is a side path, not the main action. */}
                  <button type="submit" className={SECONDARY_TRANSITIONS.has(tr.to) ? "button button--secondary" : "button"} disabled={busy}>
                    {t(`questions.transitions.${tr.verb}`)}
                  </button>
                </Form>
              ))}
              {withReason.map((tr) => {
                const invalid = actionData?.field === "reason" && actionData.to === tr.to;
                const id = `reason-${tr.to}`;
                return (
                <Form method="post" key={tr.to} className="stack">
                  <input type="hidden" name="intent" value="transition" />
                  <input type="hidden" name="to" value={tr.to} />
                  <div className={`field${invalid ? " field--invalid" : ""}`}>
                    <label htmlFor={id}>{t("questions.detail.reasonLabel")}</label>
                    <p className="field__help" id={`${id}-help`}>
                      {t("questions.detail.reasonHelp")}
                    </p>
                    {invalid ? (
                      <p className="field__error" id={`${id}-error`}>
                        {actionData.error}
                      </p>
                    ) : null}
                    <textarea
                      id={id}
                      name="reason"
                      rows={4}
                      maxLength={5000}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? `${id}-error ${id}-help` : `${id}-help`}
                      // Back at the field that needs the reason, not at the top of the page.
                      // eslint-disable-next-line jsx-a11y/no-autofocus
                      autoFocus={invalid}
                    />
                  </div>
                  <button type="submit" className="button button--secondary" disabled={busy}>
                    {t(`questions.transitions.${tr.verb}`)}
                  </button>
                </Form>
                );
              })}
            </section>
          ) : null}

          {canStartTeacherResearch ? (
            <section className="card stack" aria-labelledby="teacher-research-title">
              <h2 id="teacher-research-title">{t("teacherResearch.title")}</h2>
              <p className="muted">{t("teacherResearch.startHint")}</p>
              <p>
                <Link to={`/vragen/${question.id}/leraren`} className="button button--secondary">
                  {t("teacherResearch.startLink")}
                </Link>
              </p>
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="related-title">
            <h2 id="related-title">{t("results.related.title")}</h2>
            <p className="muted">{t("results.related.intro")}</p>
            {related.length === 0 ? (
              <p>{t("results.related.none")}</p>
            ) : (
              <ul className="link-list">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link to={`/opbrengsten/${r.id}`}>{r.title}</Link> <span className="muted">— {r.schoolName}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {question.links.length > 0 ? (
            <section className="card stack" aria-labelledby="linked-title">
              <h2 id="linked-title">{t("questions.detail.linked")}</h2>
              <p className="muted">{t("questions.detail.linkedIntro")}</p>
              <ul className="link-list">
                {question.links.map((l) => (
                  <li key={l.id}>
                    <Link to={`/vragen/${l.id}`}>{l.title}</Link> <span className="muted">— {l.schoolName}</span>
                    {canLink ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="unlink" />
                        <input type="hidden" name="otherId" value={l.id} />
                        <button type="submit" className="button-link">
                          {t("questions.detail.unlink")}
                          <span className="visually-hidden">: {l.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {lab && lab.options.length > 0 ? (
            <section className="card stack" aria-labelledby="lab-title">
              <h2 id="lab-title">{t("questions.detail.labTitle")}</h2>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="lab" />
                <div className="field">
                  <label htmlFor="question-lab">{t("questions.detail.labLabel")}</label>
                  <select id="question-lab" name="labId" defaultValue={lab.current ?? ""}>
                    <option value="">{t("questions.detail.noLab")}</option>
                    {lab.options.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <button type="submit" className="button button--small button--secondary" disabled={busy}>
                    {t("questions.detail.labSave")}
                  </button>
                </div>
              </Form>
            </section>
          ) : null}

          {canLink ? (
            <section className="card stack" aria-labelledby="similar-title">
              <h2 id="similar-title">{t("questions.detail.similar")}</h2>
              <p className="muted">{t("questions.detail.similarIntro")}</p>
              {similar.length === 0 ? (
                <p>{t("questions.detail.similarNone")}</p>
              ) : (
                <ul className="link-list">
                  {similar.map((s) => (
                    <li key={s.id}>
                      <Link to={`/vragen/${s.id}`}>{s.title}</Link> <span className="muted">— {s.schoolName}</span>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="link" />
                        <input type="hidden" name="otherId" value={s.id} />
                        <button type="submit" className="button button--small button--secondary">
                          {t("questions.detail.link")}
                          <span className="visually-hidden">: {s.title}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

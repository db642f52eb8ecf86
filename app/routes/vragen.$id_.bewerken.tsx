import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuestionForm } from "../components/question-form";
import { can } from "../domain/permissions";
import { findQuestion, listThemes, parseSubQuestions, schoolsActorCanWriteFor } from "../models/question.server";
import { updateAndResubmit, updateQuestion } from "../models/question-lifecycle.server";
import { staffOfSchools } from "../models/school-staff.server";
import { scopeForQuestion } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { refusal, requireUser } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { parseQuestionForm } from "../schemas/question-form.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Vraag bewerken — Samen Onderzoeken" }];

/** The question, after the permission module allowed this user to edit it now. */
async function requireEditableQuestion(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const question = findQuestion(id ?? "");
  if (!question || !can(actor, "question:view", scopeForQuestion(question))) return refusal(request, { notFound: true });
  if (!can(actor, "question:edit", scopeForQuestion(question))) return refusal(request, { message: "questions.errors.notEditable" });
  return { user, actor, question };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, question } = await requireEditableQuestion(request, params.id);
  return {
    id: question.id,
    // A sent-back question shows why, and can be saved and resubmitted in one step.
    staff: staffOfSchools([question.schoolId]),
    sentBack: question.status === "teruggestuurd" ? { feedback: question.feedback ?? "" } : null,
    schools: schoolsActorCanWriteFor(actor).filter((s) => s.id === question.schoolId),
    themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl, description: th.descriptionNl })),
    defaults: {
      schoolId: question.schoolId,
      title: question.title,
      background: question.background,
      desiredOutcome: question.desiredOutcome,
      visionFit: question.visionFit,
      themeId: question.themeId ?? "",
      subQuestions: parseSubQuestions(question.subQuestions).join("\n"),
      sector: question.sector,
      schoolYear: question.schoolYear,
      studentCapacity: question.studentCapacity,
      supervisorName: question.supervisorName,
      supervisorId: question.supervisionExternal ? "extern" : (question.supervisorId ?? ""),
      supervisionCapacity: question.supervisionCapacity,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, question } = await requireEditableQuestion(request, params.id);
  const t = await getT(request);
  const parsed = await parseQuestionForm(request, actor);
  if (!parsed) return data({ result: null, formError: t("errors.badRequest") }, { status: 400 });
  if (!parsed.ok) return data({ result: parsed.reply, formError: null }, { status: parsed.status });
  const { schoolId, intent, ...content } = parsed.value;
  // A question cannot be moved to another school by editing it.
  if (schoolId !== question.schoolId) {
    return data({ result: null, formError: t("questions.errors.schoolNotYours") }, { status: 400 });
  }
  if (intent === "submit" && question.status === "teruggestuurd") {
    const outcome = updateAndResubmit(question.id, content, actor.userId);
    if (outcome !== "ok") return data({ result: null, formError: t(outcome === "incomplete" ? "school.resubmit.incomplete" : "questions.errors.conflict") }, { status: outcome === "incomplete" ? 400 : 409 });
    return redirectWithToast(`/vragen/${question.id}`, { kind: "success", message: t("school.resubmit.done") });
  }
  if (!updateQuestion(question.id, question.status, content)) {
    return data({ result: null, formError: t("questions.errors.conflict") }, { status: 409 });
  }
  return redirectWithToast(`/vragen/${question.id}`, { kind: "success", message: t("questions.updated") });
}

export default function EditQuestionPage() {
  const { id, schools, themes, defaults, sentBack, staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg form-page">
      <header>
        <h1>{t("questions.form.editTitle")}</h1>
      </header>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      {sentBack ? (
        <section className="hint-box" aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t("school.resubmit.feedbackTitle")}</h2>
          <p>{sentBack.feedback || t("school.resubmit.noFeedback")}</p>
        </section>
      ) : null}
      <QuestionForm staff={staff} mode="edit" resubmit={!!sentBack} schools={schools} themes={themes} defaults={defaults} lastResult={actionData?.result} cancelTo={`/vragen/${id}`} />
    </div>
  );
}

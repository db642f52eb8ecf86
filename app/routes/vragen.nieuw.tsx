import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuestionForm } from "../components/question-form";
import { createQuestion } from "../models/question-lifecycle.server";
import { listThemes, schoolsActorCanWriteFor } from "../models/question.server";
import { staffOfSchools } from "../models/school-staff.server";
import { toActor } from "../models/user.server";
import { currentSchoolYear } from "../domain/question-schema";
import { requirePermission } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { parseQuestionForm } from "../schemas/question-form.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nieuwe vraag — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "questions:browse");
  const schools = schoolsActorCanWriteFor(toActor(user));
  return {
    schools,
    themes: listThemes().map((th) => ({
      id: th.id,
      name: user.locale === "en" ? th.nameEn : th.nameNl,
      description: th.descriptionNl,
    })),
    schoolYear: currentSchoolYear(),
    staff: staffOfSchools(schools.map((s) => s.id)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "questions:browse");
  const t = await getT(request);
  const parsed = await parseQuestionForm(request, toActor(user));
  if (!parsed) return data({ result: null, formError: t("errors.badRequest") }, { status: 400 });
  if (!parsed.ok) return data({ result: parsed.reply, formError: null }, { status: parsed.status });
  const { schoolId, intent, ...content } = parsed.value;
  const id = createQuestion(user.id, schoolId, content, intent === "submit");
  return redirectWithToast(`/vragen/${id}`, {
    kind: "success",
    message: intent === "submit" ? t("questions.submitted") : t("questions.created"),
  });
}

export default function NewQuestionPage() {
  const { schools, themes, schoolYear, staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg form-page">
      <header>
        <h1>{t("questions.form.newTitle")}</h1>
        <p className="lead">{t("questions.form.newIntro")}</p>
      </header>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      {schools.length === 0 ? (
        <p className="empty">{t("questions.form.noSchool")}</p>
      ) : (
        <QuestionForm staff={staff}
          mode="create"
          schools={schools}
          themes={themes}
          lastResult={actionData?.result}
          cancelTo="/vragen"
          defaults={{ schoolId: schools[0]!.id, sector: schools[0]!.sector, schoolYear, studentCapacity: 1, supervisionCapacity: 1 }}
        />
      )}
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TeacherResearchStartForm } from "../components/teacher-research/start-form";
import { findQuestion } from "../models/question.server";
import { scopeForQuestion } from "../models/scopes.server";
import { can } from "../domain/permissions";
import { labOptions, schoolNameOf, startTeacherResearch, teacherOptions } from "../models/teacher-research.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

/** /vragen/:id/leraren — "Onderzoek door leraren" (issue 20): an open question taken up by teachers or a lab. */

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.title ?? "Onderzoek door leraren"} — Samen Onderzoeken` },
];

async function loadQuestion(request: Request, id: string) {
  const { user, actor } = await requireActor(request);
  const question = findQuestion(id);
  // Who may not see the question learns nothing: unknown and hidden look the same.
  if (!question || !can(actor, "question:view", scopeForQuestion(question))) return refusal(request, { notFound: true });
  const scope = scopeForQuestion(question);
  if (!can(actor, "question:start-teacher-research", scope)) {
    // The school's leadership on a question that is no longer open: say so (409), not "no permission".
    if (can(actor, "question:start-teacher-research", { ...scope, status: "open" })) {
      throw json({ error: (await getT(request))("teacherResearch.errors.notOpen") }, { status: 409 });
    }
    return refusal(request);
  }
  return { question, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { question } = await loadQuestion(request, params.id ?? "");
  const t = await getT(request);
  return {
    id: question.id,
    title: question.title,
    pageTitle: t("teacherResearch.title"),
    schoolName: schoolNameOf(question.schoolId),
    teachers: teacherOptions(question.schoolId),
    labs: labOptions(question.schoolId),
  };
}

type ActionData = { errors: Partial<Record<"teacherIds" | "labId" | "form", string>>; chosen: { teacherIds: string[]; labId: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { question, user } = await loadQuestion(request, params.id ?? "");
  const t = await getT(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionData>({ errors: { form: t("teacherResearch.errors.badRequest") }, chosen: { teacherIds: [], labId: "" } }, { status: 400 });
  }
  const teacherIds = form.getAll("teacherIds").filter((v): v is string => typeof v === "string");
  const labRaw = form.get("labId");
  const labId = typeof labRaw === "string" ? labRaw : "";
  const outcome = startTeacherResearch({ questionId: question.id, teacherIds, labId: labId || null }, user.id, context.clientIp ?? null);
  if (!outcome.ok) {
    return data<ActionData>(
      { errors: { [outcome.error.field]: t(`teacherResearch.errors.${outcome.error.key}`) }, chosen: { teacherIds: teacherIds.slice(0, 100), labId: labId.slice(0, 100) } },
      { status: outcome.error.status },
    );
  }
  return redirectWithToast(`/projecten/${outcome.projectId}`, { kind: "success", message: t("teacherResearch.started") });
}

export default function TeacherResearchPage() {
  const { id, title, schoolName, teachers, labs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <article className="stack-lg" aria-labelledby="teacher-research-title">
      <p>
        <Link to={`/vragen/${id}`}>← {t("teacherResearch.cancel")}</Link>
      </p>
      <header className="stack">
        <h1 id="teacher-research-title">{t("teacherResearch.title")}</h1>
        <p className="lead">
          {t("teacherResearch.question")}: <strong>{title}</strong> — {schoolName}
        </p>
        <p id="teacher-research-intro">{t("teacherResearch.intro")}</p>
      </header>
      <section className="card">
        <TeacherResearchStartForm
          questionId={id}
          schoolName={schoolName}
          teachers={teachers}
          labs={labs}
          errors={actionData?.errors}
          chosen={actionData?.chosen}
          pending={navigation.state !== "idle"}
        />
      </section>
    </article>
  );
}

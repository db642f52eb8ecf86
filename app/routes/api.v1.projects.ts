import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "../domain/permissions";
import { findQuestion } from "../models/question.server";
import { scopeForQuestion } from "../models/scopes.server";
import { startTeacherResearch } from "../models/teacher-research.server";
import { badRequest, field, readJson } from "../utils/api-body.server";
import { refusal, requireActor } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";

/**
 * `POST /api/v1/projects` `{ "questionId", "teacherIds": [userId], "labId"? }` → 201 `{ "id", "planId" }`:
 * teacher research (issue 20) beside the project members API of contract 6.14, through the same
 * model function and permission (`question:start-teacher-research`) as /vragen/:id/leraren.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, { api: true });
  return json({ error: (await getT(request))("errors.badRequest") }, { status: 405 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, { api: true });
  const t = await getT(request);
  if (request.method !== "POST") return json({ error: t("errors.badRequest") }, { status: 405 });
  const body = await readJson(request);
  if (body === undefined || body === null || typeof body !== "object") return badRequest(t("organisations.errors.jsonInvalid"));
  const questionId = field(body, "questionId");
  if (!questionId) return badRequest(t("teacherResearch.api.questionRequired"));
  const question = findQuestion(questionId);
  if (!question || !can(actor, "question:view", scopeForQuestion(question))) return refusal(request, { api: true, notFound: true });
  const scope = scopeForQuestion(question);
  if (!can(actor, "question:start-teacher-research", scope)) {
    if (can(actor, "question:start-teacher-research", { ...scope, status: "open" })) return badRequest(t("teacherResearch.errors.notOpen"), 409);
    return refusal(request, { api: true });
  }
  const rawTeachers = (body as Record<string, unknown>).teacherIds ?? [];
  if (!Array.isArray(rawTeachers) || rawTeachers.some((v) => typeof v !== "string")) return badRequest(t("teacherResearch.api.teacherIdsInvalid"));
  const rawLab = (body as Record<string, unknown>).labId;
  if (rawLab !== undefined && rawLab !== null && typeof rawLab !== "string") return badRequest(t("teacherResearch.errors.unknownLab"));
  const outcome = startTeacherResearch({ questionId: question.id, teacherIds: rawTeachers as string[], labId: rawLab || null }, user.id, context.clientIp ?? null);
  if (!outcome.ok) return badRequest(t(`teacherResearch.errors.${outcome.error.key}`), outcome.error.status);
  return json({ id: outcome.projectId, planId: outcome.planId }, { status: 201 });
}

import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { can, type Actor } from "../domain/permissions";
import { themeExists } from "../models/question.server";
import { schoolScope } from "../models/scopes.server";
import { questionDraftSchema, questionSchemaFor, type QuestionInput } from "../domain/question-schema";
import { resolveSupervisor } from "../models/school-staff.server";
import { archivedSchoolIds } from "../models/agenda.server";

type Parsed =
  | { ok: true; value: QuestionInput }
  | { ok: false; reply: SubmissionResult<string[]>; status: number };

/**
 * Validates a submitted question form with the shared schema, then the facts
 * only the server knows: the theme exists and the actor speaks for the school.
 */
export async function parseQuestionForm(request: Request, actor: Actor): Promise<Parsed | null> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return null;
  }
  // The werkplekbegeleider is a person of the school's staff, or supervision comes from the lab or institute (issue 20).
  const supervisor = resolveSupervisor(String(formData.get("supervisorId") ?? "").trim(), String(formData.get("schoolId") ?? ""));
  if (supervisor === "notStaff") {
    const submission = parseWithZod(formData, { schema: questionDraftSchema });
    return { ok: false, reply: submission.reply({ fieldErrors: { supervisorId: ["school.supervisor.notStaff"] } }), status: 400 };
  }
  if (supervisor && !String(formData.get("supervisorName") ?? "").trim()) formData.set("supervisorName", supervisor.name);
  const submission = parseWithZod(formData, { schema: questionSchemaFor(formData.get("intent")) });
  if (submission.status !== "success") return { ok: false, reply: submission.reply(), status: 400 };
  const value = submission.value;
  // A concept may leave the theme open; a given one must exist.
  if (value.themeId && !themeExists(value.themeId)) {
    return { ok: false, reply: submission.reply({ fieldErrors: { themeId: ["questions.errors.themeUnknown"] } }), status: 400 };
  }
  const scope = schoolScope(value.schoolId);
  if (!can(actor, "question:create", scope)) {
    return { ok: false, reply: submission.reply({ fieldErrors: { schoolId: ["questions.errors.schoolNotYours"] } }), status: 403 };
  }
  // An archived school keeps its questions readable but takes no new or changed ones (issue 19).
  if (archivedSchoolIds([value.schoolId]).size > 0) {
    return { ok: false, reply: submission.reply({ fieldErrors: { schoolId: ["installGaps.archived.noNewWork"] } }), status: 400 };
  }
  return { ok: true, value };
}

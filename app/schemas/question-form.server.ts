import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { can, type Actor } from "../domain/permissions";
import { themeExists } from "../models/question.server";
import { schoolScope } from "../models/scopes.server";
import { questionSchemaFor, type QuestionInput } from "../domain/question-schema";

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
  return { ok: true, value };
}

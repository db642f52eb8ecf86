import { z } from "zod";
import { ASPECTS, isAspectId, MAX_PRIORITIES, parsePhase, type Phase } from "./culture-scan";

/**
 * The culture scan page's four form actions as one zod schema. The form is
 * flat (`phase-<aspect>`, `agreed-<aspect>`, `priority-<aspect>` …), so it is
 * first shaped per aspect and then validated; messages are i18n keys. What
 * needs the database (does the scan exist, may this question be linked) stays
 * with the route.
 */

const phase = (missing: string) =>
  z
    .string({ required_error: missing, invalid_type_error: missing })
    .transform((value, ctx) => {
      const parsed = parsePhase(value);
      if (!parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "scan.errors.phaseInvalid" });
      return parsed as Phase;
    });

const aspectIds = ASPECTS.map((a) => a.id);

const answersSchema = z.object(Object.fromEntries(aspectIds.map((id) => [id, phase("scan.errors.phaseMissing")])));

const agreementSchema = z
  .object({
    agreedPhase: phase("scan.errors.phaseMissing"),
    priority: z.boolean(),
    action: z.string().trim().max(500, "scan.errors.actionTooLong"),
    questionId: z.string().nullable(),
  })
  .refine((row) => !row.priority || row.action.length > 0, { message: "scan.errors.actionRequired" })
  .transform((row) => ({ ...row, action: row.priority ? row.action : "", questionId: row.priority ? row.questionId : null }));

const scanId = z.string({ required_error: "scan.errors.notFound" }).min(1, "scan.errors.notFound");

export const scanActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("open"), schoolId: z.string().default(""), schoolYear: z.string().optional() }),
    z.object({ intent: z.literal("respond"), scanId, answers: answersSchema }),
    z.object({
      intent: z.literal("agree"),
      scanId,
      // Aspect by aspect (issue 20): only the aspects filled in are saved, the others keep what they had.
      agreements: z
        .array(agreementSchema.and(z.object({ aspectId: z.string() })))
        .min(1, "actionOwners.scan.empty")
        .refine((rows) => rows.filter((r) => r.priority).length <= MAX_PRIORITIES, "scan.errors.priorityCount"),
    }),
    z.object({ intent: z.literal("close"), scanId }),
  ],
  { errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? "scan.errors.unknownIntent" : ctx.defaultError }) },
);

export type ScanAction = z.infer<typeof scanActionSchema>;

/** Shapes the flat form per aspect; a field naming an unknown aspect is refused outright. */
function shape(form: Record<string, string | undefined>): unknown {
  const prefixed = Object.keys(form).flatMap((key) => {
    const match = /^(phase|agreed|priority|action|question)-(.+)$/.exec(key);
    return match ? [match[2]] : [];
  });
  if (prefixed.some((id) => !isAspectId(id))) return null;
  const answers = Object.fromEntries(aspectIds.flatMap((id) => (form[`phase-${id}`] === undefined ? [] : [[id, form[`phase-${id}`]]])));
  // An aspect left entirely empty is not part of this save; one with only a priority or action still needs its phase.
  const agreements = aspectIds
    .map((id) => ({
      aspectId: id,
      agreedPhase: form[`agreed-${id}`] || undefined,
      priority: form[`priority-${id}`] === "on",
      action: form[`action-${id}`] ?? "",
      questionId: form[`question-${id}`] || null,
    }))
    .filter((row) => row.agreedPhase !== undefined || row.priority || row.action.trim() !== "");
  return { intent: form.intent, schoolId: form.schoolId, schoolYear: form.schoolYear || undefined, scanId: form.scanId, answers, agreements };
}

/** The parsed action, or the i18n key of the first thing wrong with it. */
export function parseScanAction(form: Record<string, string | undefined>): { ok: true; action: ScanAction } | { ok: false; error: string } {
  const shaped = shape(form);
  if (shaped === null) return { ok: false, error: "scan.errors.unknownAspect" };
  const parsed = scanActionSchema.safeParse(shaped);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? "errors.badRequest" };
}

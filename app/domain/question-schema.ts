import { z } from "zod";
import { SECTOR_VALUES } from "./sectors";

/**
 * The question form, validated with the same schema in the browser (Conform)
 * and on the server. Messages are i18n keys under `questions.errors`.
 */
export const QUESTION_LIMITS = {
  title: { min: 10, max: 200 },
  background: { min: 20, max: 5000 },
  desiredOutcome: { min: 10, max: 3000 },
  visionFit: { max: 2000 },
  subQuestion: { max: 300 },
  subQuestions: { max: 8 },
  supervisorName: { max: 200 },
  capacity: { min: 1, max: 20 },
} as const;

const text = (min: number, max: number, field: string) =>
  z
    .string({ required_error: `questions.errors.${field}Required` })
    .trim()
    .min(min, min <= 1 ? `questions.errors.${field}Required` : `questions.errors.${field}Short`)
    .max(max, "questions.errors.tooLong");

export function currentSchoolYear(now = new Date()): string {
  // A Dutch schooljaar starts in August.
  const year = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return `${year}-${year + 1}`;
}

export const schoolYearSchema = z
  .string({ required_error: "questions.errors.schoolYearInvalid" })
  .regex(/^\d{4}-\d{4}$/, "questions.errors.schoolYearInvalid")
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, "questions.errors.schoolYearInvalid");

export const questionSchema = z.object({
  schoolId: z.string({ required_error: "questions.errors.schoolRequired" }).min(1, "questions.errors.schoolRequired").max(100),
  title: text(QUESTION_LIMITS.title.min, QUESTION_LIMITS.title.max, "title"),
  background: text(QUESTION_LIMITS.background.min, QUESTION_LIMITS.background.max, "background"),
  desiredOutcome: text(QUESTION_LIMITS.desiredOutcome.min, QUESTION_LIMITS.desiredOutcome.max, "desiredOutcome"),
  visionFit: z.string().trim().max(QUESTION_LIMITS.visionFit.max, "questions.errors.tooLong").optional().default(""),
  themeId: z.string({ required_error: "questions.errors.themeRequired" }).min(1, "questions.errors.themeRequired").max(100, "questions.errors.themeUnknown"),
  /** One deelvraag per line. */
  subQuestions: z
    .string()
    .max(QUESTION_LIMITS.subQuestions.max * (QUESTION_LIMITS.subQuestion.max + 2), "questions.errors.tooLong")
    .optional()
    .default("")
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*[-*•\d.)]+\s*/, "").trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length <= QUESTION_LIMITS.subQuestions.max, "questions.errors.subQuestionsTooMany")
    .refine((lines) => lines.every((l) => l.length <= QUESTION_LIMITS.subQuestion.max), "questions.errors.subQuestionTooLong"),
  sector: z.enum(SECTOR_VALUES, { errorMap: () => ({ message: "questions.errors.sectorRequired" }) }),
  schoolYear: schoolYearSchema,
  studentCapacity: z.coerce
    .number({ invalid_type_error: "questions.errors.capacityInvalid", required_error: "questions.errors.capacityInvalid" })
    .int("questions.errors.capacityInvalid")
    .min(QUESTION_LIMITS.capacity.min, "questions.errors.capacityInvalid")
    .max(QUESTION_LIMITS.capacity.max, "questions.errors.capacityInvalid"),
  supervisorName: text(2, QUESTION_LIMITS.supervisorName.max, "supervisorName"),
  supervisionCapacity: z.coerce
    .number({ invalid_type_error: "questions.errors.capacityInvalid", required_error: "questions.errors.capacityInvalid" })
    .int("questions.errors.capacityInvalid")
    .min(QUESTION_LIMITS.capacity.min, "questions.errors.capacityInvalid")
    .max(QUESTION_LIMITS.capacity.max, "questions.errors.capacityInvalid"),
  /** The werkplekbegeleider as a person of the school's staff, or "extern" (from the lab or the institute); issue 20. */
  supervisorId: z.string().trim().max(100, "questions.errors.tooLong").optional().default(""),
  intent: z.enum(["save", "submit"]).optional().default("save"),
});

const optionalText = (max: number) => z.string().trim().max(max, "questions.errors.tooLong").optional().default("");

/**
 * "Opslaan als concept": a half-written question may be kept (only the
 * question itself is needed, to recognise it later); what is missing is asked
 * for when it is submitted (question-completeness.ts, the same minimums).
 */
export const questionDraftSchema = questionSchema.extend({
  background: optionalText(QUESTION_LIMITS.background.max),
  desiredOutcome: optionalText(QUESTION_LIMITS.desiredOutcome.max),
  themeId: z.string().max(100, "questions.errors.themeUnknown").optional().default(""),
  supervisorName: optionalText(QUESTION_LIMITS.supervisorName.max),
});

/** The schema for a form post: complete for submitting, lenient for saving a concept. */
export function questionSchemaFor(intent: unknown) {
  return intent === "submit" ? questionSchema : questionDraftSchema;
}

export type QuestionInput = z.infer<typeof questionDraftSchema>;

export const transitionSchema = z.object({
  to: z.string().min(1).max(40),
  reason: z.string().trim().max(5000, "questions.errors.tooLong").optional().default(""),
});

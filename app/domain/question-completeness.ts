import { questionSchema } from "./question-schema";

/** What a question must have before it goes to the partnership (a concept may lack it). */
export type SubmittableContent = {
  title: string;
  background: string;
  desiredOutcome: string;
  themeId: string | null;
  supervisorName: string;
};

export type MissingField = "title" | "background" | "desiredOutcome" | "themeId" | "supervisorName";

const FIELDS: MissingField[] = ["title", "background", "desiredOutcome", "themeId", "supervisorName"];
// The form's own rules for these fields: one definition of "complete", not a copy of its minimums.
const submittable = questionSchema.pick({ title: true, background: true, desiredOutcome: true, themeId: true, supervisorName: true });

/** The fields a stored question still lacks for submission, in form order. Empty means it may be submitted. */
export function missingForSubmission(q: SubmittableContent): MissingField[] {
  const result = submittable.safeParse({ ...q, themeId: q.themeId ?? "" });
  if (result.success) return [];
  const failing = new Set(result.error.issues.map((issue) => issue.path[0]));
  return FIELDS.filter((field) => failing.has(field));
}

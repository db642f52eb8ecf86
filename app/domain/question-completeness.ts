import { QUESTION_LIMITS } from "../schemas/question";

/** What a question must have before it goes to the partnership (a concept may lack it). */
export type SubmittableContent = {
  title: string;
  background: string;
  desiredOutcome: string;
  themeId: string | null;
  supervisorName: string;
};

export type MissingField = "title" | "background" | "desiredOutcome" | "themeId" | "supervisorName";

/**
 * The fields a stored question still lacks for submission, in form order; the
 * same minimums as the form's schema. Empty means it may be submitted.
 */
export function missingForSubmission(q: SubmittableContent): MissingField[] {
  const missing: MissingField[] = [];
  if (q.title.trim().length < QUESTION_LIMITS.title.min) missing.push("title");
  if (q.background.trim().length < QUESTION_LIMITS.background.min) missing.push("background");
  if (q.desiredOutcome.trim().length < QUESTION_LIMITS.desiredOutcome.min) missing.push("desiredOutcome");
  if (!q.themeId) missing.push("themeId");
  if (q.supervisorName.trim().length < 2) missing.push("supervisorName");
  return missing;
}

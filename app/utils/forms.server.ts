import type { TFunction } from "i18next";
import type { ZodError } from "zod";

/**
 * Reads a form body; a malformed or non-form body becomes null so the action
 * can answer 400 with a Dutch message instead of throwing a 500.
 */
export async function readForm(request: Request): Promise<Record<string, string> | null> {
  try {
    const form = await request.formData();
    const values: Record<string, string> = {};
    for (const [key, value] of form) {
      if (typeof value !== "string") return null; // no files expected in these forms
      values[key] = value;
    }
    return values;
  } catch {
    return null;
  }
}

/** Zod issues (whose messages are i18n keys) as one translated message per field. */
export function fieldErrors(error: ZodError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= t(issue.message);
  }
  return errors;
}

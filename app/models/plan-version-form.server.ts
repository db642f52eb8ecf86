import { z } from "zod";

/** Error messages are i18n keys under plan.versions. */
export const freezeSchema = z.object({
  name: z
    .string({ required_error: "plan.versions.nameRequired" })
    .trim()
    .min(1, "plan.versions.nameRequired")
    .max(120, "plan.versions.nameTooLong"),
});

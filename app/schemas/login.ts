import { z } from "zod";

/** Error messages are i18n keys; the route translates them. */
export const loginSchema = z.object({
  email: z
    .string({ required_error: "login.emailRequired" })
    .trim()
    .min(1, "login.emailRequired")
    .max(320, "login.tooLong")
    .email("login.emailInvalid"),
  password: z.string({ required_error: "login.passwordRequired" }).min(1, "login.passwordRequired").max(1000, "login.tooLong"),
  redirectTo: z.string().max(2000).optional(),
});

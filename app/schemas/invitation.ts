import { z } from "zod";
import { ROLES } from "../domain/roles";

/**
 * `organisation` is "<kind>:<id>", e.g. "school:3f…" or "platform:"; the route
 * checks it exists and that the role fits its kind.
 */
export const invitationSchema = z.object({
  name: z.string().trim().min(1, "invitations.errors.nameRequired").max(200, "invitations.errors.tooLong"),
  email: z.string().trim().max(320, "invitations.errors.tooLong").email("invitations.errors.emailInvalid"),
  organisation: z
    .string()
    .min(1, "invitations.errors.organisationRequired")
    .max(100, "invitations.errors.organisationUnknown")
    .regex(/^(platform|partnership|school|institute):[A-Za-z0-9-]*$/, "invitations.errors.organisationUnknown"),
  role: z.enum(ROLES, { errorMap: () => ({ message: "invitations.errors.roleRequired" }) }),
});

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const acceptNewAccountSchema = z
  .object({
    name: z.string().trim().min(1, "accept.errors.nameRequired").max(200, "accept.errors.tooLong"),
    password: z
      .string()
      .min(PASSWORD_MIN, "accept.errors.passwordShort")
      .max(PASSWORD_MAX, "accept.errors.passwordLong"),
    passwordConfirm: z.string().max(PASSWORD_MAX, "accept.errors.passwordLong"),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "accept.errors.passwordMismatch",
  });

export const acceptExistingAccountSchema = z.object({
  currentPassword: z.string().min(1, "accept.errors.passwordWrong").max(1000, "accept.errors.tooLong"),
});
